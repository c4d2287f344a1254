import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './databaseUrl.ts';

export const MIGRATIONS_DIR = join(REPO_ROOT, 'prisma', 'migrations');

export interface MigrationFile {
  /** The folder name, e.g. 20261124015010_init; folders apply in name order. */
  name: string;
  sql: string;
  /** Hex SHA-256 of migration.sql's bytes, as Prisma records it in _prisma_migrations. */
  checksum: string;
}

export function readMigrations(dir: string = MIGRATIONS_DIR): MigrationFile[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const bytes = readFileSync(join(dir, name, 'migration.sql'));
      return { name, sql: bytes.toString('utf8'), checksum: createHash('sha256').update(bytes).digest('hex') };
    });
}
