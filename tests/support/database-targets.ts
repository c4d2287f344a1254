import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { openDatabase, type Database } from '@samplan/server/store/database.ts';
import { lockDirectory } from '@samplan/server/store/pgliteLock.ts';
import { migratedPgliteTemplate } from './pglite-template.ts';
import { createTestDatabase } from './postgres.ts';

// Every db test runs the same assertions on both kinds of database Samplan
// supports: embedded PGlite and a real PostgreSQL server.
export const DATABASE_KINDS = ['pglite', 'postgres'] as const;
export type DatabaseKind = (typeof DATABASE_KINDS)[number];

export interface FreshDatabase {
  db: Database;
  url: string;
  /** Closes the database and, for PostgreSQL, drops it. */
  dispose(): Promise<void>;
}

/** A new, empty, migrated database of the given kind (PGlite in memory, from a migrated template). */
export async function openFreshDatabase(kind: DatabaseKind): Promise<FreshDatabase> {
  const empty = kind === 'pglite' ? null : await createEmptyDatabase(kind);
  const url = empty?.url ?? 'pglite:memory://';
  try {
    const db = await openDatabase(url, kind === 'pglite' ? { initialData: await migratedPgliteTemplate() } : {});
    return {
      db,
      url,
      dispose: async () => {
        await db.close();
        await empty?.dispose();
      },
    };
  } catch (error) {
    await empty?.dispose();
    throw error;
  }
}

export interface EmptyDatabase {
  /** pglite:<new directory> or postgresql://…/<new database>: it outlives a close, so it can be reopened. */
  url: string;
  /** Runs one query directly (no migrations, no Prisma); for a PGlite directory, only while nobody else has it open. */
  query<Row>(sql: string, params?: unknown[]): Promise<Row[]>;
  dispose(): Promise<void>;
}

/** A new database with nothing in it, not even the migrations table. */
export async function createEmptyDatabase(kind: DatabaseKind): Promise<EmptyDatabase> {
  if (kind === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'samplan-db-'));
    return {
      url: `pglite:${dir}`,
      query: async <Row>(sql: string, params: unknown[] = []) => {
        const lock = lockDirectory(dir);
        const pglite = await PGlite.create(dir);
        try {
          return (await pglite.query<Row>(sql, params)).rows;
        } finally {
          await pglite.close();
          lock.release();
        }
      },
      dispose: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const postgres = await createTestDatabase();
  return {
    url: postgres.url,
    query: async <Row>(sql: string, params: unknown[] = []) => {
      const client = new pg.Client({ connectionString: postgres.url });
      await client.connect();
      try {
        return (await client.query(sql, params)).rows as Row[];
      } finally {
        await client.end();
      }
    },
    dispose: () => postgres.drop(),
  };
}
