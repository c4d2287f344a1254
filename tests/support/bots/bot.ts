import type { ConsumerOptions, MediaKind, NotificationName, NotificationOf, PeerSummary, ResponseOf } from '@samplan/shared';
import { Device, type types } from 'mediasoup-client';
import { type MediaSourceHandle, patternSource, voiceSource } from './mediaSources.ts';
import { call, connectSocket, type SamplanSocket } from './signalling.ts';
import { installWrtcGlobals } from './wrtcGlobals.ts';

export type VideoOptions = { width: number; height: number; fps: number; simulcast: boolean };

export type BotOptions = {
  url: string;
  token: string;
  displayName: string;
  /** A speaking voice at this pitch (0 Hz = silence), or no microphone at all. */
  audio?: { frequencyHz: number } | false;
  video?: VideoOptions | false;
  /** Take back an earlier place in the room (after a dropped socket). */
  resume?: { peerId: string; resumeKey: string };
};

export type RemoteConsumer = { consumer: types.Consumer; peerId: string; kind: MediaKind; type: ConsumerOptions['type'] };

export type InboundCounters = { packets: number; bytes: number; framesDecoded: number };

/** Inbound media per remote peer id and kind, read from libwebrtc's getStats(). */
export type InboundByPeer = Map<string, Partial<Record<MediaKind, InboundCounters>>>;

/** What this bot sends, kept so it can produce the same tracks again when the room is rebuilt. */
type Sending = { kind: MediaKind; track: MediaStreamTrack; encodings?: RTCRtpEncodingParameters[]; source: 'mic' | 'camera' };

/** The same figures as the browser client's (client/src/room/MediaSession.ts). */
const ICE_RESTART_AFTER_MS = 1500;
const ICE_RESTART_AGAIN_MS = 3000;
const MEDIA_STALL_MS = 1500;
const STALL_CHECK_MS = 500;

type Recorded = { [K in NotificationName]: { name: K; payload: NotificationOf<K> } }[NotificationName];

const SIMULCAST_ENCODINGS: RTCRtpEncodingParameters[] = [
  { rid: 'r0', scaleResolutionDownBy: 4, maxBitrate: 150_000 },
  { rid: 'r1', scaleResolutionDownBy: 2, maxBitrate: 400_000 },
  { rid: 'r2', scaleResolutionDownBy: 1, maxBitrate: 1_200_000 },
];

/**
 * A participant without a browser: Socket.IO + mediasoup-client (Chrome111
 * handler) on libwebrtc from @roamhq/wrtc. It joins through the real
 * protocol, sends a real tone and real video frames, and consumes everything
 * the others send, resuming each consumer as a browser client would.
 */
export class Bot {
  readonly socket: SamplanSocket;
  readonly device: Device;
  readonly join: ResponseOf<'room:join'>;
  readonly notifications: Recorded[] = [];
  readonly consumers = new Map<string, RemoteConsumer>();
  readonly producers = new Map<MediaKind, types.Producer>();
  /** Failures of the automatic consuming; a test expects none. */
  readonly errors: Error[] = [];
  readonly #sources: MediaSourceHandle[] = [];
  readonly #sending: Sending[] = [];
  /** How often the server moved this bot's room to another worker, and the rebuild under way (if any). */
  rebuilds = 0;
  /** ICE restarts this bot carried out on its existing transports. */
  iceRestarts = 0;
  #rebuilding: Promise<void> = Promise.resolve();
  readonly #listeners = new Set<(recorded: Recorded) => void>();
  #sendTransport: types.Transport | undefined;
  #recvTransport: types.Transport | undefined;
  /** Consumes wait for the receive transport, as the client holds notifications until it has one: a producer may appear right after the join. */
  #consuming: Promise<void>;
  #transportsReady: () => void = () => {};
  #stallWatch: NodeJS.Timeout | undefined;
  #inbound = { bytes: -1, at: 0 };
  #restartingForStall = false;

  private constructor(socket: SamplanSocket, device: Device, join: ResponseOf<'room:join'>) {
    this.socket = socket;
    this.device = device;
    this.join = join;
    this.#consuming = new Promise((resolve) => {
      this.#transportsReady = resolve;
    });
  }

  get peerId(): string {
    return this.join.peerId;
  }

  get sendTransportId(): string | undefined {
    return this.#sendTransport?.id;
  }

  get recvTransportId(): string | undefined {
    return this.#recvTransport?.id;
  }

  static async connect(options: BotOptions): Promise<Bot> {
    installWrtcGlobals();
    const socket = await connectSocket(options.url);
    const recorded: Recorded[] = [];
    socket.onAny((name: NotificationName, payload: unknown) => recorded.push({ name, payload } as Recorded));
    try {
      const { routerRtpCapabilities } = await call(socket, 'room:capabilities', { token: options.token });
      const device = new Device({ handlerName: 'Chrome111' });
      await device.load({ routerRtpCapabilities: routerRtpCapabilities as types.RtpCapabilities });
      const join = await call(socket, 'room:join', {
        token: options.token,
        displayName: options.displayName,
        rtpCapabilities: device.rtpCapabilities as ResponseOf<'room:capabilities'>['routerRtpCapabilities'],
        resume: options.resume,
      });
      const bot = new Bot(socket, device, join);
      socket.offAny();
      socket.onAny((name: NotificationName, payload: unknown) => bot.#onNotification({ name, payload } as Recorded));
      for (const early of recorded) bot.#onNotification(early);
      await bot.#createTransports();
      bot.#stallWatch = setInterval(() => void bot.#checkStall(), STALL_CHECK_MS);
      bot.#transportsReady();
      for (const peer of join.peers) bot.#consumeAll(peer);
      if (options.audio !== false) await bot.#produceAudio(options.audio?.frequencyHz ?? 440);
      if (options.video !== undefined && options.video !== false) await bot.#produceVideo(options.video);
      return bot;
    } catch (error) {
      socket.close();
      throw error;
    }
  }

  /** Resolves with the first notification (already received or coming) that matches. */
  waitFor<K extends NotificationName>(name: K, matches: (payload: NotificationOf<K>) => boolean = () => true, timeoutMs = 15_000): Promise<NotificationOf<K>> {
    const found = this.notifications.find((recorded) => recorded.name === name && matches(recorded.payload as NotificationOf<K>));
    if (found !== undefined) return Promise.resolve(found.payload as NotificationOf<K>);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#listeners.delete(listener);
        reject(new Error(`${this.peerId} did not receive ${name} within ${timeoutMs} ms`));
      }, timeoutMs);
      const listener = (recorded: Recorded) => {
        if (recorded.name !== name || !matches(recorded.payload as NotificationOf<K>)) return;
        clearTimeout(timer);
        this.#listeners.delete(listener);
        resolve(recorded.payload as NotificationOf<K>);
      };
      this.#listeners.add(listener);
    });
  }

  /** Waits until every automatic consume started so far has finished. */
  async settled(): Promise<void> {
    let tail: Promise<void>;
    do {
      tail = this.#consuming;
      await tail;
    } while (tail !== this.#consuming);
  }

  /**
   * libwebrtc in Node has no per-receiver getStats(), so the whole receive
   * transport's report is read and each inbound-rtp entry is matched to its
   * consumer by SSRC (which mediasoup chose and told us).
   */
  async inbound(): Promise<InboundByPeer> {
    const byPeer: InboundByPeer = new Map();
    if (this.#recvTransport === undefined) return byPeer;
    const bySsrc = new Map<number, RemoteConsumer>();
    for (const remote of this.consumers.values()) {
      const ssrc = remote.consumer.rtpParameters.encodings?.[0]?.ssrc;
      if (ssrc !== undefined && !remote.consumer.closed) bySsrc.set(ssrc, remote);
    }
    const report = await this.#recvTransport.getStats();
    report.forEach((stat: { type: string; ssrc?: number; packetsReceived?: number; bytesReceived?: number; framesDecoded?: number }) => {
      const remote = stat.type === 'inbound-rtp' && stat.ssrc !== undefined ? bySsrc.get(stat.ssrc) : undefined;
      if (remote === undefined) return;
      const entry = byPeer.get(remote.peerId) ?? {};
      const counters = entry[remote.kind] ?? { packets: 0, bytes: 0, framesDecoded: 0 };
      counters.packets += stat.packetsReceived ?? 0;
      counters.bytes += stat.bytesReceived ?? 0;
      counters.framesDecoded += stat.framesDecoded ?? 0;
      entry[remote.kind] = counters;
      byPeer.set(remote.peerId, entry);
    });
    return byPeer;
  }

  consumerOf(peerId: string, kind: MediaKind): RemoteConsumer | undefined {
    return [...this.consumers.values()].find((remote) => remote.peerId === peerId && remote.kind === kind && !remote.consumer.closed);
  }

  /** Leaves properly: `room:leave`, then everything local closes. */
  async leave(): Promise<void> {
    await call(this.socket, 'room:leave', {});
    this.close();
  }

  /** Loses the signalling connection the way a network drop does: no leave, no goodbye. Media keeps running. */
  dropSignalling(): void {
    this.socket.io.engine.close();
  }

  close(): void {
    clearInterval(this.#stallWatch);
    for (const source of this.#sources) source.stop();
    this.#sendTransport?.close();
    this.#recvTransport?.close();
    this.socket.close();
  }

  #onNotification(recorded: Recorded): void {
    this.notifications.push(recorded);
    switch (recorded.name) {
      case 'producer:new':
        this.#enqueueConsume(recorded.payload.peerId, recorded.payload.producer.producerId);
        break;
      case 'room:rebuilt':
        this.#rebuilding = this.#rebuild(recorded.payload.peers);
        break;
      case 'consumer:closed':
        this.consumers.get(recorded.payload.consumerId)?.consumer.close();
        break;
      default:
        break;
    }
    for (const listener of [...this.#listeners]) listener(recorded);
  }

  /**
   * The room moved to another media worker: the old transports are dead, so
   * everything is made again on the new router, the same tracks produced
   * again, and the others' producers consumed as they announce them.
   */
  async #rebuild(peers: readonly PeerSummary[]): Promise<void> {
    this.#sendTransport?.close();
    this.#recvTransport?.close();
    this.consumers.clear();
    this.producers.clear();
    try {
      await this.#createTransports();
      for (const peer of peers) this.#consumeAll(peer);
      for (const sending of this.#sending) await this.#produce(sending);
      this.rebuilds += 1;
    } catch (error) {
      this.errors.push(new Error(`rebuilding after room:rebuilt: ${String(error)}`));
    }
  }

  /** Resolves when the bot has made its media again after the latest `room:rebuilt`. */
  rebuilt(): Promise<void> {
    return this.#rebuilding;
  }

  #consumeAll(peer: PeerSummary): void {
    for (const producer of peer.producers) this.#enqueueConsume(peer.peerId, producer.producerId);
  }

  #enqueueConsume(peerId: string, producerId: string): void {
    // A producer announced while the room is being rebuilt is consumed on the new receive transport.
    this.#consuming = this.#consuming.then(async () =>
      this.#rebuilding.then(() => this.#consume(producerId)).catch((error: unknown) => {
        this.errors.push(new Error(`consuming ${producerId} of ${peerId}: ${String(error)}`));
      }),
    );
  }

  async #consume(producerId: string): Promise<void> {
    const transport = this.#recvTransport;
    if (transport === undefined) throw new Error('no receive transport');
    const options = await call(this.socket, 'consumer:create', { transportId: transport.id, producerId });
    const consumer = await transport.consume({
      id: options.consumerId,
      producerId: options.producerId,
      kind: options.kind,
      rtpParameters: options.rtpParameters as types.RtpParameters,
    });
    this.consumers.set(consumer.id, { consumer, peerId: options.peerId, kind: options.kind, type: options.type });
    await call(this.socket, 'consumer:resume', { consumerId: consumer.id });
  }

  async #createTransports(): Promise<void> {
    const send = await call(this.socket, 'transport:create', { direction: 'send' });
    this.#sendTransport = this.device.createSendTransport({
      id: send.id,
      iceParameters: send.iceParameters as types.IceParameters,
      iceCandidates: send.iceCandidates as types.IceCandidate[],
      dtlsParameters: send.dtlsParameters as types.DtlsParameters,
    });
    this.#sendTransport.on('connect', ({ dtlsParameters }, callback, errback) => {
      call(this.socket, 'transport:connect', { transportId: send.id, dtlsParameters }).then(() => callback(), errback);
    });
    this.#sendTransport.on('produce', ({ kind, rtpParameters, appData }, callback, errback) => {
      const source = appData.source === 'mic' ? 'mic' : 'camera';
      call(this.socket, 'producer:create', { transportId: send.id, kind, source, rtpParameters: rtpParameters as never }).then(
        ({ producerId }) => callback({ id: producerId }),
        errback,
      );
    });

    const recv = await call(this.socket, 'transport:create', { direction: 'recv' });
    this.#recvTransport = this.device.createRecvTransport({
      id: recv.id,
      iceParameters: recv.iceParameters as types.IceParameters,
      iceCandidates: recv.iceCandidates as types.IceCandidate[],
      dtlsParameters: recv.dtlsParameters as types.DtlsParameters,
    });
    this.#recvTransport.on('connect', ({ dtlsParameters }, callback, errback) => {
      call(this.socket, 'transport:connect', { transportId: recv.id, dtlsParameters }).then(() => callback(), errback);
    });
    this.#watchIce(this.#sendTransport);
    this.#watchIce(this.#recvTransport);
  }

  /**
   * As the browser client does (client/src/room/MediaSession.ts): a transport
   * that stays disconnected has its ICE restarted on the same transport, and
   * again while it stays down.
   */
  #watchIce(transport: types.Transport): void {
    let timer: NodeJS.Timeout | undefined;
    const restartLater = (delayMs: number) => {
      if (timer !== undefined) return;
      timer = setTimeout(() => {
        timer = undefined;
        if (transport.closed || (transport.connectionState !== 'disconnected' && transport.connectionState !== 'failed')) return;
        void this.#restartIce(transport).then(() => restartLater(ICE_RESTART_AGAIN_MS));
      }, delayMs);
    };
    transport.on('connectionstatechange', (state) => {
      if (state === 'disconnected' || state === 'failed') restartLater(state === 'failed' ? 0 : ICE_RESTART_AFTER_MS);
    });
    transport.observer.on('close', () => clearTimeout(timer));
  }

  /** As the browser client does: received media stopping while others send means the network is gone; restart ICE on both transports. */
  async #checkStall(): Promise<void> {
    const now = Date.now();
    const receiving = [...this.consumers.values()].some((remote) => !remote.consumer.closed);
    if (!receiving || this.#restartingForStall || this.#recvTransport === undefined) {
      this.#inbound = { bytes: -1, at: now };
      return;
    }
    let bytes = 0;
    for (const counters of (await this.inbound()).values()) bytes += (counters.audio?.bytes ?? 0) + (counters.video?.bytes ?? 0);
    if (bytes !== this.#inbound.bytes) {
      this.#inbound = { bytes, at: now };
      return;
    }
    if (now - this.#inbound.at < MEDIA_STALL_MS) return;
    this.#restartingForStall = true;
    try {
      await Promise.all([this.#recvTransport, this.#sendTransport].map((own) => (own && !own.closed ? this.#restartIce(own) : undefined)));
    } finally {
      this.#restartingForStall = false;
      this.#inbound = { bytes, at: Date.now() };
    }
  }

  async #restartIce(transport: types.Transport): Promise<void> {
    try {
      const { iceParameters } = await call(this.socket, 'transport:restartIce', { transportId: transport.id });
      if (transport.closed) return;
      await transport.restartIce({ iceParameters: iceParameters as types.IceParameters });
      this.iceRestarts += 1;
    } catch (error) {
      this.errors.push(new Error(`ICE restart of ${transport.id}: ${String(error)}`));
    }
  }

  async #produceAudio(frequencyHz: number): Promise<void> {
    const source = voiceSource(frequencyHz);
    this.#sources.push(source);
    await this.#produce({ kind: 'audio', track: source.track, source: 'mic' });
  }

  async #produceVideo(video: VideoOptions): Promise<void> {
    const source = patternSource(video.width, video.height, video.fps);
    this.#sources.push(source);
    const encodings = video.simulcast ? SIMULCAST_ENCODINGS : [{ maxBitrate: 500_000 }];
    await this.#produce({ kind: 'video', track: source.track, encodings, source: 'camera' });
  }

  async #produce(sending: Sending): Promise<void> {
    if (!this.#sending.includes(sending)) this.#sending.push(sending);
    const producer = await this.#sendTransport!.produce({
      track: sending.track,
      ...(sending.encodings === undefined ? {} : { encodings: sending.encodings }),
      stopTracks: false,
      appData: { source: sending.source },
    });
    this.producers.set(sending.kind, producer);
  }
}
