import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SERVER = fileURLToPath(new URL('./server.ts', import.meta.url));
const START_TIMEOUT_MS = 120_000;

export type BareRoom = { url: string; close(): Promise<void> };

/** Starts the bare reference room's server (server.ts) in a process of its own and waits until it serves. */
export function startBareRoom(): Promise<BareRoom> {
  const child = fork(SERVER, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the bare room did not start within ${START_TIMEOUT_MS / 1000} s`));
    }, START_TIMEOUT_MS);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`the bare room exited before it was ready (${child.exitCode ?? child.signalCode})`));
    });
    child.once('message', (message) => {
      clearTimeout(timer);
      resolve({
        url: (message as { url: string }).url,
        close: async () => {
          if (child.exitCode === null) child.send('close');
          const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
          await exited;
          clearTimeout(killer);
        },
      });
    });
  });
}
