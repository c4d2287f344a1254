import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SERVER = fileURLToPath(new URL('./benchServer.ts', import.meta.url));
const START_TIMEOUT_MS = 300_000;

export interface BenchServer<S> {
  pid: number;
  url: string;
  metricsUrl: string;
  database: string;
  scene: S;
  /** Resident memory of the server's Node.js process (its mediasoup worker is a process of its own, not counted). */
  rssMb(): number;
  /** The server's own account of that memory (process.memoryUsage()), to tell the JS heap from the rest; `afterGc` collects the garbage first. */
  memory(afterGc?: boolean): Promise<NodeJS.MemoryUsage>;
  close(): Promise<void>;
}

/**
 * Starts Samplan in a child process (benchServer.ts) and waits until it
 * serves its scene. BENCH_SERVER_NODE_OPTIONS adds Node options to the
 * server alone, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile it.
 */
export function startBenchServer<S>(scene: string, env: NodeJS.ProcessEnv = {}): Promise<BenchServer<S>> {
  const extra = (process.env.BENCH_SERVER_NODE_OPTIONS ?? '').split(' ').filter(Boolean);
  const child = fork(SERVER, [scene], {
    execArgv: ['--import', 'tsx', '--expose-gc', ...extra],
    env: { ...process.env, ...env },
    // Its request log goes nowhere: writing it is the server's cost, reading it would be ours.
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the bench server did not start within ${START_TIMEOUT_MS / 1000} s`));
    }, START_TIMEOUT_MS);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the bench server exited before it was ready (${code ?? signal})`));
    });
    child.once('message', (message) => {
      clearTimeout(timer);
      child.removeAllListeners('exit');
      const ready = message as { url: string; metricsUrl: string; database: string; scene: S };
      const exited = new Promise<void>((done) => child.once('exit', () => done()));
      resolve({
        ...ready,
        pid: child.pid!,
        rssMb: () => rssKbOf(child.pid!) / 1024,
        memory: (afterGc = false) =>
          new Promise((answered) => {
            child.once('message', (reply) => answered((reply as { memory: NodeJS.MemoryUsage }).memory));
            child.send(afterGc ? 'memory after gc' : 'memory');
          }),
        close: async () => {
          if (child.exitCode === null) child.send('close');
          const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
          await exited;
          clearTimeout(killer);
        },
      });
    });
  });
}

function rssKbOf(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((row) => row.startsWith('VmRSS:'));
  return Number(line?.replace(/\D+/g, '') ?? Number.NaN);
}

/** A prom-client gauge's value from the server's metrics listener. */
export async function metricValue(metricsUrl: string, name: string): Promise<number> {
  const text = await (await fetch(metricsUrl)).text();
  const line = text.split('\n').find((row) => row.startsWith(`${name} `));
  if (line === undefined) throw new Error(`${name} is not among the server's metrics`);
  return Number(line.split(' ')[1]);
}
