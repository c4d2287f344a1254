import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The README's layout table is the map a new engineer reads first, so it
 * names every folder of the code (two levels under each package's src/, one
 * under tests/) and no folder that is not there. A row's first cell is a
 * folder; a backticked `name/` in its second cell is a folder inside it.
 */
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function layoutSection(): string {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const start = readme.indexOf('\n## Layout\n');
  if (start < 0) throw new Error('README.md has no "## Layout" section');
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end < 0 ? undefined : end);
}

/** Every folder the table names, as a path from the repository's root without a trailing slash. */
function namedFolders(): string[] {
  return layoutSection()
    .split('\n')
    .flatMap((line) => {
      const row = /^\| `([^`]+)` \|(.*)\|\s*$/.exec(line);
      if (row === null) return [];
      const folder = row[1]!.replace(/\/$/, '');
      const inside = [...row[2]!.matchAll(/`([A-Za-z][\w/]*)\/`/g)].map((match) => `${folder}/${match[1]}`);
      return [folder, ...inside];
    });
}

/** Folders of our own (Prisma's generated client is not) `depth` levels down from `from`. */
function folders(from: string, depth: number): string[] {
  if (depth === 0) return [];
  return readdirSync(join(root, from), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== 'node_modules' && entry.name !== 'generated')
    .flatMap((entry) => [`${from}/${entry.name}`, ...folders(`${from}/${entry.name}`, depth - 1)]);
}

describe("README's layout table", () => {
  const named = namedFolders();

  it('names only folders that exist', () => {
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter((folder) => !existsSync(join(root, folder)) || !statSync(join(root, folder)).isDirectory())).toEqual([]);
  });

  it('names every folder of the code', () => {
    const tree = [...folders('server/src', 2), ...folders('client/src', 2), ...folders('shared/src', 2), ...folders('tests', 1)];
    expect(tree.filter((folder) => !named.includes(folder)).sort()).toEqual([]);
  });
});
