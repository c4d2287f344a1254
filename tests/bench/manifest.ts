/** Vite's build manifest (build.manifest: true): which chunk imports which, keyed by source module or chunk name. */
export type Manifest = Record<string, { file: string; isEntry?: boolean; imports?: string[]; dynamicImports?: string[]; css?: string[] }>;

/**
 * The files a browser loads to show the pages `isPage` picks: the entry and its
 * static imports, then each of those pages (the entry's dynamic imports) and
 * their static imports. Vite preloads a dynamic chunk's static imports together
 * with it, so they count; a page's own dynamic imports (loaded later, if ever) do not.
 */
export function loadedChunks(manifest: Manifest, isPage: (source: string) => boolean): Set<string> {
  const entries = Object.entries(manifest).filter(([, chunk]) => chunk.isEntry);
  if (entries.length !== 1) throw new Error(`expected one entry chunk in the manifest, found ${entries.length}`);
  const [entryKey, entry] = entries[0]!;
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (chunk === undefined) throw new Error(`the manifest has no chunk ${key}`);
    if (files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit(entryKey);
  const pages = (entry.dynamicImports ?? []).filter(isPage);
  if (pages.length === 0) throw new Error(`the entry ${entryKey} loads none of these pages lazily`);
  for (const page of pages) visit(page);
  return files;
}
