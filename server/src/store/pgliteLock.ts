import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SamplanError } from '@samplan/shared';

// PGlite has no lock of its own: two processes on one data directory corrupt
// it silently. Everything that opens a directory (the server, the Prisma CLI
// through prisma.config.ts) takes this lock first.

export const LOCK_FILE_NAME = 'samplan.lock';

/** Another live process (or this one) has the embedded database open. */
export class DatabaseLockedError extends SamplanError {
  readonly holderPid: number;
  readonly lockFile: string;

  constructor(dir: string, holderPid: number, lockFile: string) {
    super(
      'CONFLICT',
      holderPid === process.pid
        ? `The embedded database in ${dir} is already open in this process.`
        : `The embedded database in ${dir} is in use by process ${holderPid} (lock file ${lockFile}). ` +
            'Stop that process first, or set DATABASE_URL to another database.',
    );
    this.name = 'DatabaseLockedError';
    this.holderPid = holderPid;
    this.lockFile = lockFile;
  }
}

export interface DirectoryLock {
  readonly lockFile: string;
  release(): void;
}

type Holder = { pid: number; startTime: string | null };

const heldByThisProcess = new Set<string>();

/** Takes the lock in `dir` (created if missing), or throws DatabaseLockedError. */
export function lockDirectory(dir: string): DirectoryLock {
  mkdirSync(dir, { recursive: true });
  const lockFile = join(dir, LOCK_FILE_NAME);
  const mine: Holder = { pid: process.pid, startTime: processStartTime(process.pid) };
  // The lock appears by link(2) of a complete file, so a reader never sees a
  // half-written one, and link fails if the lock exists.
  const draft = `${lockFile}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(draft, serialise(mine));
  try {
    for (;;) {
      try {
        linkSync(draft, lockFile);
        heldByThisProcess.add(lockFile);
        return { lockFile, release: () => release(lockFile) };
      } catch (error) {
        if (!isCode(error, 'EEXIST')) throw error;
      }
      const holder = readHolder(lockFile);
      if (holder === undefined) continue; // removed meanwhile: try again
      if (holder !== null && isLive(holder, lockFile)) throw new DatabaseLockedError(dir, holder.pid, lockFile);
      removeStale(lockFile, holder);
    }
  } finally {
    unlinkSync(draft);
  }
}

function release(lockFile: string): void {
  if (!heldByThisProcess.delete(lockFile)) return;
  // Only remove the file if it is still ours (it always should be).
  if (readHolder(lockFile)?.pid === process.pid) unlinkSync(lockFile);
}

/**
 * Moves a stale lock aside atomically, then checks that what was moved is the
 * stale lock that was read: if another process replaced it meanwhile with a
 * live lock, that lock is put back.
 */
function removeStale(lockFile: string, stale: Holder | null): void {
  const aside = `${lockFile}.stale.${process.pid}.${randomBytes(4).toString('hex')}`;
  try {
    renameSync(lockFile, aside);
  } catch (error) {
    if (isCode(error, 'ENOENT')) return;
    throw error;
  }
  const moved = readHolder(aside);
  if (moved !== undefined && moved !== null && (stale === null || moved.pid !== stale.pid || moved.startTime !== stale.startTime)) {
    try {
      linkSync(aside, lockFile);
    } catch (error) {
      if (!isCode(error, 'EEXIST')) throw error;
    }
  }
  unlinkSync(aside);
}

function isLive(holder: Holder, lockFile: string): boolean {
  // This process knows exactly what it holds; a lock with our pid that we do
  // not hold was left by an earlier process that had the same pid (containers
  // restart their main process as the same pid).
  if (holder.pid === process.pid) return heldByThisProcess.has(lockFile);
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if (isCode(error, 'ESRCH')) return false;
    if (!isCode(error, 'EPERM')) throw error;
  }
  // A live process with the same pid may be an unrelated one that reused it.
  const startTime = processStartTime(holder.pid);
  return holder.startTime === null || startTime === null || startTime === holder.startTime;
}

/** The process's start time in clock ticks since boot (Linux), or null where /proc is not available. */
function processStartTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22; the command name (field 2) may contain spaces, so count from its closing parenthesis.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

function serialise(holder: Holder): string {
  return `${holder.pid}\n${holder.startTime ?? ''}\n`;
}

/** undefined: no lock file; null: a lock file that cannot be read as a holder (treated as stale). */
function readHolder(path: string): Holder | null | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (isCode(error, 'ENOENT')) return undefined;
    throw error;
  }
  const [pidLine = '', startLine = ''] = text.split('\n');
  const pid = Number(pidLine);
  if (!Number.isSafeInteger(pid) || pid <= 0) return null;
  return { pid, startTime: startLine === '' ? null : startLine };
}

function isCode(error: unknown, code: string): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === code;
}
