import { SamplanError } from '@samplan/shared';
import type { Peer } from '../media/peer.ts';
import type { PeerChannel } from '../media/notifications.ts';

/** Requests a socket may have waiting at once; a client that floods is told to slow down instead of queueing without bound. */
const MAX_PENDING_REQUESTS = 64;

/**
 * One socket's view of the protocol: the peer it speaks for, if any, and its
 * requests, handled strictly one after another so that a client can never
 * race itself (two joins, a produce during its transport's replacement).
 */
export class Session {
  readonly channel: PeerChannel;
  #peer: Peer | undefined;
  readonly #onError: (error: unknown) => void;
  readonly #enterGroup: (name: string) => void | Promise<void>;
  #tail: Promise<void> = Promise.resolve();
  #pending = 0;

  /** `enterGroup` puts the socket in a Socket.IO room, which reaches it from any node (see callGroups.ts). */
  constructor(channel: PeerChannel, onError: (error: unknown) => void, enterGroup: (name: string) => void | Promise<void>) {
    this.channel = channel;
    this.#onError = onError;
    this.#enterGroup = enterGroup;
  }

  async enterGroup(name: string): Promise<void> {
    await this.#enterGroup(name);
  }

  /** The joined peer; a peer that left, was replaced by a resumed connection or lost its room no longer counts. */
  get peer(): Peer | undefined {
    return this.#peer?.closed ? undefined : this.#peer;
  }

  set peer(peer: Peer | undefined) {
    this.#peer = peer;
  }

  requirePeer(): Peer {
    const peer = this.peer;
    if (peer === undefined) throw new SamplanError('NOT_JOINED', 'Join a room first.');
    return peer;
  }

  /** Queues a request behind the earlier ones; false when too many are waiting. */
  enqueue(task: () => Promise<void>): boolean {
    if (this.#pending >= MAX_PENDING_REQUESTS) return false;
    this.#pending++;
    this.#tail = this.#tail
      .then(task)
      .catch(this.#onError)
      .finally(() => {
        this.#pending--;
      });
    return true;
  }

  /**
   * Runs `task` once every queued request is done, whatever the queue's
   * length: a join still under way when the socket drops must finish before
   * the drop is handled, or its peer would stay in the room with no socket.
   */
  afterPending(task: () => void): void {
    this.#tail = this.#tail.then(task).catch(this.#onError);
  }
}
