import { type ChildProcess, fork } from 'node:child_process';

/**
 * Calls between a bench's orchestrator and its child processes (bench:forward's
 * subjects and sink, bench:join's bare room) over Node's IPC channel: the
 * children do the work, the orchestrator only asks and waits.
 */

type Request = { id: number; method: string; params: unknown };
type Response = { id: number; result?: unknown; error?: string };

// `any`: each child declares its own parameter types, and Child<H> checks calls against them.
export type Handlers = Record<string, (params: any) => unknown>;

/** In a child: says it is ready, then answers the orchestrator's calls until it says `close`, and exits. */
export function serve(handlers: Handlers & { close(): unknown }): void {
  process.on('message', async (message: Request) => {
    let response: Response;
    try {
      const handler = handlers[message.method];
      if (handler === undefined) throw new Error(`no method ${message.method}`);
      response = { id: message.id, result: await handler(message.params) };
    } catch (error) {
      response = { id: message.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
    process.send?.(response);
    if (message.method === 'close') process.disconnect();
  });
  process.send?.({ ready: true });
}

export class Child<H extends Handlers> {
  readonly #process: ChildProcess;
  readonly #pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  readonly #exited: Promise<void>;
  #next = 0;

  /** Forks `file` and resolves once it says it is ready (its first message). */
  static async start<H extends Handlers>(file: string, args: string[]): Promise<Child<H>> {
    const child = new Child<H>(file, args);
    await new Promise<void>((resolve, reject) => {
      child.#process.once('message', () => resolve());
      child.#exited.then(() => reject(new Error(`${file} ${args.join(' ')} exited before it was ready`)));
    });
    return child;
  }

  private constructor(file: string, args: string[]) {
    this.#process = fork(file, args, { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.#process.on('message', (message: Response) => {
      if (typeof message.id !== 'number') return;
      const pending = this.#pending.get(message.id);
      this.#pending.delete(message.id);
      if (message.error !== undefined) pending?.reject(new Error(`${file}: ${message.error}`));
      else pending?.resolve(message.result);
    });
    this.#exited = new Promise((resolve) => {
      this.#process.once('exit', (code, signal) => {
        for (const pending of this.#pending.values()) pending.reject(new Error(`${file} exited (${code ?? signal})`));
        this.#pending.clear();
        resolve();
      });
    });
  }

  get pid(): number {
    return this.#process.pid!;
  }

  call<M extends keyof H & string>(method: M, ...params: Parameters<H[M]>): Promise<Awaited<ReturnType<H[M]>>> {
    return this.#request(method, params[0]) as Promise<Awaited<ReturnType<H[M]>>>;
  }

  #request(method: string, params: unknown): Promise<unknown> {
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#process.send({ id, method, params } satisfies Request);
    });
  }

  async close(): Promise<void> {
    if (this.#process.exitCode === null && this.#process.signalCode === null) {
      const killer = setTimeout(() => this.#process.kill('SIGKILL'), 10_000);
      await this.#request('close', undefined).catch(() => {});
      await this.#exited;
      clearTimeout(killer);
    }
  }
}
