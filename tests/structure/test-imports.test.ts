import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Tests reach the server as any other user of it would, by its package name
 * (`@samplan/server/…`), so moving a file inside server/ is one import map
 * away from every test, not thirty relative paths.
 */
const testsRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules') return [];
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('tests and the server', () => {
  it('import the server by its package name, never by a path into server/src', () => {
    const offenders = sourceFiles(testsRoot).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/from '((?:\.\.\/)+server\/src\/[^']+)'/g)].map((match) => `${relative(testsRoot, file)}: ${match[1]}`),
    );
    expect(offenders).toEqual([]);
  });
});
