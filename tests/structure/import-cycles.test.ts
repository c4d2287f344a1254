import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import madge from 'madge';
import { describe, expect, it } from 'vitest';

/**
 * An import circle makes two modules one in all but name: neither can be
 * read, tested or moved alone. Type-only imports count too, because they tie
 * the files together for a reader all the same.
 */
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const packages = [
  { name: 'server', tsConfig: 'server/tsconfig.json' },
  { name: 'client', tsConfig: 'client/tsconfig.json' },
  { name: 'shared', tsConfig: 'shared/tsconfig.json' },
] as const;

describe('import circles', () => {
  it.each(packages)('$name/src has none', async ({ name, tsConfig }) => {
    const graph = await madge(join(root, name, 'src'), {
      fileExtensions: ['ts', 'tsx'],
      tsConfig: join(root, tsConfig),
      // Prisma's generated client is not ours to arrange.
      excludeRegExp: [/[\\/]generated[\\/]/],
    });
    expect(graph.circular()).toEqual([]);
  }, 120_000);
});
