import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT } from '@samplan/server/store/databaseUrl.ts';
import { CHILD_TIMEOUT_MS } from './processes.ts';

const MAIN = fileURLToPath(new URL('../../server/src/main.ts', import.meta.url));

/** Samplan as the image starts it (server/src/main.ts), in a process of its own that a test may kill and start again. */
export type SamplanProcess = {
  readonly child: ChildProcess;
  readonly url: string;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output(): string;
};

/**
 * Starts Samplan on `host`:`port` (127.0.0.1 unless given; port 0 for any)
 * against `databaseUrl` and resolves once it says it runs. A fixed port lets
 * a restarted server take its predecessor's place, so clients reconnect to
 * the same address; a host of its own (a test namespace's address) makes it
 * a node apart from the others. Its media listens on the same host.
 */
export async function startSamplanProcess(options: { port: number; databaseUrl: string; secret: string; host?: string; env?: NodeJS.ProcessEnv }): Promise<SamplanProcess> {
  const host = options.host ?? '127.0.0.1';
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      HOST: host,
      PORT: String(options.port),
      DATABASE_URL: options.databaseUrl,
      SAMPLAN_SECRET: options.secret,
      SEED_DEMO: 'false',
      MEDIA_WORKERS: '1',
      MEDIA_PORT: '0',
      MEDIA_LISTEN_IP: host,
      LOG_LEVEL: 'info',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no start within ${CHILD_TIMEOUT_MS} ms:\n${output}`));
    }, CHILD_TIMEOUT_MS);
    const look = () => {
      const match = /Samplan is running (?:— open|at) (http:\/\/[\d.]+:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', look);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`exited before starting:\n${output}`));
    });
  });
  return { child, url, exited, output: () => output };
}
