import { cpSync, existsSync, mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '@samplan/server/store/database.ts';
import { REPO_ROOT } from '@samplan/server/store/databaseUrl.ts';
import { readMigrations } from '@samplan/server/store/migrationFiles.ts';
import { LOCK_FILE_NAME } from '@samplan/server/store/pgliteLock.ts';
import { createEmptyDatabase, DATABASE_KINDS, type EmptyDatabase } from '../support/database-targets.ts';
import { run, runPrisma, SLOW_TEST_TIMEOUT_MS, spawnDatabaseChild } from '../support/processes.ts';

// The Prisma CLI through prisma.config.ts, offline, with the four workarounds
// in server/src/store/schemaEngineAdapters.ts and unrefWasmTimers.ts.
// Each CLI run compiles Prisma's WASM engine: seconds, many more on a busy machine.
vi.setConfig({ testTimeout: SLOW_TEST_TIMEOUT_MS });

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function emptyDatabase(kind: (typeof DATABASE_KINDS)[number]): Promise<EmptyDatabase> {
  const database = await createEmptyDatabase(kind);
  cleanups.push(() => database.dispose());
  return database;
}

function scratchDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'samplan-cli-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

describe.each(DATABASE_KINDS)('prisma CLI on %s', (kind) => {
  it('deploys the migrations, and the server then finds nothing left to apply', async () => {
    const database = await emptyDatabase(kind);
    const deploy = await runPrisma(['migrate', 'deploy'], database.url);
    expect(deploy.stdout + deploy.stderr).toContain('All migrations have been successfully applied');
    expect(deploy.status).toBe(0);

    const db = await openDatabase(database.url);
    expect(db.appliedMigrations).toEqual([]);
    expect(await db.prisma.carePlan.count()).toBe(0);
    await db.close();
    const rows = await database.query<{ migration_name: string }>('SELECT migration_name FROM _prisma_migrations ORDER BY migration_name');
    expect(rows.map((row) => row.migration_name)).toEqual(readMigrations().map((migration) => migration.name));
  });

  it('reports the schema up to date after the server applied the migrations', async () => {
    const database = await emptyDatabase(kind);
    await (await openDatabase(database.url)).close();
    const status = await runPrisma(['migrate', 'status'], database.url);
    expect(status.stdout).toContain('Database schema is up to date!');
    expect(status.status).toBe(0);
  });

  // Workarounds 1 and 3: without them, PGlite records the failing migration
  // as applied, and adapter-pg leaves "HalfDone" behind and cuts the $$ body.
  it('rolls a failing migration back and does not record it as applied', async () => {
    const database = await emptyDatabase(kind);
    const dir = scratchDir();
    writeFileSync(join(dir, 'schema.prisma'), 'datasource db {\n  provider = "postgresql"\n  url      = "postgresql://unused@127.0.0.1:1/unused"\n}\n');
    migration(dir, '20000101000000_good', [
      'CREATE TABLE "Kept" ("id" INTEGER);',
      'CREATE FUNCTION "answer"() RETURNS integer LANGUAGE plpgsql AS $$ BEGIN RETURN 42; END; $$;',
    ]);
    migration(dir, '20000102000000_broken', ['CREATE TABLE "HalfDone" ("id" INTEGER);', 'INSERT INTO "NoSuchTable" VALUES (1);']);

    const deploy = await runPrisma(['migrate', 'deploy', '--schema', join(dir, 'schema.prisma')], database.url);
    expect(deploy.status).not.toBe(0);
    expect(deploy.stdout + deploy.stderr).toContain('NoSuchTable');

    expect(await database.query('SELECT "answer"() AS answer')).toEqual([{ answer: 42 }]);
    expect(await database.query("SELECT to_regclass('public.\"HalfDone\"') AS half")).toEqual([{ half: null }]);
    const rows = await database.query<{ migration_name: string; done: boolean }>(
      'SELECT migration_name, finished_at IS NOT NULL AS done FROM _prisma_migrations ORDER BY migration_name',
    );
    expect(rows).toEqual([
      { migration_name: '20000101000000_good', done: true },
      { migration_name: '20000102000000_broken', done: false },
    ]);
    // The server will not start on top of an unresolved failure, and says what to do.
    await expect(openDatabase(database.url, { migrationsDir: join(dir, 'migrations') })).rejects.toThrow(
      /Migration 20000102000000_broken failed earlier.*rolled_back_at/s,
    );
  });
});

describe('prisma CLI on a PGlite directory', () => {
  it('is refused while the server has the directory open', async () => {
    const database = await emptyDatabase('pglite');
    const db = await openDatabase(database.url);
    cleanups.push(() => db.close());
    const status = await runPrisma(['migrate', 'status'], database.url);
    expect(status.status).not.toBe(0);
    expect(status.stdout + status.stderr).toContain(`is in use by process ${process.pid}`);
  });

  // Workaround 4 (and the stale lock): after a crash, PGlite's recovery arms
  // long WASM timers that kept `migrate status` alive for good.
  it('takes over the lock of a crashed server and still exits when done', async () => {
    const database = await emptyDatabase('pglite');
    const crash = await spawnDatabaseChild(database.url, 'crash');
    expect(crash.signal).toBe('SIGKILL');
    const dir = database.url.slice('pglite:'.length);
    expect(existsSync(join(dir, LOCK_FILE_NAME))).toBe(true);

    const status = await runPrisma(['migrate', 'status'], database.url);
    // Killed at the timeout if it hung.
    expect(status.signal).toBeNull();
    expect(status.stdout).toContain('Database schema is up to date!');
    expect(status.status).toBe(0);
    expect(existsSync(join(dir, LOCK_FILE_NAME))).toBe(false);
  });
});

describe('authoring migrations with prisma/new-migration.mjs', () => {
  // Workaround 2: each run replays every migration (multi-statement scripts,
  // $$ bodies) on a shadow PGlite through a parameterless executeRaw.
  it('finds the schema and the migrations in agreement, then writes a migration for a change that the server applies', async () => {
    // A copy of the repository's prisma/ beside its real config and packages.
    const root = scratchDir();
    cpSync(join(REPO_ROOT, 'prisma'), join(root, 'prisma'), { recursive: true });
    symlinkSync(join(REPO_ROOT, 'node_modules'), join(root, 'node_modules'));
    writeFileSync(join(root, 'prisma.config.ts'), `export { default } from ${JSON.stringify(join(REPO_ROOT, 'prisma.config.ts'))};\n`);
    const script = join(root, 'prisma', 'new-migration.mjs');
    const migrationsDir = join(root, 'prisma', 'migrations');

    const unchanged = await run(process.execPath, [script, 'nothing_new'], { cwd: root });
    expect(unchanged.stderr).toContain('the schema matches the migrations; nothing to write');
    expect(unchanged.status).toBe(0);
    expect(readdirSync(migrationsDir).some((name) => name.endsWith('_nothing_new'))).toBe(false);

    const schema = join(root, 'prisma', 'schema.prisma');
    writeFileSync(schema, `${readFileSync(schema, 'utf8')}\nmodel Reminder {\n  id   String @id @db.Uuid\n  text String\n}\n`);
    const created = await run(process.execPath, [script, 'add_reminders'], { cwd: root });
    expect(created.status).toBe(0);
    const folder = readdirSync(migrationsDir).find((name) => name.endsWith('_add_reminders'));
    expect(folder).toMatch(/^\d{14}_add_reminders$/);
    expect(readFileSync(join(migrationsDir, folder!, 'migration.sql'), 'utf8')).toContain('CREATE TABLE "Reminder"');

    const db = await openDatabase('pglite:memory://', { migrationsDir });
    cleanups.push(() => db.close());
    expect(db.appliedMigrations.at(-1)).toBe(folder);
    expect(await db.prisma.$queryRawUnsafe('SELECT count(*)::int AS n FROM "Reminder"')).toEqual([{ n: 0 }]);
  });
});

function migration(schemaDir: string, name: string, statements: string[]): void {
  mkdirSync(join(schemaDir, 'migrations', name), { recursive: true });
  writeFileSync(join(schemaDir, 'migrations', name, 'migration.sql'), `${statements.join('\n')}\n`);
  writeFileSync(join(schemaDir, 'migrations', 'migration_lock.toml'), 'provider = "postgresql"\n');
}
