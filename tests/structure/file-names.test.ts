import { readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** docs/architecture.md, "File names": camelCase modules, PascalCase components, in every package. */
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function modules(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    // Prisma's generated client is not ours to name.
    if (entry.name === 'generated') return [];
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return modules(path);
    return /\.tsx?$/.test(entry.name) ? [relative(root, path)] : [];
  });
}

describe('file names', () => {
  it.each(['server', 'client', 'shared'])('%s/src names its modules in camelCase or PascalCase', (name) => {
    const misnamed = modules(join(root, name, 'src')).filter((path) => !/^[A-Za-z][A-Za-z0-9]*(\.[a-z]+)*\.tsx?$/.test(path.split('/').pop() as string));
    expect(misnamed).toEqual([]);
  });
});
