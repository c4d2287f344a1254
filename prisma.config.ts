// The Prisma CLI's configuration. Prisma's native engines cannot be downloaded
// here, so the CLI runs its WASM schema engine (`engine: 'js'`) over a driver
// adapter chosen from DATABASE_URL, the same URL the server reads:
//   pglite:<dir> (default pglite:./data/db), pglite:memory://, postgresql://…
// The adapters' fixes for migrations and why they are needed:
// server/src/store/schemaEngineAdapters.ts and unrefWasmTimers.ts.
import { PGlite } from '@electric-sql/pglite';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { defineConfig } from 'prisma/config';
import { parseDatabaseUrl } from './server/src/store/databaseUrl.ts';
import { lockDirectory } from './server/src/store/pgliteLock.ts';
import { pgliteSchemaEngineAdapter, postgresSchemaEngineAdapter } from './server/src/store/schemaEngineAdapters.ts';
import { unrefLongWasmTimers } from './server/src/store/unrefWasmTimers.ts';

unrefLongWasmTimers();

// One command asks for the adapter more than once; the database is opened once.
let adapterFactory: Promise<SqlMigrationAwareDriverAdapterFactory> | undefined;

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  // Migrations live beside the schema (prisma/migrations); `--schema` moves both.
  schema: 'prisma/schema.prisma',
  adapter: () => (adapterFactory ??= openAdapter()),
});

async function openAdapter(): Promise<SqlMigrationAwareDriverAdapterFactory> {
  const target = parseDatabaseUrl(process.env.DATABASE_URL);
  switch (target.kind) {
    case 'postgres':
      return postgresSchemaEngineAdapter(target.connectionString);
    case 'pglite-memory':
      return pgliteSchemaEngineAdapter(await PGlite.create());
    case 'pglite-dir': {
      // Refused while the server (or another CLI) has the directory open.
      const lock = lockDirectory(target.dir);
      process.once('exit', () => lock.release());
      const pglite = await PGlite.create(target.dir);
      // Once the command's work is done, close the database cleanly so the
      // next open needs no crash recovery. (An explicit process.exit skips
      // this; the lock is still released on 'exit'.)
      process.once('beforeExit', () => {
        void pglite.close().finally(() => lock.release());
      });
      return pgliteSchemaEngineAdapter(pglite);
    }
  }
}
