import { type Ack, type NotificationName, requests } from '@samplan/shared';
import { z } from 'zod';
import { mediaRoomIdOf, verifyRoomToken } from '../auth/roomToken.ts';
import type { NodeLink } from '../cluster/nodeLink.ts';
import type { RoomLeases } from '../cluster/roomLeases.ts';
import type { Logger } from '../logger.ts';
import type { PeerChannel } from '../media/notifications.ts';
import type { Dispatcher } from './dispatcher.ts';
import type { HandlerContext } from './handlers/index.ts';
import { socketLeft } from './peerDeparture.ts';
import { Session } from './socketSession.ts';
import type { SignallingServer } from './socketTypes.ts';

/** Shorter than the client's own request timeout, so the client hears why instead of timing out itself. */
const ASK_TIMEOUT_MS = 8_000;

/** The requests that act on a room's media, and so run where the room is; the plan and capabilities are answered here. */
const MEDIA_REQUEST = /^(room:(join|leave)|transport:|producer:|consumer:)/;

const askSchema = z.object({ socketId: z.string().min(1), event: z.string().min(1), payload: z.unknown() });

const postSchema = z.discriminatedUnion('kind', [
  /** Owner → relaying node: a notification for the participant's socket. */
  z.object({ kind: z.literal('notify'), socketId: z.string().min(1), name: z.string().min(1), payload: z.unknown() }),
  /** Owner → relaying node: the place was taken over by a resumed connection; cut this socket. */
  z.object({ kind: z.literal('disconnect'), socketId: z.string().min(1) }),
  /** Owner → relaying node: put the socket in a Socket.IO room (callGroups.ts). */
  z.object({ kind: z.literal('enterGroup'), socketId: z.string().min(1), group: z.string().min(1) }),
  /** Relaying node → owner: the participant's socket is gone, for this reason. */
  z.object({ kind: z.literal('gone'), socketId: z.string().min(1), reason: z.string() }),
]);
type Post = z.infer<typeof postSchema>;

const ackSchema = z.union([
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.object({ code: z.string(), message: z.string() }).loose() }),
]);

type AnyAck = Ack<unknown>;
type AckCallback = (answer: AnyAck) => void;

/** A socket here whose room is on another node. */
type Binding = { owner: string; roomId: string; suspect: boolean };
/** A participant on another node whose room is here: their session, as if their socket were local. */
type Remote = { from: string; socketId: string; session: Session; context: HandlerContext };

type Attached = {
  io: SignallingServer;
  dispatcher: Dispatcher<HandlerContext>;
  secret: string;
  graceMs: number;
  draining: () => boolean;
  /** The handler context for a participant whose socket is on another node (no plan: that stays with the socket). */
  contextFor: (session: Session) => HandlerContext;
};

function splitAck(args: readonly unknown[]): { payloads: readonly unknown[]; ack: AckCallback | undefined } {
  const last = args.at(-1);
  return typeof last === 'function' ? { payloads: args.slice(0, -1), ack: last as AckCallback } : { payloads: args, ack: undefined };
}

function refusal(code: 'NOT_JOINED' | 'RATE_LIMITED' | 'MEDIA_REJECTED' | 'BAD_REQUEST', message: string): AnyAck {
  return { ok: false, error: { code, message } };
}

/**
 * Several nodes behind one address: a participant's socket lands on any of
 * them, but a room's router lives on exactly one (its lease, roomLeases.ts).
 * The node with the socket relays the room's requests to the node with the
 * room over Redis (nodeLink.ts), and that node runs them through the same
 * dispatcher and handlers as its own sockets', with a session whose channel
 * posts the notifications back. The client never knows; media goes straight
 * to the owner's mediasoup address, which the answers carry.
 *
 * Both sides watch the other: a socket's node forgets a room whose owner is
 * gone (or no longer holds it) and tells the participant to rejoin, which
 * places the room again; an owner ends the places of a node that is gone, as
 * if their sockets had dropped (the reconnect grace lets them resume).
 */
export class MediaRelay {
  readonly #link: NodeLink;
  readonly #leases: RoomLeases;
  readonly #logger: Logger;
  readonly #bindings = new Map<string, Binding>();
  readonly #remotes = new Map<string, Remote>();
  readonly #timer: NodeJS.Timeout;
  #attached: Attached | undefined;
  #drain: { settle: () => void; done: Promise<void> } | undefined;
  #checking = false;

  constructor(link: NodeLink, leases: RoomLeases, leaseMs: number, logger: Logger) {
    this.#link = link;
    this.#leases = leases;
    this.#logger = logger.child({ component: 'media-relay', nodeId: link.nodeId });
    this.#timer = setInterval(() => void this.#check(), Math.max(100, Math.floor(leaseMs / 3)));
    this.#timer.unref();
    link.listen({ onPost: (from, body) => this.#onPost(from, body), onAsk: (from, body) => this.#onAsk(from, body) });
  }

  attach(attached: Attached): void {
    this.#attached = attached;
  }

  /** Sockets here whose room is elsewhere, and participants elsewhere whose room is here (for tests and operators). */
  counts(): { relayedOut: number; relayedIn: number } {
    return { relayedOut: this.#bindings.size, relayedIn: this.#remotes.size };
  }

  /** Handles one request from a socket on this node: here, or on the node holding its room. */
  async dispatch(context: HandlerContext, socketId: string, event: unknown, args: readonly unknown[]): Promise<void> {
    const { dispatcher, draining } = this.#require();
    if (typeof event !== 'string' || !MEDIA_REQUEST.test(event)) return dispatcher.dispatch(context, event, args);
    const binding = this.#bindings.get(socketId);
    if (binding !== undefined) return this.#forward(context, binding, socketId, event, args);
    if (event !== 'room:join' || context.session.peer !== undefined || draining()) return dispatcher.dispatch(context, event, args);
    const roomId = await this.#roomIdOf(args);
    // A request that cannot be read is refused by the dispatcher here, with its reasons.
    if (roomId === undefined) return dispatcher.dispatch(context, event, args);
    for (let attempt = 0; ; attempt++) {
      const owner = await this.#leases.holderElsewhere(roomId).catch((error: unknown) => {
        this.#logger.warn({ err: error, roomId }, 'room placement not read; opening it here');
        return undefined;
      });
      if (owner !== undefined) return this.#forward(context, this.#bind(socketId, owner, roomId), socketId, event, args);
      const { payloads, ack } = splitAck(args);
      const answer = await new Promise<AnyAck>((resolve) => void dispatcher.dispatch(context, event, [...payloads, resolve]));
      // Another node opened the room between the look and the claim: go there instead.
      if (attempt === 0 && !answer.ok && answer.error.code === 'ROOM_CLOSED') continue;
      ack?.(answer);
      return;
    }
  }

  /** A socket on this node is gone: its place on another node follows (after the socket's queued requests). */
  socketGone(socketId: string, reason: string): void {
    const binding = this.#bindings.get(socketId);
    if (binding === undefined) return;
    this.#unbind(socketId, binding);
    this.#post(binding.owner, { kind: 'gone', socketId, reason });
  }

  /** Tells every socket here whose room is elsewhere to move (`room:draining`); resolves when none is left. */
  drain(closesInMs: number): Promise<void> {
    if (this.#drain === undefined) {
      let settle = () => {};
      const done = new Promise<void>((resolve) => {
        settle = resolve;
      });
      this.#drain = { settle, done };
      for (const socketId of this.#bindings.keys()) this.#emit(socketId, 'room:draining', { rejoin: true, closesInMs });
      this.#settleDrainIfEmpty();
    }
    return this.#drain.done;
  }

  close(): void {
    clearInterval(this.#timer);
  }

  #require(): Attached {
    if (this.#attached === undefined) throw new Error('the media relay is not attached to a signalling server');
    return this.#attached;
  }

  async #roomIdOf(args: readonly unknown[]): Promise<string | undefined> {
    const parsed = requests['room:join'].request.safeParse(splitAck(args).payloads[0]);
    if (!parsed.success) return undefined;
    try {
      return mediaRoomIdOf(await verifyRoomToken(parsed.data.token, this.#require().secret));
    } catch {
      return undefined;
    }
  }

  #bind(socketId: string, owner: string, roomId: string): Binding {
    const binding: Binding = { owner, roomId, suspect: false };
    this.#bindings.set(socketId, binding);
    return binding;
  }

  #unbind(socketId: string, binding: Binding): void {
    if (this.#bindings.get(socketId) !== binding) return;
    this.#bindings.delete(socketId);
    this.#settleDrainIfEmpty();
  }

  #settleDrainIfEmpty(): void {
    if (this.#drain !== undefined && this.#bindings.size === 0) this.#drain.settle();
  }

  async #forward(context: HandlerContext, binding: Binding, socketId: string, event: string, args: readonly unknown[]): Promise<void> {
    const { payloads, ack } = splitAck(args);
    if (payloads.length !== 1) return this.#require().dispatcher.dispatch(context, event, args);
    let answer: AnyAck;
    try {
      answer = ackSchema.parse(await this.#link.ask(binding.owner, { socketId, event, payload: payloads[0] }, ASK_TIMEOUT_MS)) as AnyAck;
    } catch (error) {
      this.#logger.warn({ err: error, owner: binding.owner, event }, 'the node holding the room did not answer');
      answer = refusal('MEDIA_REJECTED', 'The media server holding this call did not answer; join again.');
    }
    // No place there (any more): the next join is placed afresh.
    const noPlace = event === 'room:join' ? !answer.ok && answer.error.code !== 'ALREADY_JOINED' : event === 'room:leave' && answer.ok;
    if (noPlace) this.#unbind(socketId, binding);
    ack?.(answer);
  }

  #post(to: string, body: Post): void {
    this.#link.post(to, body).catch((error: unknown) => this.#logger.warn({ err: error, to, kind: body.kind }, 'a message to another node was lost'));
  }

  #emit(socketId: string, name: NotificationName | string, payload: unknown): void {
    this.#require().io.sockets.sockets.get(socketId)?.emit(name as NotificationName, payload as never);
  }

  #onPost(from: string, body: unknown): void {
    const parsed = postSchema.safeParse(body);
    if (!parsed.success) {
      this.#logger.warn({ from }, 'ignored a malformed relay message');
      return;
    }
    const post = parsed.data;
    if (post.kind === 'gone') {
      this.#remoteGone(from, post.socketId, post.reason);
      return;
    }
    // Only the node this socket's room is on speaks for it; a late word from a room it left is dropped.
    const binding = this.#bindings.get(post.socketId);
    if (binding?.owner !== from) return;
    const socket = this.#require().io.sockets.sockets.get(post.socketId);
    switch (post.kind) {
      case 'notify':
        this.#emit(post.socketId, post.name, post.payload);
        if (post.name === 'room:closed') this.#unbind(post.socketId, binding);
        break;
      case 'disconnect':
        socket?.disconnect(true);
        break;
      case 'enterGroup':
        void socket?.join(post.group);
        break;
    }
  }

  #onAsk(from: string, body: unknown): Promise<AnyAck> {
    const attached = this.#require();
    const parsed = askSchema.safeParse(body);
    if (!parsed.success) return Promise.resolve(refusal('BAD_REQUEST', 'Malformed relayed request.'));
    const { socketId, event, payload } = parsed.data;
    const key = `${from} ${socketId}`;
    let remote = this.#remotes.get(key);
    if (remote === undefined) {
      if (event !== 'room:join') return Promise.resolve(refusal('NOT_JOINED', 'Join a room first.'));
      remote = this.#openRemote(from, socketId, attached);
      this.#remotes.set(key, remote);
    }
    const { session, context } = remote;
    return new Promise((resolve) => {
      const queued = session.enqueue(() => attached.dispatcher.dispatch(context, event, [payload, resolve]));
      if (!queued) resolve(refusal('RATE_LIMITED', 'Too many requests at once; wait for the answers.'));
    });
  }

  #openRemote(from: string, socketId: string, attached: Attached): Remote {
    const channel: PeerChannel = {
      notify: (name, payload) => this.#post(from, { kind: 'notify', socketId, name, payload }),
      disconnect: () => this.#post(from, { kind: 'disconnect', socketId }),
    };
    const session = new Session(
      channel,
      (error) => this.#logger.error({ err: error, from }, 'relayed request failed'),
      (group) => this.#post(from, { kind: 'enterGroup', socketId, group }),
    );
    return { from, socketId, session, context: attached.contextFor(session) };
  }

  #remoteGone(from: string, socketId: string, reason: string): void {
    const key = `${from} ${socketId}`;
    const remote = this.#remotes.get(key);
    if (remote === undefined) return;
    this.#remotes.delete(key);
    const { graceMs } = this.#require();
    remote.session.afterPending(() => {
      const peer = remote.session.peer;
      if (peer !== undefined) socketLeft(peer, reason, graceMs, this.#logger);
    });
  }

  /**
   * Every third of a lease: a room whose owner is gone, or that its owner no
   * longer holds (seen twice, so a room:closed still on its way is not
   * mistaken for a move), is rejoined; the places of participants whose node
   * is gone are left as if their sockets had dropped.
   */
  async #check(): Promise<void> {
    if (this.#checking || this.#attached === undefined) return;
    this.#checking = true;
    const seen = new Map<string, Promise<boolean>>();
    // Redis trouble is no proof of death: assume alive, and look again next time.
    const alive = (node: string) => seen.get(node) ?? seen.set(node, this.#link.alive(node).catch(() => true)).get(node)!;
    try {
      for (const [socketId, binding] of [...this.#bindings]) {
        const ownerAlive = await alive(binding.owner);
        const holder = ownerAlive ? await this.#leases.holderOf(binding.roomId).catch(() => binding.owner) : undefined;
        if (ownerAlive && holder === binding.owner) {
          binding.suspect = false;
          continue;
        }
        if (ownerAlive && !binding.suspect) {
          binding.suspect = true;
          continue;
        }
        if (this.#bindings.get(socketId) !== binding) continue;
        this.#logger.info({ roomId: binding.roomId, owner: binding.owner, ownerAlive }, 'the room left its node: telling the participant to rejoin');
        this.#unbind(socketId, binding);
        if (ownerAlive) this.#post(binding.owner, { kind: 'gone', socketId, reason: 'server namespace disconnect' });
        this.#emit(socketId, 'room:closed', { reason: 'worker-died', rejoin: true });
      }
      for (const remote of [...this.#remotes.values()]) {
        if (!(await alive(remote.from))) this.#remoteGone(remote.from, remote.socketId, 'transport close');
      }
    } catch (error) {
      this.#logger.warn({ err: error }, 'relay check failed; trying again');
    } finally {
      this.#checking = false;
    }
  }
}
