import { connect, createServer } from 'node:net';

/** A TCP port of 127.0.0.1 that nothing listens on right now, for a server the test starts next. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function accepting(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Waits until each port of 127.0.0.1 accepts connections; `failure` ends the wait early with its error (the server exited). */
export async function waitForPorts(what: string, ports: readonly number[], failure: Promise<Error>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ready = await Promise.all(ports.map(accepting));
    if (ready.every(Boolean)) return;
    const failed = await Promise.race([failure, new Promise<null>((resolve) => setTimeout(() => resolve(null), 100))]);
    if (failed) throw failed;
    if (Date.now() > deadline) throw new Error(`${what} did not start listening on ${ports.join(', ')}`);
  }
}
