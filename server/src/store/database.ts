import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { DEFAULT_DATABASE_URL, parseDatabaseUrl } from './database-url.ts';
import { PrismaClient } from './generated/client.ts';
import { applyMigrations, type MigrationSession } from './migrate.ts';
import { readMigrations } from './migration-files.ts';
import { lockDirectory } from './pglite-lock.ts';
import { withConflictErrors } from './unique-conflict.ts';

export type Db = ReturnType<typeof withConflictErrors>;
/** The client inside `db.$transaction(async (tx) => …)`: inside, use only `tx` (PGlite runs one query at a time, so the outer client would wait for the transaction until it times out). */
export type DbTransaction = Parameters<Extract<Parameters<Db['$transaction']>[0], (...args: never[]) => unknown>>[0];
/** Either; store functions that do not need their own transaction take this, so callers can compose them in theirs. */
export type DbClient = Db | DbTransaction;

export interface Database {
  readonly prisma: Db;
  readonly kind: 'pglite' | 'postgres';
  /** Disconnects, closes an embedded database cleanly and releases its directory. Call it on shutdown. */
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Where migrations are read from; the repository's prisma/migrations by default. */
  migrationsDir?: string;
}

// The key `prisma migrate deploy` locks, so a server starting while the CLI
// deploys (or two servers starting together) apply migrations one at a time.
const PRISMA_MIGRATE_ADVISORY_LOCK = 72707369;

/**
 * Opens the database named by `databaseUrl` (`pglite:<dir>`, `pglite:memory://`
 * or `postgresql://…`; see database-url.ts), applies pending migrations
 * before any client uses it, and returns a Prisma client whose unique-key
 * violations throw SamplanError CONFLICT.
 */
export async function openDatabase(databaseUrl: string = DEFAULT_DATABASE_URL, options: OpenOptions = {}): Promise<Database> {
  const target = parseDatabaseUrl(databaseUrl);
  const migrations = readMigrations(options.migrationsDir);

  if (target.kind === 'postgres') {
    const session = new pg.Client({ connectionString: target.connectionString });
    await session.connect();
    try {
      await session.query('SELECT pg_advisory_lock($1)', [PRISMA_MIGRATE_ADVISORY_LOCK]);
      await applyMigrations(pgSession(session), migrations);
    } finally {
      // Ending the session also releases the advisory lock.
      await session.end();
    }
    const prisma = withConflictErrors(new PrismaClient({ adapter: new PrismaPg({ connectionString: target.connectionString }) }));
    return { prisma, kind: 'postgres', close: () => prisma.$disconnect() };
  }

  const lock = target.kind === 'pglite-dir' ? lockDirectory(target.dir) : null;
  let pglite: PGlite | undefined;
  try {
    pglite = await PGlite.create(target.kind === 'pglite-dir' ? target.dir : undefined);
    await applyMigrations(pgliteSession(pglite), migrations);
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

function pgSession(client: pg.Client): MigrationSession {
  return {
    exec: async (sql) => {
      // Without parameters pg uses the simple protocol: the whole script in one message.
      await client.query(sql);
    },
    query: async <Row>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as Row[],
  };
}

function pgliteSession(pglite: PGlite): MigrationSession {
  return {
    exec: async (sql) => {
      await pglite.exec(sql);
    },
    query: async <Row>(sql: string, params: unknown[] = []) => (await pglite.query<Row>(sql, params)).rows,
  };
}
