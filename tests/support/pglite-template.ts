import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { REPO_ROOT } from '@samplan/server/store/databaseUrl.ts';
import { applyMigrations, pgliteMigrationSession } from '@samplan/server/store/migrate.ts';
import { readMigrations } from '@samplan/server/store/migrationFiles.ts';

// PGlite spends ~2 s of a fresh database's start in initdb. Tests that only
// need a fresh, migrated database start from a dump of one instead (~0.4 s),
// made once per set of migrations and PGlite version and kept in .cache/.
// (The migration tests themselves always start from nothing.)

const CACHE_DIR = join(REPO_ROOT, '.cache', 'db-tests');

let template: Promise<Blob> | undefined;

export function migratedPgliteTemplate(): Promise<Blob> {
  return (template ??= loadOrBuild());
}

async function loadOrBuild(): Promise<Blob> {
  const migrations = readMigrations();
  // The package does not export its package.json; it sits above dist/.
  const pgliteEntry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const pgliteVersion = (JSON.parse(readFileSync(join(dirname(pgliteEntry), '..', 'package.json'), 'utf8')) as { version: string }).version;
  const key = createHash('sha256').update(pgliteVersion).update(migrations.map((migration) => migration.checksum).join()).digest('hex').slice(0, 16);
  const file = join(CACHE_DIR, `pglite-migrated-${key}.tar.gz`);
  if (existsSync(file)) return new Blob([readFileSync(file)]);

  const pglite = await PGlite.create();
  try {
    await applyMigrations(pgliteMigrationSession(pglite), migrations);
    const dump = await pglite.dumpDataDir('gzip');
    mkdirSync(CACHE_DIR, { recursive: true });
    // Written aside, then renamed: a reader never sees half a file.
    const partial = `${file}.${process.pid}`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, file);
    return dump;
  } finally {
    await pglite.close();
  }
}
