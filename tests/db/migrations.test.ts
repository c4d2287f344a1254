import { randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@samplan/server/store/database.ts';
import { Prisma } from '@samplan/server/store/generated/client.ts';
import { MigrationError } from '@samplan/server/store/migrate.ts';
import { MIGRATIONS_DIR, readMigrations } from '@samplan/server/store/migrationFiles.ts';
import { createEmptyDatabase, DATABASE_KINDS, type EmptyDatabase } from '../support/database-targets.ts';

type MigrationRow = { migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number; logs: string | null; started_at: Date };

const ROWS = 'SELECT migration_name, checksum, finished_at, applied_steps_count, logs, started_at FROM _prisma_migrations ORDER BY migration_name';

describe.each(DATABASE_KINDS)('migrations at open on %s', (kind) => {
  let database: EmptyDatabase;
  let scratch: string;
  beforeAll(async () => {
    database = await createEmptyDatabase(kind);
  });
  afterAll(() => database?.dispose());
  afterEach(() => {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it('builds the whole schema from nothing and records each migration the way prisma migrate deploy does', async () => {
    const db = await openDatabase(database.url);
    await db.close();
    expect(db.appliedMigrations).toEqual(readMigrations().map((migration) => migration.name));

    const rows = await database.query<MigrationRow>(ROWS);
    expect(rows.map(({ migration_name, checksum, applied_steps_count, logs }) => ({ migration_name, checksum, applied_steps_count, logs }))).toEqual(
      readMigrations().map(({ name, checksum }) => ({ migration_name: name, checksum, applied_steps_count: 1, logs: null })),
    );
    expect(rows.every((row) => row.finished_at instanceof Date)).toBe(true);
    const tables = await database.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name",
    );
    expect(tables.map((row) => row.table_name).sort()).toEqual([...Object.values(Prisma.ModelName), '_prisma_migrations'].sort());
  });

  it('applies nothing when opened again', async () => {
    const before = await database.query<MigrationRow>(ROWS);
    const db = await openDatabase(database.url);
    expect(db.appliedMigrations).toEqual([]);
    expect(await db.prisma.organisation.count()).toBe(0);
    await db.close();
    expect(await database.query<MigrationRow>(ROWS)).toEqual(before);
  });

  it('rolls a failing migration back completely and records nothing; once fixed, it applies', async () => {
    scratch = copyOfMigrations();
    const broken = join(scratch, '29991231235959_broken');
    mkdirSync(broken);
    writeFileSync(join(broken, 'migration.sql'), 'CREATE TABLE "HalfDone" ("id" INTEGER);\nINSERT INTO "NoSuchTable" VALUES (1);\n');

    const error = await openDatabase(database.url, { migrationsDir: scratch }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MigrationError);
    expect(error).toMatchObject({ code: 'INTERNAL', migration: '29991231235959_broken' });
    expect((error as Error).message).toMatch(/rolled back.*NoSuchTable/);
    expect(await tableExists(database, 'HalfDone')).toBe(false);
    expect((await database.query<MigrationRow>(ROWS)).map((row) => row.migration_name)).not.toContain('29991231235959_broken');

    writeFileSync(join(broken, 'migration.sql'), 'CREATE TABLE "HalfDone" ("id" INTEGER);\n');
    const db = await openDatabase(database.url, { migrationsDir: scratch });
    await db.close();
    expect(db.appliedMigrations).toEqual(['29991231235959_broken']);
    expect(await tableExists(database, 'HalfDone')).toBe(true);
    expect((await database.query<MigrationRow>(ROWS)).at(-1)).toMatchObject({ migration_name: '29991231235959_broken', applied_steps_count: 1 });
  });

  it('refuses to start when an applied migration was edited or the database is newer than the code', async () => {
    scratch = copyOfMigrations();
    const [first] = readMigrations();
    writeFileSync(join(scratch, first!.name, 'migration.sql'), `${first!.sql}\n-- edited afterwards\n`);
    await expect(openDatabase(database.url, { migrationsDir: scratch })).rejects.toThrow(`Migration ${first!.name} was changed after it was applied`);

    await database.query("INSERT INTO _prisma_migrations (id, checksum, migration_name, finished_at, applied_steps_count) VALUES ($1, $2, $3, now(), 1)", [
      randomUUID(),
      '0'.repeat(64),
      '29991231235960_from_a_newer_version',
    ]);
    await expect(openDatabase(database.url)).rejects.toThrow(/The database has migration \d+_\w+, which this version of Samplan does not have/);
  });

  function copyOfMigrations(): string {
    const dir = mkdtempSync(join(tmpdir(), 'samplan-migrations-'));
    cpSync(MIGRATIONS_DIR, dir, { recursive: true });
    return dir;
  }
});

async function tableExists(database: EmptyDatabase, table: string): Promise<boolean> {
  const rows = await database.query<{ exists: boolean }>("SELECT to_regclass('public.' || quote_ident($1)) IS NOT NULL AS exists", [table]);
  return rows[0]!.exists;
}

describe('migrations at open on postgres, two servers at once', () => {
  let database: EmptyDatabase;
  beforeAll(async () => {
    database = await createEmptyDatabase('postgres');
  });
  afterAll(() => database?.dispose());

  it('applies each migration once: the second server waits for the first', async () => {
    const [first, second] = await Promise.all([openDatabase(database.url), openDatabase(database.url)]);
    await Promise.all([first.close(), second.close()]);
    const names = readMigrations().map((migration) => migration.name);
    expect([first.appliedMigrations, second.appliedMigrations]).toContainEqual(names);
    expect([first.appliedMigrations, second.appliedMigrations]).toContainEqual([]);
    expect(await database.query('SELECT migration_name FROM _prisma_migrations ORDER BY migration_name')).toEqual(names.map((name) => ({ migration_name: name })));
  });
});
