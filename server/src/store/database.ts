import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { SamplanError } from '@samplan/shared';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { DEFAULT_DATABASE_URL, parseDatabaseUrl } from './databaseUrl.ts';
import { PrismaClient } from './generated/client.ts';
import { applyMigrations, pgliteMigrationSession, pgMigrationSession } from './migrate.ts';
import { readMigrations, type MigrationFile } from './migrationFiles.ts';
import { lockDirectory, type DirectoryLock } from './pgliteLock.ts';
import { withConflictErrors } from './uniqueConflict.ts';

export type Db = ReturnType<typeof withConflictErrors>;
/** The client inside `db.$transaction(async (tx) => …)`: inside, use only `tx` (PGlite runs one query at a time, so the outer client would wait for the transaction until it times out). */
export type DbTransaction = Parameters<Extract<Parameters<Db['$transaction']>[0], (...args: never[]) => unknown>>[0];
/** Either; store functions that do not need their own transaction take this, so callers can compose them in theirs. */
export type DbClient = Db | DbTransaction;

export interface Database {
  readonly prisma: Db;
  readonly kind: 'pglite' | 'postgres';
  /** The migrations this open applied (worth a log line at start); empty when the schema was current. */
  readonly appliedMigrations: readonly string[];
  /** Disconnects, closes an embedded database cleanly and releases its directory. Call it on shutdown. */
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Where migrations are read from; the repository's prisma/migrations by default. */
  migrationsDir?: string;
  /**
   * pglite:memory:// only: start from this copy of a database (PGlite's
   * dumpDataDir) instead of an empty one; pending migrations still apply.
   * Skips PGlite's initdb (~2 s), for test suites that need many fresh databases.
   */
  initialData?: Blob;
}

// PostgreSQL's default shared_buffers (128MB) suits a server with RAM of its
// own; embedded, the buffer pool is zeroed inside this process's WebAssembly
// memory when PGlite opens, so all of it is resident from the start (~120 MB
// of RSS) and the zeroing costs ~0.5 s of every start. Reads that miss the
// pool come from the data directory through the OS page cache (or from
// memory, for pglite:memory://), which is cheap at Samplan's sizes.
const PGLITE_SHARED_BUFFERS = '32MB';

// The key `prisma migrate deploy` locks, so a server starting while the CLI
// deploys (or two servers starting together) apply migrations one at a time.
const PRISMA_MIGRATE_ADVISORY_LOCK = 72707369;

/**
 * Opens the database named by `databaseUrl` (`pglite:<dir>`, `pglite:memory://`
 * or `postgresql://…`; see databaseUrl.ts), applies pending migrations
 * before any client uses it, and returns a Prisma client whose unique-key
 * violations throw SamplanError CONFLICT.
 */
export async function openDatabase(databaseUrl: string = DEFAULT_DATABASE_URL, options: OpenOptions = {}): Promise<Database> {
  const target = parseDatabaseUrl(databaseUrl);
  const migrations = readMigrations(options.migrationsDir);
  if (options.initialData && target.kind !== 'pglite-memory') throw new SamplanError('BAD_REQUEST', 'initialData is only for pglite:memory://');
  switch (target.kind) {
    case 'postgres':
      return openPostgres(target.connectionString, migrations);
    case 'pglite-dir':
      return openPglite({ dataDir: target.dir }, migrations, lockDirectory(target.dir));
    case 'pglite-memory':
      return openPglite({ loadDataDir: options.initialData }, migrations, null);
  }
}

async function openPostgres(connectionString: string, migrations: MigrationFile[]): Promise<Database> {
  const session = new pg.Client({ connectionString });
  await session.connect();
  let appliedMigrations: string[];
  try {
    await session.query('SELECT pg_advisory_lock($1)', [PRISMA_MIGRATE_ADVISORY_LOCK]);
    appliedMigrations = await applyMigrations(pgMigrationSession(session), migrations);
  } finally {
    // Ending the session also releases the advisory lock.
    await session.end();
  }
  const prisma = withConflictErrors(new PrismaClient({ adapter: new PrismaPg({ connectionString }) }));
  return { prisma, kind: 'postgres', appliedMigrations, close: () => prisma.$disconnect() };
}

/** `lock` is the data directory's, held from before PGlite opens it until it is closed. */
async function openPglite(options: PGliteOptions, migrations: MigrationFile[], lock: DirectoryLock | null): Promise<Database> {
  let pglite: PGlite | undefined;
  let appliedMigrations: string[];
  try {
    pglite = await PGlite.create({ ...options, startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${PGLITE_SHARED_BUFFERS}`] });
    appliedMigrations = await applyMigrations(pgliteMigrationSession(pglite), migrations);
  } catch (error) {
    await pglite?.close();
    lock?.release();
    throw error;
  }
  const embedded = pglite;
  const prisma = withConflictErrors(new PrismaClient({ adapter: new PrismaPGlite(embedded) }));
  return {
    prisma,
    kind: 'pglite',
    appliedMigrations,
    close: async () => {
      try {
        await prisma.$disconnect();
        await embedded.close();
      } finally {
        lock?.release();
      }
    },
  };
}
