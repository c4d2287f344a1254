import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SamplanError } from '@samplan/shared';

/**
 * The repository root: relative PGlite directories are resolved against it,
 * whatever the working directory. Found as the nearest folder above this
 * module that holds prisma/migrations, so the same code works from
 * server/src (tsx) and from the compiled server/dist/main.mjs.
 */
export const REPO_ROOT = repositoryRootAbove(dirname(fileURLToPath(import.meta.url)));

function repositoryRootAbove(start: string): string {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'prisma', 'migrations'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no prisma/migrations above ${start}: is this a Samplan checkout or image?`);
  }
}

export const DEFAULT_DATABASE_URL = 'pglite:./data/db';

export type DatabaseTarget =
  | { kind: 'pglite-dir'; dir: string }
  | { kind: 'pglite-memory' }
  | { kind: 'postgres'; connectionString: string };

/**
 * `pglite:<dir>` (relative to the repository root), `pglite:memory://`, or a
 * `postgresql://` / `postgres://` connection string.
 */
export function parseDatabaseUrl(url: string = DEFAULT_DATABASE_URL): DatabaseTarget {
  if (url.startsWith('postgresql://') || url.startsWith('postgres://')) return { kind: 'postgres', connectionString: url };
  if (url.startsWith('pglite:')) {
    const location = url.slice('pglite:'.length);
    if (location === 'memory://') return { kind: 'pglite-memory' };
    if (location.length > 0 && !location.includes('://')) {
      return { kind: 'pglite-dir', dir: isAbsolute(location) ? location : join(REPO_ROOT, location) };
    }
  }
  // The URL may hold a password, so it is not repeated in the message.
  throw new SamplanError('BAD_REQUEST', 'DATABASE_URL must be pglite:<dir>, pglite:memory:// or postgresql://…');
}
