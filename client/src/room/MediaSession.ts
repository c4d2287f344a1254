import type { ConsumerOptions, MediaSource, PeerSummary, ProducerSummary } from '@samplan/shared';
import type { Device, types } from 'mediasoup-client';
import { inboundMedia, type InboundMedia } from './inboundStats.ts';
import { CAMERA_CODEC_OPTIONS, CAMERA_ENCODINGS, MIC_CODEC_OPTIONS, SCREEN_ENCODINGS } from './mediaSettings.ts';
import type { Request } from '../socket/samplanSocket.ts';
import { preferredSpatialLayer, type Stage } from './stage.ts';
import { rtpParametersFromWire, rtpParametersToWire, transportOptionsFromWire } from './wireTypes.ts';

export type MediaSessionEvents = {
  onTrack(peerId: string, producerId: string, track: MediaStreamTrack): void;
  onTrackGone(producerId: string): void;
  /** False while a transport has lost its connection to the server. */
  onMediaUp(up: boolean): void;
  /** The browser ended a local track (the "stop sharing" bar, an unplugged camera). */
  onLocalTrackEnded(source: MediaSource): void;
  /** Who is on the big tile right now, to pick simulcast layers. */
  stage(): Stage | null;
  /** Whether someone else is sending something unpaused, so that silence on the receive transport means a broken network. */
  expectsMedia(): boolean;
};

type ConsumerData = { peerId: string; source: MediaSource; type: ConsumerOptions['type'] };
type ProducerData = { source: MediaSource; paused: boolean };

/** A brief blip recovers by itself; past this a network change is likely and ICE is restarted. */
const ICE_RESTART_AFTER_MS = 1500;
/**
 * Nothing received for this long while others send: the network is gone.
 * The browser itself calls a transport disconnected only after several
 * seconds more, and a drop of a few seconds may never reach that.
 */
const MEDIA_STALL_MS = 1500;
const STALL_CHECK_MS = 500;
/** While the transport stays down, ICE is restarted again this often (each restart gathers candidates afresh). */
const ICE_RESTART_AGAIN_MS = 3000;

export type ConsumerStats = { peerId: string; source: MediaSource } & InboundMedia;

const PRODUCE_SETTINGS: Record<MediaSource, Pick<types.ProducerOptions, 'encodings' | 'codecOptions'>> = {
  mic: { codecOptions: MIC_CODEC_OPTIONS },
  camera: { encodings: CAMERA_ENCODINGS, codecOptions: CAMERA_CODEC_OPTIONS },
  screen: { encodings: SCREEN_ENCODINGS },
};

/**
 * The mediasoup side of one place in a room: a send and a receive transport
 * and what flows through them. Every rejoin builds a new one, as the server
 * closes the old place's media even when it gives the same place back. Local
 * tracks belong to RoomClient and outlive sessions, so producers never stop
 * them.
 */
export class MediaSession {
  private sendTransport: types.Transport | null = null;
  private recvTransport: types.Transport | null = null;
  private readonly transportStates = new Map<string, types.ConnectionState>();
  private readonly iceRestartTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private stallWatch: ReturnType<typeof setInterval> | null = null;
  /** The receive transport's inbound RTP bytes when last seen to grow, and when. */
  private inbound = { bytes: -1, at: 0 };
  private restartingForStall = false;
  private readonly producers = new Map<MediaSource, types.Producer<ProducerData>>();
  /** Sources being produced, so two quick calls for one source do not both reach the server. */
  private readonly producing = new Set<MediaSource>();
  private readonly consumers = new Map<string, types.Consumer<ConsumerData>>();
  /** Producers being consumed or consumed, so a producer announced twice is consumed once. */
  private readonly consumedProducers = new Set<string>();
  private readonly requestedLayers = new Map<string, number>();
  /** consumer:closed can overtake the consumer it closes while that is still being set up here. */
  private readonly closedEarly = new Set<string>();
  private closed = false;

  constructor(
    private readonly device: Device,
    private readonly request: Request,
    private readonly events: MediaSessionEvents,
  ) {}

  async openReceiving(): Promise<void> {
    const options = await this.request('transport:create', { direction: 'recv' });
    if (this.closed) return;
    this.recvTransport = this.device.createRecvTransport(transportOptionsFromWire(options));
    this.wireTransport(this.recvTransport);
    this.stallWatch = setInterval(() => void this.checkStall(), STALL_CHECK_MS);
  }

  /**
   * Restarts ICE on both transports (same transports, so producers and
   * consumers stay) when received media stops while others send: a dropped
   * network, noticed long before the browser would call it disconnected.
   */
  private async checkStall(): Promise<void> {
    const transport = this.recvTransport;
    const now = Date.now();
    if (!transport || this.closed || this.restartingForStall || this.consumers.size === 0 || !this.events.expectsMedia()) {
      this.inbound = { bytes: -1, at: now };
      return;
    }
    let bytes = 0;
    (await transport.getStats()).forEach((entry: { type?: string; bytesReceived?: number }) => {
      if (entry.type === 'inbound-rtp') bytes += entry.bytesReceived ?? 0;
    });
    if (bytes !== this.inbound.bytes) {
      this.inbound = { bytes, at: now };
      return;
    }
    if (now - this.inbound.at < MEDIA_STALL_MS) return;
    this.restartingForStall = true;
    try {
      await Promise.all([transport, this.sendTransport].map((own) => (own && !own.closed ? this.restartIce(own) : undefined)));
    } finally {
      this.restartingForStall = false;
      this.inbound = { bytes, at: Date.now() };
    }
  }

  async openSending(): Promise<void> {
    const options = await this.request('transport:create', { direction: 'send' });
    if (this.closed) return;
    this.sendTransport = this.device.createSendTransport(transportOptionsFromWire(options));
    this.wireTransport(this.sendTransport);
    this.sendTransport.on('produce', ({ kind, rtpParameters, appData }, callback, errback) => {
      const { source, paused } = appData as ProducerData;
      this.request('producer:create', { transportId: options.id, kind, source, rtpParameters: rtpParametersToWire(rtpParameters), paused })
        .then(({ producerId }) => callback({ id: producerId }), errback);
    });
  }

  private wireTransport(transport: types.Transport): void {
    transport.on('connect', ({ dtlsParameters }, callback, errback) => {
      this.request('transport:connect', { transportId: transport.id, dtlsParameters }).then(() => callback(), errback);
    });
    transport.on('connectionstatechange', (state) => {
      this.transportStates.set(transport.id, state);
      this.events.onMediaUp(![...this.transportStates.values()].some((known) => known === 'disconnected' || known === 'failed'));
      if (state === 'failed') void this.restartIce(transport);
      else if (state === 'disconnected') this.scheduleIceRestart(transport, ICE_RESTART_AFTER_MS);
    });
  }

  /**
   * A transport that stays disconnected (the network dropped) gets its ICE
   * restarted rather than waiting for the browser to call it failed, which
   * takes far longer: new candidates on the same transport, so producers and
   * consumers stay. Tried again while it stays down.
   */
  private scheduleIceRestart(transport: types.Transport, delayMs: number): void {
    if (this.iceRestartTimers.has(transport.id)) return;
    const timer = setTimeout(() => {
      this.iceRestartTimers.delete(transport.id);
      const state = this.transportStates.get(transport.id);
      if (this.closed || transport.closed || (state !== 'disconnected' && state !== 'failed')) return;
      void this.restartIce(transport).then(() => this.scheduleIceRestart(transport, ICE_RESTART_AGAIN_MS));
    }, delayMs);
    this.iceRestartTimers.set(transport.id, timer);
  }

  private async restartIce(transport: types.Transport): Promise<void> {
    try {
      const { iceParameters } = await this.request('transport:restartIce', { transportId: transport.id });
      if (!transport.closed) await transport.restartIce({ iceParameters });
    } catch (error) {
      // The next rejoin rebuilds the transports if the server cannot restart this one.
      console.warn('samplan: ICE restart failed', error);
    }
  }

  /** Starts receiving one remote producer; repeated calls for the same producer do nothing. */
  async consume(peerId: string, producer: ProducerSummary): Promise<void> {
    await this.consumeMany([{ peerId, producer }]);
  }

  /** Everything the others send, e.g. right after joining. */
  async consumeAll(peers: readonly PeerSummary[]): Promise<void> {
    await this.consumeMany(peers.flatMap((peer) => peer.producers.map((producer) => ({ peerId: peer.peerId, producer }))));
  }

  /**
   * The server is asked for all consumers first and the browser then sets
   * them up in one go: mediasoup-client folds consume() calls made together
   * into one SDP renegotiation, where one at a time would cost one each.
   */
  private async consumeMany(wanted: readonly { peerId: string; producer: ProducerSummary }[]): Promise<void> {
    const transport = this.recvTransport;
    if (!transport) return;
    const fresh = wanted.filter(({ producer }) => !this.consumedProducers.has(producer.producerId));
    for (const { producer } of fresh) this.consumedProducers.add(producer.producerId);
    const created = await Promise.allSettled(
      fresh.map(({ producer }) => this.request('consumer:create', { transportId: transport.id, producerId: producer.producerId })),
    );
    if (this.closed) return;
    await Promise.all(
      created.map((result, index) => {
        const { peerId, producer } = fresh[index]!;
        const started = result.status === 'fulfilled' ? this.startConsumer(transport, peerId, result.value) : Promise.reject(result.reason);
        return started.catch((error: unknown) => {
          this.consumedProducers.delete(producer.producerId);
          // A producer that closed while being consumed is normal in a busy room; its producer:closed follows.
          console.warn(`samplan: could not receive producer ${producer.producerId}`, error);
        });
      }),
    );
  }

  private async startConsumer(transport: types.Transport, peerId: string, options: ConsumerOptions): Promise<void> {
    const consumer = await transport.consume<ConsumerData>({
      id: options.consumerId,
      producerId: options.producerId,
      kind: options.kind,
      rtpParameters: rtpParametersFromWire(options.rtpParameters),
      streamId: `${options.peerId}-${options.source}`,
      appData: { peerId: options.peerId, source: options.source, type: options.type },
    });
    this.consumers.set(consumer.id, consumer);
    consumer.on('transportclose', () => this.forgetConsumer(consumer));
    if (this.closedEarly.delete(consumer.id)) {
      this.closeConsumer(consumer.id);
      return;
    }
    this.events.onTrack(peerId, options.producerId, consumer.track);
    // Sent back to back, not one after the other's answer: the server handles them in order, so the layer is
    // chosen before the first frame and a small tile never starts big.
    await Promise.all([this.preferLayer(consumer, this.events.stage()), this.request('consumer:resume', { consumerId: consumer.id })]);
  }

  private async preferLayer(consumer: types.Consumer<ConsumerData>, stage: Stage | null): Promise<void> {
    const { type, peerId, source } = consumer.appData;
    if (type !== 'simulcast' && type !== 'svc') return;
    const spatialLayer = preferredSpatialLayer(peerId, source, stage);
    if (this.requestedLayers.get(consumer.id) === spatialLayer) return;
    this.requestedLayers.set(consumer.id, spatialLayer);
    await this.request('consumer:setPreferredLayers', { consumerId: consumer.id, spatialLayer });
  }

  /** The big tile changed: the new one asks for the full picture, the others for the smallest. */
  async applyStage(stage: Stage | null): Promise<void> {
    await Promise.all([...this.consumers.values()].map((consumer) => this.preferLayer(consumer, stage).catch((error) => console.warn('samplan: layer request failed', error))));
  }

  closeConsumer(consumerId: string): void {
    const consumer = this.consumers.get(consumerId);
    if (!consumer) {
      this.closedEarly.add(consumerId);
      return;
    }
    consumer.close();
    this.forgetConsumer(consumer);
  }

  closeConsumersOf(match: { peerId?: string; producerId?: string }): void {
    for (const consumer of [...this.consumers.values()]) {
      if (consumer.appData.peerId === match.peerId || consumer.producerId === match.producerId) this.closeConsumer(consumer.id);
    }
  }

  private forgetConsumer(consumer: types.Consumer<ConsumerData>): void {
    this.consumers.delete(consumer.id);
    this.consumedProducers.delete(consumer.producerId);
    this.requestedLayers.delete(consumer.id);
    this.events.onTrackGone(consumer.producerId);
  }

  async produce(source: MediaSource, track: MediaStreamTrack, paused: boolean): Promise<void> {
    const transport = this.sendTransport;
    if (!transport || this.producers.has(source) || this.producing.has(source)) return;
    this.producing.add(source);
    let producer: types.Producer<ProducerData>;
    try {
      producer = await transport.produce<ProducerData>({
        track,
        ...PRODUCE_SETTINGS[source],
        stopTracks: false,
        appData: { source, paused },
      });
    } finally {
      this.producing.delete(source);
    }
    if (paused) producer.pause();
    this.producers.set(source, producer);
    producer.on('trackended', () => this.events.onLocalTrackEnded(source));
    producer.on('transportclose', () => this.producers.delete(source));
  }

  /** Pauses locally first, so nothing more is sent even before the server has heard. */
  async setPaused(source: MediaSource, paused: boolean): Promise<void> {
    const producer = this.producers.get(source);
    if (!producer || producer.paused === paused) return;
    if (paused) producer.pause();
    try {
      await this.request(paused ? 'producer:pause' : 'producer:resume', { producerId: producer.id });
    } catch (error) {
      if (paused) producer.resume();
      throw error;
    }
    if (!paused) producer.resume();
  }

  async closeProducer(source: MediaSource): Promise<void> {
    const producer = this.producers.get(source);
    if (!producer) return;
    producer.close();
    this.producers.delete(source);
    await this.request('producer:close', { producerId: producer.id });
  }

  async stats(): Promise<ConsumerStats[]> {
    return Promise.all(
      [...this.consumers.values()].map(async (consumer) => ({
        peerId: consumer.appData.peerId,
        source: consumer.appData.source,
        ...inboundMedia(await consumer.getStats()),
      })),
    );
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const timer of this.iceRestartTimers.values()) clearTimeout(timer);
    if (this.stallWatch !== null) clearInterval(this.stallWatch);
    this.iceRestartTimers.clear();
    for (const consumer of [...this.consumers.values()]) this.closeConsumer(consumer.id);
    this.sendTransport?.close();
    this.recvTransport?.close();
    this.producers.clear();
  }
}
