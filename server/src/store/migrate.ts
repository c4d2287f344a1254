import { randomUUID } from 'node:crypto';
import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import { SamplanError } from '@samplan/shared';
import type { MigrationFile } from './migrationFiles.ts';

// Applies prisma/migrations at start-up, in-process, keeping the same
// _prisma_migrations bookkeeping as `prisma migrate deploy`, so the CLI and
// the server agree on what is applied (`prisma migrate status` reads it).
// In-process rather than spawning the CLI because pglite:memory:// exists only
// inside this process, because the server already holds the data directory's
// lock, and because the CLI's WASM schema engine costs seconds per start.
//
// One difference from the CLI, on purpose: each migration and its bookkeeping
// row commit in one transaction, so a failing migration leaves neither a
// change nor a row, and once the SQL is fixed the next start applies it. (The
// CLI records a failed row, which must then be resolved by hand.)

/** The one connection migrations run on. */
export interface MigrationSession {
  /** Several statements, no parameters (simple protocol). */
  exec(sql: string): Promise<void>;
  query<Row>(sql: string, params?: unknown[]): Promise<Row[]>;
}

export function pgMigrationSession(client: pg.Client): MigrationSession {
  return {
    exec: async (sql) => {
      // Without parameters pg uses the simple protocol: the whole script in one message.
      await client.query(sql);
    },
    query: async <Row>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as Row[],
  };
}

export function pgliteMigrationSession(pglite: PGlite): MigrationSession {
  return {
    exec: async (sql) => {
      await pglite.exec(sql);
    },
    query: async <Row>(sql: string, params: unknown[] = []) => (await pglite.query<Row>(sql, params)).rows,
  };
}

/** A migration could not be applied, or the database's history does not match the files. */
export class MigrationError extends SamplanError {
  readonly migration: string;

  constructor(migration: string, message: string) {
    super('INTERNAL', message);
    this.name = 'MigrationError';
    this.migration = migration;
  }
}

// The CLI's own definition (schema engine, PostgreSQL flavour).
const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
)`;

type AppliedRow = { migration_name: string; checksum: string; finished_at: Date | string | null; logs: string | null };

/** Applies the pending migrations in order; returns the names it applied. */
export async function applyMigrations(session: MigrationSession, migrations: readonly MigrationFile[]): Promise<string[]> {
  await session.exec(CREATE_MIGRATIONS_TABLE);
  const rows = await session.query<AppliedRow>(
    'SELECT migration_name, checksum, finished_at, logs FROM _prisma_migrations WHERE rolled_back_at IS NULL ORDER BY started_at',
  );
  const local = new Map(migrations.map((migration) => [migration.name, migration]));
  const applied = new Set<string>();
  for (const row of rows) {
    if (row.finished_at === null) {
      throw new MigrationError(
        row.migration_name,
        `Migration ${row.migration_name} failed earlier (by \`prisma migrate deploy\`) and is not resolved: ${row.logs ?? 'no log'}. ` +
          'Repair the database, then mark it rolled back: ' +
          `UPDATE _prisma_migrations SET rolled_back_at = now() WHERE migration_name = '${row.migration_name}' AND finished_at IS NULL`,
      );
    }
    const file = local.get(row.migration_name);
    if (file === undefined) {
      throw new MigrationError(
        row.migration_name,
        `The database has migration ${row.migration_name}, which this version of Samplan does not have: it is newer than this code.`,
      );
    }
    if (file.checksum !== row.checksum) {
      throw new MigrationError(row.migration_name, `Migration ${row.migration_name} was changed after it was applied; add a new migration instead.`);
    }
    applied.add(row.migration_name);
  }

  const pending = migrations.filter((migration) => !applied.has(migration.name));
  for (const migration of pending) await applyOne(session, migration);
  return pending.map((migration) => migration.name);
}

async function applyOne(session: MigrationSession, migration: MigrationFile): Promise<void> {
  await session.exec('BEGIN');
  try {
    await session.exec(migration.sql);
    await session.query(
      `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
       VALUES ($1, $2, $3, now(), clock_timestamp(), 1)`,
      [randomUUID(), migration.checksum, migration.name],
    );
    await session.exec('COMMIT');
  } catch (error) {
    await session.exec('ROLLBACK');
    const reason = error instanceof Error ? error.message : String(error);
    throw new MigrationError(migration.name, `Migration ${migration.name} failed and was rolled back: ${reason}`);
  }
}
