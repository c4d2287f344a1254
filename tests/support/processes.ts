import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT } from '@samplan/server/store/databaseUrl.ts';

/** How long a child may run before it is killed (so a hang fails its test instead of stalling the suite). */
export const CHILD_TIMEOUT_MS = 120_000;
/** For tests that run several children. */
export const SLOW_TEST_TIMEOUT_MS = 300_000;

export interface Finished {
  /** Exit code, or null when the process was killed by a signal. */
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs a command to its end (or for CHILD_TIMEOUT_MS, then kills it) without blocking this process. */
export function run(command: string, args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<Finished> {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      { cwd: options.cwd ?? REPO_ROOT, env: { ...process.env, ...options.env }, timeout: CHILD_TIMEOUT_MS, killSignal: 'SIGKILL', maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const failure = error as (NodeJS.ErrnoException & { code?: number | string; signal?: NodeJS.Signals }) | null;
        resolve({
          status: failure ? (typeof failure.code === 'number' ? failure.code : null) : 0,
          signal: failure?.signal ?? null,
          stdout,
          stderr,
        });
      },
    );
  });
}

const PRISMA_CLI = createRequire(import.meta.url).resolve('prisma/build/index.js');

/** The Prisma CLI as a developer runs it from the repository root (prisma.config.ts applies). */
export function runPrisma(args: string[], databaseUrl: string): Promise<Finished> {
  return run(process.execPath, [PRISMA_CLI, ...args], { env: { DATABASE_URL: databaseUrl } });
}

const DATABASE_CHILD = fileURLToPath(new URL('./database-child.ts', import.meta.url));

/** Opens the database in another process (tests/support/database-child.ts). */
export function spawnDatabaseChild(databaseUrl: string, mode: 'open' | 'crash'): Promise<Finished> {
  return run(process.execPath, ['--import', 'tsx', DATABASE_CHILD, databaseUrl, mode]);
}
