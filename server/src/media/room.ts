import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { MediaSource, NotificationName, NotificationOf, ParticipantRole } from '@samplan/shared';
import type { types } from 'mediasoup';
import type { Logger } from '../logger.ts';
import { mediaCodecs } from './codecs.ts';
import type { PeerChannel } from './notifications.ts';
import { Peer, type PeerRoom } from './peer.ts';
import type { MediaWorker } from './workerPool.ts';

export type RoomCloseReason = NotificationOf<'room:closed'>['reason'];

export type JoinRequest = {
  displayName: string;
  role: ParticipantRole;
  rtpCapabilities: types.RtpCapabilities;
  channel: PeerChannel;
};

/** How often the active-speaker detector re-evaluates; the tile highlight should follow speech, not flicker. */
const SPEAKER_INTERVAL_MS = 300;

/** What the room's owner does when the room closes, and when its worker died under peers still in it. */
export type RoomHooks = {
  onClosed(room: Room): void;
  onWorkerLost(room: Room): void;
};

type RouterOnWorker = { mediaWorker: MediaWorker; router: types.Router; speakers: types.ActiveSpeakerObserver };

async function openRouter(roomId: string, mediaWorker: MediaWorker): Promise<RouterOnWorker> {
  const router = await mediaWorker.worker.createRouter({ mediaCodecs, appData: { roomId } });
  try {
    const speakers = await router.createActiveSpeakerObserver({ interval: SPEAKER_INTERVAL_MS });
    return { mediaWorker, router, speakers };
  } catch (error) {
    router.close();
    throw error;
  }
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * One conference: a router on one worker, an active-speaker detector, and the
 * peers in it. When the worker dies under peers, the room's owner moves it to
 * another worker (`moveTo`) and the peers keep their places.
 *
 * An empty room closes its router at once (the last peer left, or its
 * reconnect grace ran out). Nothing is lost by that: a router holds no state
 * worth keeping, creating one takes a few milliseconds, and clients get the
 * router capabilities without a room (they are the same for every router).
 * Keeping idle routers would only skew the least-loaded worker choice and
 * hold memory. A peer that is merely reconnecting still counts, so a brief
 * network loss of the last participant does not end the room.
 */
export class Room implements PeerRoom {
  readonly id: string;
  #mediaWorker: MediaWorker;
  #router: types.Router;
  #speakers: types.ActiveSpeakerObserver;
  readonly #peers = new Map<string, Peer>();
  readonly #logger: Logger;
  readonly #hooks: RoomHooks;
  #dominantProducerId: string | undefined;
  #closed = false;

  private constructor(id: string, media: RouterOnWorker, logger: Logger, hooks: RoomHooks) {
    this.id = id;
    this.#mediaWorker = media.mediaWorker;
    this.#router = media.router;
    this.#speakers = media.speakers;
    this.#logger = logger;
    this.#hooks = hooks;
    this.#watch(media);
  }

  static async create(id: string, mediaWorker: MediaWorker, logger: Logger, hooks: RoomHooks): Promise<Room> {
    const room = new Room(id, await openRouter(id, mediaWorker), logger.child({ roomId: id }), hooks);
    room.#logger.info({ slot: mediaWorker.slot }, 'room opened');
    return room;
  }

  get mediaWorker(): MediaWorker {
    return this.#mediaWorker;
  }

  get router(): types.Router {
    return this.#router;
  }

  #watch({ router, speakers }: RouterOnWorker): void {
    router.on('workerclose', () => {
      // Only the current router's worker matters: an old one dying later (it is already closed) changes nothing.
      if (router !== this.#router || this.#closed) return;
      if (this.#peers.size === 0) this.close('worker-died');
      else this.#hooks.onWorkerLost(this);
    });
    speakers.on('dominantspeaker', ({ producer }) => {
      const peerId = (producer.appData as { peerId?: unknown }).peerId;
      if (typeof peerId !== 'string') return;
      this.#dominantProducerId = producer.id;
      this.broadcast(undefined, 'speaker:active', { peerId });
    });
  }

  /**
   * Carries the room on in a new router on `mediaWorker`, after its own
   * worker died. Everything media went with the old worker (the peers'
   * transports, producers and consumers closed, and the others were told
   * `producer:closed`); the peers stay, and each is told `room:rebuilt` so
   * its client makes its media again here.
   */
  async moveTo(mediaWorker: MediaWorker): Promise<void> {
    if (this.#closed) return;
    const media = await openRouter(this.id, mediaWorker);
    if (this.#closed) {
      media.router.close();
      return;
    }
    this.#mediaWorker = mediaWorker;
    this.#router = media.router;
    this.#speakers = media.speakers;
    this.#dominantProducerId = undefined;
    this.#watch(media);
    this.#logger.info({ slot: mediaWorker.slot, peers: this.#peers.size }, 'room rebuilt on another worker');
    for (const peer of this.#peers.values()) {
      peer.notify('room:rebuilt', {
        peers: this.peers()
          .filter((other) => other !== peer)
          .map((other) => other.summary()),
      });
    }
  }

  get closed(): boolean {
    return this.#closed;
  }

  get peerCount(): number {
    return this.#peers.size;
  }

  peers(): Peer[] {
    return [...this.#peers.values()];
  }

  join(request: JoinRequest): Peer {
    const peer = new Peer(
      this,
      { id: randomUUID(), displayName: request.displayName, role: request.role, resumeKey: randomBytes(24).toString('base64url') },
      request.rtpCapabilities,
      request.channel,
      this.#logger,
    );
    this.#peers.set(peer.id, peer);
    this.broadcast(peer, 'peer:joined', { peer: peer.summary() });
    this.#logger.info({ peerId: peer.id, role: peer.role }, 'peer joined');
    return peer;
  }

  /**
   * Takes back the place of `peerId` for a participant whose socket dropped.
   * The old peer's media closes (others see its producers close, and new ones
   * appear as the client produces again); the peer id stays. Returns undefined
   * when there is nothing to resume, and never says why: a wrong key and an
   * unknown peer look the same.
   */
  resume(peerId: string, resumeKey: string, request: JoinRequest): Peer | undefined {
    const previous = this.#peers.get(peerId);
    if (previous === undefined || previous.role !== request.role || !sameSecret(previous.resumeKey, resumeKey)) return undefined;
    previous.replace();
    const peer = new Peer(
      this,
      { id: previous.id, displayName: previous.displayName, role: previous.role, resumeKey: randomBytes(24).toString('base64url') },
      request.rtpCapabilities,
      request.channel,
      this.#logger,
    );
    this.#peers.set(peer.id, peer);
    this.broadcast(peer, 'peer:connection', { peerId: peer.id, connection: 'connected' });
    this.#logger.info({ peerId: peer.id }, 'peer resumed');
    return peer;
  }

  removePeer(peer: Peer): void {
    if (this.#peers.get(peer.id) !== peer) return;
    this.#peers.delete(peer.id);
    this.#logger.info({ peerId: peer.id }, 'peer left');
    if (this.#peers.size === 0) this.close('ended');
  }

  broadcast<K extends NotificationName>(from: Peer | undefined, name: K, payload: NotificationOf<K>): void {
    if (this.#closed) return;
    for (const peer of this.#peers.values()) {
      if (peer !== from) peer.notify(name, payload);
    }
  }

  findProducer(producerId: string): { peer: Peer; source: MediaSource } | undefined {
    for (const peer of this.#peers.values()) {
      const source = peer.producerSource(producerId);
      if (source !== undefined) return { peer, source };
    }
    return undefined;
  }

  async observeSpeaker(producer: types.Producer): Promise<void> {
    try {
      await this.#speakers.addProducer({ producerId: producer.id });
    } catch (error) {
      // The producer may have closed meanwhile; speaker detection is a nicety, never a reason to fail a produce.
      this.#logger.debug({ err: error, producerId: producer.id }, 'producer not added to speaker detection');
    }
  }

  onProducerClosed(owner: Peer, producerId: string): void {
    this.broadcast(owner, 'producer:closed', { peerId: owner.id, producerId });
    if (this.#dominantProducerId === producerId) {
      this.#dominantProducerId = undefined;
      this.broadcast(undefined, 'speaker:active', { peerId: null });
    }
  }

  close(reason: RoomCloseReason): void {
    if (this.#closed) return;
    // Closed first, so the cascade below broadcasts nothing: everyone gets room:closed instead.
    this.#closed = true;
    const notice = { reason, rejoin: reason === 'worker-died' };
    for (const peer of this.#peers.values()) peer.closeWithRoom(notice);
    this.#peers.clear();
    this.#router.close();
    this.#logger.info({ reason }, 'room closed');
    this.#hooks.onClosed(this);
  }
}
