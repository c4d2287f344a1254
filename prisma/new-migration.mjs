#!/usr/bin/env node
// Writes a new migration from the difference between prisma/migrations and
// prisma/schema.prisma. `prisma migrate dev` cannot run here (its shadow
// database needs a native engine), so this does what it would: replay the
// existing migrations on a throw-away in-memory PGlite, diff against the
// schema, and save the SQL as prisma/migrations/<timestamp>_<name>/migration.sql.
//
//   node prisma/new-migration.mjs <name>           from schema changes
//   node prisma/new-migration.mjs <name> --empty   an empty one, for hand-written SQL
//
// Review the SQL before committing it; add what Prisma cannot express (CHECK
// constraints, triggers) by hand at its end. See prisma/README.md.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const prismaDir = dirname(fileURLToPath(import.meta.url));
const root = join(prismaDir, '..');
const migrationsDir = join(prismaDir, 'migrations');

function fail(message) {
  process.stderr.write(`new-migration: ${message}\n`);
  process.exit(1);
}

const args = process.argv.slice(2);
const empty = args.includes('--empty');
const [name, ...rest] = args.filter((arg) => arg !== '--empty');
if (!name || rest.length > 0) fail('usage: node prisma/new-migration.mjs <name> [--empty]');
if (!/^[a-z0-9]+(_[a-z0-9]+)*$/.test(name)) fail(`the name must be snake_case (a-z, 0-9, _): ${name}`);

let sql;
if (empty) {
  sql = '-- Hand-written migration: the SQL must run on PostgreSQL 15 and on PGlite (PostgreSQL 18).\n';
} else {
  const cli = createRequire(import.meta.url).resolve('prisma/build/index.js');
  const diff = spawnSync(
    process.execPath,
    [cli, 'migrate', 'diff', '--from-migrations', migrationsDir, '--to-schema-datamodel', join(prismaDir, 'schema.prisma'), '--script'],
    { cwd: root, encoding: 'utf8', env: { ...process.env, DATABASE_URL: 'pglite:memory://' }, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  if (diff.status !== 0) fail(`prisma migrate diff exited with ${diff.status ?? diff.signal}`);
  sql = diff.stdout;
  if (/^\s*(-- This is an empty migration\.\s*)?$/.test(sql)) {
    process.stderr.write('new-migration: the schema matches the migrations; nothing to write (use --empty for hand-written SQL)\n');
    process.exit(0);
  }
}

// UTC timestamp, the same form Prisma uses, so folders sort in order of creation.
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const folder = join(migrationsDir, `${stamp}_${name}`);
if (existsSync(folder)) fail(`${relative(root, folder)} exists already`);
mkdirSync(folder, { recursive: true });
writeFileSync(join(folder, 'migration.sql'), sql);
process.stdout.write(`${relative(root, join(folder, 'migration.sql'))}\n`);
