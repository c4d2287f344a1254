import type {
  ConsumerOptions,
  MediaKind,
  MediaSource,
  NotificationName,
  NotificationOf,
  ParticipantRole,
  PeerSummary,
  ProducerSummary,
  TransportOptions,
} from '@samplan/shared';
import { SamplanError } from '@samplan/shared';
import type { types } from 'mediasoup';
import type { Logger } from '../logger.ts';
import type { PeerChannel } from './notifications.ts';
import { webRtcTransportOptions } from './transportOptions.ts';
import { rtpParametersToWire } from './wire.ts';
import type { MediaWorker } from './workerPool.ts';

export type TransportDirection = 'send' | 'recv';

export type PeerIdentity = {
  id: string;
  displayName: string;
  role: ParticipantRole;
  resumeKey: string;
};

/**
 * The room as its peers see it. Room implements it; a peer never imports
 * Room, so a peer's needs stay visible here and the two modules do not
 * depend on each other.
 */
export interface PeerRoom {
  readonly router: types.Router;
  readonly mediaWorker: MediaWorker;
  peers(): Peer[];
  broadcast<K extends NotificationName>(from: Peer | undefined, name: K, payload: NotificationOf<K>): void;
  removePeer(peer: Peer): void;
  findProducer(producerId: string): { peer: Peer; source: MediaSource } | undefined;
  observeSpeaker(producer: types.Producer): Promise<void>;
  onProducerClosed(owner: Peer, producerId: string): void;
}

/**
 * A browser's transport (WebRTC) or a plain RTP one (no ICE, DTLS or SRTP):
 * RTP injected from outside a browser, which today is bench:forward's load
 * generator on 127.0.0.1. A plain transport is connected from its creation.
 */
type OwnTransport =
  | { kind: 'webrtc'; transport: types.WebRtcTransport; direction: TransportDirection; connected: boolean }
  | { kind: 'plain'; transport: types.PlainTransport; direction: TransportDirection; connected: true };

/** Where a plain transport sends its RTP; a send transport learns its remote from the first packet instead. */
export type PlainRemote = { ip: string; port: number };
type OwnProducer = { producer: types.Producer; source: MediaSource };
type OwnConsumer = { consumer: types.Consumer };

/** What a producer carries decides its kind; a mismatch is a client bug worth refusing early. */
const KIND_OF_SOURCE: Record<MediaSource, MediaKind> = { mic: 'audio', camera: 'video', screen: 'video' };

function mediaRejected(error: unknown): SamplanError {
  const reason = error instanceof Error ? error.message : String(error);
  return new SamplanError('MEDIA_REJECTED', `The media server refused the request: ${reason.slice(0, 200)}`);
}

function notFound(what: string): SamplanError {
  return new SamplanError('NOT_FOUND', `No such ${what}.`);
}

/**
 * One participant in one room. Owns its transports; mediasoup closes a
 * transport's producers and consumers with it, and the observers below keep
 * the maps (and the other participants) in step with whatever closed.
 */
export class Peer {
  readonly id: string;
  readonly displayName: string;
  readonly role: ParticipantRole;
  readonly resumeKey: string;
  readonly room: PeerRoom;
  readonly #logger: Logger;
  readonly #rtpCapabilities: types.RtpCapabilities;
  readonly #transports = new Map<string, OwnTransport>();
  readonly #producers = new Map<string, OwnProducer>();
  readonly #consumers = new Map<string, OwnConsumer>();
  #channel: PeerChannel | undefined;
  #graceTimer: NodeJS.Timeout | undefined;
  #closed = false;
  readonly #departureListeners: Array<() => void> = [];

  constructor(room: PeerRoom, identity: PeerIdentity, rtpCapabilities: types.RtpCapabilities, channel: PeerChannel, logger: Logger) {
    this.room = room;
    this.id = identity.id;
    this.displayName = identity.displayName;
    this.role = identity.role;
    this.resumeKey = identity.resumeKey;
    this.#rtpCapabilities = rtpCapabilities;
    this.#channel = channel;
    this.#logger = logger.child({ peerId: identity.id });
  }

  get closed(): boolean {
    return this.#closed;
  }

  get connection(): PeerSummary['connection'] {
    return this.#channel === undefined ? 'reconnecting' : 'connected';
  }

  summary(): PeerSummary {
    return {
      peerId: this.id,
      displayName: this.displayName,
      role: this.role,
      connection: this.connection,
      producers: [...this.#producers.values()].map(({ producer, source }) => this.#producerSummary(producer, source)),
    };
  }

  notify<K extends NotificationName>(name: K, payload: NotificationOf<K>): void {
    this.#channel?.notify(name, payload);
  }

  /**
   * The participant's socket dropped. Media may well still flow (only the
   * signalling connection broke), so everything stays open for `graceMs`; a
   * resumed join within it takes this place, otherwise the peer leaves.
   */
  markReconnecting(graceMs: number): void {
    if (this.#closed || this.#channel === undefined) return;
    this.#channel = undefined;
    this.room.broadcast(this, 'peer:connection', { peerId: this.id, connection: 'reconnecting' });
    this.#graceTimer = setTimeout(() => {
      this.#logger.info('reconnect grace expired');
      this.leave();
    }, graceMs);
  }

  /** Told once the participant is gone for good (left, grace ran out, room closed); a resumed connection taking the place is no departure. */
  onDeparture(listener: () => void): void {
    this.#departureListeners.push(listener);
  }

  /** Leaves the room for good: the others see the peer's producers close, then `peer:left`. */
  leave(): void {
    if (this.#closed) return;
    this.#shutDown();
    this.room.removePeer(this);
    this.room.broadcast(this, 'peer:left', { peerId: this.id });
    this.#departed();
  }

  /** Gives way to the resumed connection that takes this peer's place. The old socket, if still open, is cut. */
  replace(): void {
    if (this.#closed) return;
    const channel = this.#channel;
    this.#shutDown();
    channel?.disconnect();
  }

  /** The room is gone (its worker died or it ended); the participant learns why and may join again. */
  closeWithRoom(notice: NotificationOf<'room:closed'>): void {
    if (this.#closed) return;
    this.notify('room:closed', notice);
    this.#shutDown();
    this.#departed();
  }

  #departed(): void {
    for (const listener of this.#departureListeners.splice(0)) listener();
  }

  #shutDown(): void {
    this.#closed = true;
    clearTimeout(this.#graceTimer);
    for (const { transport } of [...this.#transports.values()]) transport.close();
    this.#channel = undefined;
  }

  /**
   * At most one transport per direction: a client that lost one (ICE failed
   * for good) creates a new one and the old one closes with everything on it.
   */
  async createTransport(direction: TransportDirection, iceServers: TransportOptions['iceServers']): Promise<TransportOptions> {
    let transport: types.WebRtcTransport;
    try {
      transport = await this.room.router.createWebRtcTransport({
        ...webRtcTransportOptions(this.room.mediaWorker.webRtcServer),
        appData: { peerId: this.id, direction },
      });
    } catch (error) {
      throw mediaRejected(error);
    }
    if (this.#closed) {
      transport.close();
      throw new SamplanError('NOT_JOINED', 'The peer left while its transport was being created.');
    }
    this.#keep({ kind: 'webrtc', transport, direction, connected: false });
    transport.on('dtlsstatechange', (state) => {
      if (state === 'failed') this.#logger.warn({ transportId: transport.id }, 'DTLS failed');
    });
    return {
      id: transport.id,
      iceParameters: transport.iceParameters,
      iceCandidates: transport.iceCandidates,
      dtlsParameters: transport.dtlsParameters,
      iceServers,
    };
  }

  /**
   * A plain RTP transport on `listenIp`, under the same one-per-direction
   * rule as a browser's. A send transport takes its remote from the first
   * packet (comedia), so the sender needs no signalling, and takes RTCP on a
   * port of its own (`rtcpPort`), as ffmpeg and GStreamer send it: on one
   * port, the sender's RTCP (from another port of the sender's) could claim
   * the remote first and its RTP would then be refused. A receive transport
   * sends RTP and RTCP to `remote`.
   *
   * No signalling handler offers it, so no client can ask for one. It exists
   * so that bench:forward drives its load through this peer and its room
   * (produce, consume, resume, pause) as the handlers do; the bench opening
   * plain transports on the room's router itself would measure mediasoup
   * with Samplan merely looking on. What it costs the WebRTC path is the
   * `kind` tag on each transport and the check in ICE restart and DTLS
   * connect.
   */
  async createPlainTransport(
    direction: TransportDirection,
    listenIp: string,
    remote?: PlainRemote,
  ): Promise<{ id: string; port: number; rtcpPort: number }> {
    if ((direction === 'recv') !== (remote !== undefined)) {
      throw new SamplanError('BAD_REQUEST', 'A plain receive transport needs a remote address, and a send transport takes none.');
    }
    let transport: types.PlainTransport;
    try {
      transport = await this.room.router.createPlainTransport({
        listenInfo: { protocol: 'udp', ip: listenIp },
        comedia: direction === 'send',
        rtcpMux: direction === 'recv',
        appData: { peerId: this.id, direction },
      });
    } catch (error) {
      throw mediaRejected(error);
    }
    try {
      if (remote !== undefined) await transport.connect(remote);
    } catch (error) {
      transport.close();
      throw mediaRejected(error);
    }
    if (this.#closed) {
      transport.close();
      throw new SamplanError('NOT_JOINED', 'The peer left while its transport was being created.');
    }
    this.#keep({ kind: 'plain', transport, direction, connected: true });
    const port = transport.tuple.localPort;
    return { id: transport.id, port, rtcpPort: transport.rtcpTuple?.localPort ?? port };
  }

  #keep(own: OwnTransport): void {
    for (const other of [...this.#transports.values()]) {
      if (other.direction === own.direction) other.transport.close();
    }
    const transport: types.Transport = own.transport;
    this.#transports.set(transport.id, own);
    transport.observer.once('close', () => this.#transports.delete(transport.id));
  }

  async connectTransport(transportId: string, dtlsParameters: types.DtlsParameters): Promise<void> {
    const own = this.#webRtcTransport(transportId);
    if (own.connected) throw new SamplanError('CONFLICT', 'The transport is already connected.');
    try {
      await own.transport.connect({ dtlsParameters });
    } catch (error) {
      throw mediaRejected(error);
    }
    own.connected = true;
  }

  async restartIce(transportId: string): Promise<types.IceParameters> {
    const own = this.#webRtcTransport(transportId);
    try {
      return await own.transport.restartIce();
    } catch (error) {
      throw mediaRejected(error);
    }
  }

  async produce(request: {
    transportId: string;
    kind: MediaKind;
    source: MediaSource;
    rtpParameters: types.RtpParameters;
    paused: boolean;
  }): Promise<types.Producer> {
    const own = this.#transport(request.transportId);
    if (own.direction !== 'send') throw new SamplanError('BAD_REQUEST', 'Produce on a send transport.');
    // mediasoup would accept it, but media cannot flow yet and the client skipped a step: refuse it loudly.
    if (!own.connected) throw new SamplanError('CONFLICT', 'Connect the transport before producing on it.');
    if (KIND_OF_SOURCE[request.source] !== request.kind) {
      throw new SamplanError('BAD_REQUEST', `A ${request.source} source produces ${KIND_OF_SOURCE[request.source]}.`);
    }
    if ([...this.#producers.values()].some(({ source }) => source === request.source)) {
      throw new SamplanError('CONFLICT', `The ${request.source} is already being sent; close it first.`);
    }
    let producer: types.Producer;
    try {
      producer = await own.transport.produce({
        kind: request.kind,
        rtpParameters: request.rtpParameters,
        paused: request.paused,
        appData: { peerId: this.id, source: request.source },
      });
    } catch (error) {
      throw mediaRejected(error);
    }
    if (this.#closed) {
      producer.close();
      throw new SamplanError('NOT_JOINED', 'The peer left while producing.');
    }
    this.#producers.set(producer.id, { producer, source: request.source });
    producer.observer.once('close', () => {
      this.#producers.delete(producer.id);
      this.room.onProducerClosed(this, producer.id);
    });
    this.room.broadcast(this, 'producer:new', { peerId: this.id, producer: this.#producerSummary(producer, request.source) });
    if (producer.kind === 'audio') await this.room.observeSpeaker(producer);
    return producer;
  }

  async pauseProducer(producerId: string): Promise<void> {
    const { producer } = this.#producer(producerId);
    await this.#media(() => producer.pause());
    this.room.broadcast(this, 'producer:paused', { peerId: this.id, producerId });
  }

  async resumeProducer(producerId: string): Promise<void> {
    const { producer } = this.#producer(producerId);
    await this.#media(() => producer.resume());
    this.room.broadcast(this, 'producer:resumed', { peerId: this.id, producerId });
  }

  closeProducer(producerId: string): void {
    this.#producer(producerId).producer.close();
  }

  /** Consumers start paused; the client resumes them once its side exists, so the first keyframe is not lost. */
  async consume(transportId: string, producerId: string): Promise<ConsumerOptions> {
    const own = this.#transport(transportId);
    if (own.direction !== 'recv') throw new SamplanError('BAD_REQUEST', 'Consume on a receive transport.');
    const found = this.room.findProducer(producerId);
    if (found === undefined || found.peer === this) throw notFound('producer');
    if ([...this.#consumers.values()].some(({ consumer }) => consumer.producerId === producerId)) {
      throw new SamplanError('CONFLICT', 'That producer is already being consumed.');
    }
    if (!this.room.router.canConsume({ producerId, rtpCapabilities: this.#rtpCapabilities })) {
      throw new SamplanError('MEDIA_REJECTED', 'This device cannot decode that media.');
    }
    let consumer: types.Consumer;
    try {
      consumer = await own.transport.consume({
        producerId,
        rtpCapabilities: this.#rtpCapabilities,
        paused: true,
        appData: { peerId: this.id },
      });
    } catch (error) {
      throw mediaRejected(error);
    }
    if (this.#closed) {
      consumer.close();
      throw new SamplanError('NOT_JOINED', 'The peer left while consuming.');
    }
    this.#consumers.set(consumer.id, { consumer });
    consumer.observer.once('close', () => this.#consumers.delete(consumer.id));
    consumer.on('producerclose', () => this.notify('consumer:closed', { consumerId: consumer.id }));
    return {
      consumerId: consumer.id,
      producerId,
      peerId: found.peer.id,
      kind: consumer.kind,
      source: found.source,
      rtpParameters: rtpParametersToWire(consumer.rtpParameters),
      type: consumer.type,
      producerPaused: consumer.producerPaused,
    };
  }

  async resumeConsumer(consumerId: string): Promise<void> {
    const { consumer } = this.#consumer(consumerId);
    await this.#media(() => consumer.resume());
  }

  async pauseConsumer(consumerId: string): Promise<void> {
    const { consumer } = this.#consumer(consumerId);
    await this.#media(() => consumer.pause());
  }

  async setPreferredLayers(consumerId: string, layers: types.ConsumerLayers): Promise<void> {
    const { consumer } = this.#consumer(consumerId);
    await this.#media(() => consumer.setPreferredLayers(layers));
  }

  producerSource(producerId: string): MediaSource | undefined {
    return this.#producers.get(producerId)?.source;
  }

  #producerSummary(producer: types.Producer, source: MediaSource): ProducerSummary {
    return { producerId: producer.id, kind: producer.kind, source, paused: producer.paused };
  }

  async #media(operation: () => Promise<void>): Promise<void> {
    try {
      await operation();
    } catch (error) {
      throw mediaRejected(error);
    }
  }

  #transport(transportId: string): OwnTransport {
    const own = this.#transports.get(transportId);
    if (own === undefined) throw notFound('transport');
    return own;
  }

  #webRtcTransport(transportId: string): Extract<OwnTransport, { kind: 'webrtc' }> {
    const own = this.#transport(transportId);
    if (own.kind !== 'webrtc') throw new SamplanError('BAD_REQUEST', 'A plain transport has no ICE or DTLS.');
    return own;
  }

  #producer(producerId: string): OwnProducer {
    const own = this.#producers.get(producerId);
    if (own === undefined) throw notFound('producer');
    return own;
  }

  #consumer(consumerId: string): OwnConsumer {
    const own = this.#consumers.get(consumerId);
    if (own === undefined) throw notFound('consumer');
    return own;
  }
}
