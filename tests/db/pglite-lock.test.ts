import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '@samplan/server/store/database.ts';
import { DatabaseLockedError, LOCK_FILE_NAME, lockDirectory } from '@samplan/server/store/pgliteLock.ts';
import { SLOW_TEST_TIMEOUT_MS, spawnDatabaseChild } from '../support/processes.ts';

// PGlite has no lock of its own; two processes on one directory corrupt it.

vi.setConfig({ testTimeout: SLOW_TEST_TIMEOUT_MS });

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function newDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'samplan-lock-'));
  dirs.push(dir);
  return dir;
}

function lockHolder(dir: string): number {
  return Number(readFileSync(join(dir, LOCK_FILE_NAME), 'utf8').split('\n')[0]);
}

describe('the embedded database directory lock', () => {
  it('refuses a second process clearly while the directory is open, and lets it in after close', async () => {
    const dir = newDir();
    const db = await openDatabase(`pglite:${dir}`);
    expect(lockHolder(dir)).toBe(process.pid);

    const refused = await spawnDatabaseChild(`pglite:${dir}`, 'open');
    expect(refused.status).toBe(1);
    expect(JSON.parse(refused.stdout)).toEqual({
      status: 'refused',
      code: 'CONFLICT',
      message: expect.stringContaining(`The embedded database in ${dir} is in use by process ${process.pid}`),
    });

    await db.close();
    expect(existsSync(join(dir, LOCK_FILE_NAME))).toBe(false);
    const admitted = await spawnDatabaseChild(`pglite:${dir}`, 'open');
    expect(JSON.parse(admitted.stdout)).toEqual({ status: 'open' });
    expect(admitted.status).toBe(0);
  });

  it('refuses a second open in the same process', async () => {
    const dir = newDir();
    const db = await openDatabase(`pglite:${dir}`);
    try {
      const error = await openDatabase(`pglite:${dir}`).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(DatabaseLockedError);
      expect(error).toMatchObject({ code: 'CONFLICT', holderPid: process.pid, message: expect.stringContaining('already open in this process') });
    } finally {
      await db.close();
    }
  });

  it('recovers the lock and the data of a process that died holding them', async () => {
    const dir = newDir();
    const crash = await spawnDatabaseChild(`pglite:${dir}`, 'crash');
    expect(crash.signal).toBe('SIGKILL');
    const deadPid = lockHolder(dir);
    expect(deadPid).not.toBe(process.pid);

    const db = await openDatabase(`pglite:${dir}`);
    try {
      expect(lockHolder(dir)).toBe(process.pid);
      expect(await db.prisma.organisation.findMany({ select: { name: true } })).toEqual([{ name: `written by ${deadPid}` }]);
    } finally {
      await db.close();
    }
  });

  it.each([
    // A container restarts its main process with the same pid: a lock with
    // our pid that this process does not hold is a leftover.
    ['a lock with this process\'s pid from an earlier run', () => `${process.pid}\n\n`],
    // pid 1 is alive, but it is not the process that wrote the lock.
    ['a lock whose pid now belongs to another process', () => '1\nnot-its-start-time\n'],
    ['a lock file that is not a lock', () => 'garbage'],
  ])('takes over %s', (_, content) => {
    const dir = newDir();
    writeFileSync(join(dir, LOCK_FILE_NAME), content());
    const lock = lockDirectory(dir);
    expect(lockHolder(dir)).toBe(process.pid);
    lock.release();
    expect(existsSync(join(dir, LOCK_FILE_NAME))).toBe(false);
  });
});
