import { randomUUID } from 'node:crypto';
import { createClient } from 'redis';
import { z } from 'zod';
import type { Logger } from '../logger.ts';

/** What one node says to another: a one-way post, a question, or the answer to one. */
const envelopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('post'), from: z.string().min(1), body: z.unknown() }),
  z.object({ kind: z.literal('ask'), from: z.string().min(1), id: z.string().min(1), body: z.unknown() }),
  z.object({ kind: z.literal('answer'), id: z.string().min(1), body: z.unknown() }),
]);
type Envelope = z.infer<typeof envelopeSchema>;

export type LinkListener = {
  /** A post from another node. */
  onPost(from: string, body: unknown): void;
  /** A question from another node; what it resolves to is the answer. */
  onAsk(from: string, body: unknown): Promise<unknown>;
};

export class NodeUnreachable extends Error {
  constructor(node: string, why: string) {
    super(`node ${node} ${why}`);
    this.name = 'NodeUnreachable';
  }
}

/** What the link uses of a node-redis connection (the publisher answers commands too). */
type Connection = { sendCommand(args: string[]): Promise<unknown>; quit(): Promise<unknown> };

type Waiting = { resolve: (body: unknown) => void; reject: (error: Error) => void; timer: NodeJS.Timeout };

function channelOf(nodeId: string): string {
  return `samplan:node:${nodeId}`;
}

/**
 * The Samplan nodes sharing one Redis talk to each other over pub/sub, one
 * channel per node. Everything a node sends leaves through one connection,
 * and Redis delivers one connection's messages in order, so a node's answer to
 * a request and the notifications it sent before it arrive in that order.
 *
 * A node is alive while its subscription is: Redis drops it the moment the
 * process dies (its connection closes), so `alive` is exact for a crash; a
 * node that hangs is found out by its leases lapsing (roomLeases.ts).
 */
export class NodeLink {
  readonly nodeId: string;
  readonly #pub: Connection;
  readonly #sub: Pick<Connection, 'quit'>;
  readonly #logger: Logger;
  readonly #waiting = new Map<string, Waiting>();
  #listener: LinkListener | undefined;

  private constructor(nodeId: string, pub: Connection, sub: Pick<Connection, 'quit'>, logger: Logger) {
    this.nodeId = nodeId;
    this.#pub = pub;
    this.#sub = sub;
    this.#logger = logger;
  }

  static async connect(url: string, nodeId: string, logger: Logger): Promise<NodeLink> {
    const log = logger.child({ component: 'node-link', nodeId });
    const pub = createClient({ url });
    const sub = pub.duplicate();
    // Without listeners a dropped connection would end the process; the client reconnects by itself.
    pub.on('error', (error: unknown) => log.warn({ err: error }, 'redis error (node link)'));
    sub.on('error', (error: unknown) => log.warn({ err: error }, 'redis error (node link subscriber)'));
    await Promise.all([pub.connect(), sub.connect()]);
    const link = new NodeLink(nodeId, pub, sub, log);
    await sub.subscribe(channelOf(nodeId), (message) => link.#receive(message));
    return link;
  }

  /** Plain Redis commands on the publishing connection (the room leases). */
  sendCommand(args: string[]): Promise<unknown> {
    return this.#pub.sendCommand(args);
  }

  listen(listener: LinkListener): void {
    this.#listener = listener;
  }

  /** Sends one-way; false when no node by that id listens (it is gone). */
  async post(to: string, body: unknown): Promise<boolean> {
    return (await this.#publish(to, { kind: 'post', from: this.nodeId, body })) > 0;
  }

  /** Asks another node and waits for its answer; rejects when it is gone or silent for `timeoutMs`. */
  ask(to: string, body: unknown, timeoutMs: number): Promise<unknown> {
    const id = randomUUID();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiting.delete(id);
        reject(new NodeUnreachable(to, `did not answer within ${timeoutMs} ms`));
      }, timeoutMs);
      this.#waiting.set(id, { resolve, reject, timer });
      this.#publish(to, { kind: 'ask', from: this.nodeId, id, body }).then(
        (receivers) => {
          if (receivers === 0) this.#settle(id, new NodeUnreachable(to, 'is gone'));
        },
        (error: unknown) => this.#settle(id, new NodeUnreachable(to, `could not be reached: ${String(error)}`)),
      );
    });
  }

  /** Whether a node by that id is connected now. */
  async alive(nodeId: string): Promise<boolean> {
    if (nodeId === this.nodeId) return true;
    const reply = (await this.#pub.sendCommand(['PUBSUB', 'NUMSUB', channelOf(nodeId)])) as [string, number];
    return Number(reply[1]) > 0;
  }

  async close(): Promise<void> {
    for (const id of [...this.#waiting.keys()]) this.#settle(id, new NodeUnreachable(this.nodeId, 'is closing'));
    await Promise.allSettled([this.#sub.quit(), this.#pub.quit()]);
  }

  async #publish(to: string, envelope: Envelope): Promise<number> {
    return Number(await this.#pub.sendCommand(['PUBLISH', channelOf(to), JSON.stringify(envelope)]));
  }

  #settle(id: string, outcome: { body: unknown } | Error): void {
    const waiting = this.#waiting.get(id);
    if (waiting === undefined) return;
    this.#waiting.delete(id);
    clearTimeout(waiting.timer);
    if (outcome instanceof Error) waiting.reject(outcome);
    else waiting.resolve(outcome.body);
  }

  #receive(message: string): void {
    let envelope: Envelope;
    try {
      envelope = envelopeSchema.parse(JSON.parse(message));
    } catch (error) {
      this.#logger.warn({ err: error }, 'ignored a malformed message from another node');
      return;
    }
    const listener = this.#listener;
    switch (envelope.kind) {
      case 'answer':
        this.#settle(envelope.id, { body: envelope.body });
        break;
      case 'post':
        listener?.onPost(envelope.from, envelope.body);
        break;
      case 'ask': {
        const { from, id } = envelope;
        const answered = listener ? listener.onAsk(from, envelope.body) : Promise.reject(new Error('not listening yet'));
        answered.then(
          (body) => this.#publish(from, { kind: 'answer', id, body }),
          (error: unknown) => this.#logger.error({ err: error, from }, 'a question from another node was not answered'),
        ).catch((error: unknown) => this.#logger.warn({ err: error, from }, 'an answer to another node was not sent'));
        break;
      }
    }
  }
}
