import type { MediaSource, RequestOf, ResponseOf } from '@samplan/shared';
import { Device } from 'mediasoup-client';
import { ClientError, uiErrorCodeOf } from '../uiError.ts';
import { markJoinStep } from './joinMarks.ts';
import { captureCameraAndMic, captureScreen, type CapturedMedia } from './localMedia.ts';
import { MediaSession } from './MediaSession.ts';
import { initialRoomState, reduceRoom, type RoomAction, type RoomState } from './roomState.ts';
import { onNotification, openSocket, requester, type Request, type SamplanSocket } from '../socket/samplanSocket.ts';
import { rejoinDelay } from './rejoinPolicy.ts';
import { stageOf, type Stage } from './stage.ts';
import { Store } from './store.ts';
import { rtpCapabilitiesFromWire, rtpCapabilitiesToWire } from './wireTypes.ts';

export type RoomClientOptions = {
  /** The token that admits this person to this room; asked for once per join. */
  getToken(displayName: string): Promise<string>;
  openSocket?: () => SamplanSocket;
  captureCameraAndMic?: () => Promise<CapturedMedia>;
  captureScreen?: () => Promise<MediaStreamTrack>;
  createDevice?: () => Promise<Device>;
};

/** Totals over a peer's consumers; the width is that of their camera picture as received (it shows the simulcast layer). */
export type PeerMediaStats = { peerId: string; displayName: string; framesDecoded: number; totalAudioEnergy: number; cameraWidth: number };

type Resume = NonNullable<RequestOf<'room:join'>['resume']>;
type Joined = ResponseOf<'room:join'>;

/**
 * One person's presence in one room: signalling, media and the state the UI
 * shows. No React here; views read `getSnapshot` and call the methods.
 */
export class RoomClient {
  private readonly store = new Store<RoomState>(initialRoomState());
  private readonly options: Required<RoomClientOptions>;
  private socket: SamplanSocket | null = null;
  private request: Request | null = null;
  private token: string | null = null;
  private device: Device | null = null;
  private session: MediaSession | null = null;
  private resume: Resume | null = null;
  private mic: MediaStreamTrack | null = null;
  private stage: Stage | null = null;
  /** Notifications wait here while a join is answered, so none is applied to a room this client is not in yet. */
  private held: (() => void)[] | null = null;
  private joinAttempts = 0;
  private rejoining = false;
  private rejoinAgain = false;
  /** performance.now() when the last join started; benchmarks measure from here. */
  joinStartedAt: number | null = null;

  constructor(options: RoomClientOptions) {
    this.options = {
      openSocket,
      captureCameraAndMic: () => captureCameraAndMic(),
      captureScreen: () => captureScreen(),
      createDevice: () => Device.factory(),
      ...options,
    };
  }

  readonly subscribe = (listener: () => void): (() => void) => this.store.subscribe(listener);
  readonly getSnapshot = (): RoomState => this.store.get();

  private dispatch(action: RoomAction): void {
    this.store.update((state) => reduceRoom(state, action));
    const stage = stageOf(this.store.get());
    if (stage?.peerId !== this.stage?.peerId || stage?.source !== this.stage?.source) {
      this.stage = stage;
      void this.session?.applyStage(stage);
    }
  }

  async join(displayName: string): Promise<void> {
    const { phase } = this.store.get();
    if (phase !== 'idle' && phase !== 'ended') return;
    this.joinStartedAt = performance.now();
    markJoinStep('start');
    this.store.update(() => ({ ...initialRoomState(displayName), phase: 'joining' }));
    const attempt = ++this.joinAttempts;
    // The camera warms up while signalling runs; remote pictures do not wait for it.
    const media = this.options.captureCameraAndMic().then((captured) => {
      // Someone who left before the camera came on must not be left with it on.
      if (attempt !== this.joinAttempts || this.store.get().phase === 'ended') {
        this.stopLocalTracks(captured);
        return null;
      }
      this.mic = captured.mic;
      this.dispatch({ type: 'self', patch: { camera: captured.camera } });
      if (captured.error) this.dispatch({ type: 'error', code: captured.error });
      return captured;
    });
    try {
      const [token] = await Promise.all([
        this.options.getToken(displayName).finally(() => markJoinStep('token')),
        this.connect().finally(() => markJoinStep('connected')),
      ]);
      this.token = token;
      await this.enter();
      this.dispatch({ type: 'phase', phase: 'in-room' });
      await media;
      await this.produceLocal();
      markJoinStep('sending');
    } catch (error) {
      this.shutDown();
      this.stopLocalTracks(await media);
      this.mic = null;
      // Leaving while the join was under way is not a failure to report.
      if (this.store.get().phase === 'ended') return;
      this.store.update((state) => ({ ...state, phase: 'idle', error: uiErrorCodeOf(error), self: { ...state.self, camera: null } }));
    }
  }

  private connect(): Promise<void> {
    const socket = this.options.openSocket();
    this.socket = socket;
    this.request = requester(socket as unknown as Parameters<typeof requester>[0]);
    this.listen(socket);
    return new Promise((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', (error) => reject(new ClientError('NETWORK', error.message)));
    });
  }

  private listen(socket: SamplanSocket): void {
    socket.on('connect', () => {
      this.dispatch({ type: 'signalling', up: true });
      const { phase } = this.store.get();
      // A recovered Socket.IO session missed nothing and is still in the room.
      if ((phase === 'in-room' || phase === 'rejoining') && !socket.recovered) void this.rejoin();
    });
    socket.on('disconnect', (reason) => {
      this.dispatch({ type: 'signalling', up: false });
      // Socket.IO retries dropped connections by itself, but not one the server closed.
      if (reason === 'io server disconnect' && this.store.get().phase !== 'ended') socket.connect();
    });
    const source = socket as unknown as Parameters<typeof onNotification>[0];
    const relay = <K extends 'peer:joined' | 'peer:connection' | 'producer:paused' | 'producer:resumed' | 'speaker:active'>(name: K) =>
      onNotification(source, name, (payload) => this.whenInRoom(() => this.dispatch({ type: name, payload } as RoomAction)));
    relay('peer:joined');
    relay('peer:connection');
    relay('producer:paused');
    relay('producer:resumed');
    relay('speaker:active');
    onNotification(source, 'peer:left', (payload) =>
      this.whenInRoom(() => {
        this.session?.closeConsumersOf({ peerId: payload.peerId });
        this.dispatch({ type: 'peer:left', payload });
      }),
    );
    onNotification(source, 'producer:new', (payload) =>
      this.whenInRoom(() => {
        this.dispatch({ type: 'producer:new', payload });
        void this.session?.consume(payload.peerId, payload.producer);
      }),
    );
    onNotification(source, 'producer:closed', (payload) =>
      this.whenInRoom(() => {
        this.session?.closeConsumersOf({ producerId: payload.producerId });
        this.dispatch({ type: 'producer:closed', payload });
      }),
    );
    onNotification(source, 'consumer:closed', ({ consumerId }) => this.whenInRoom(() => this.session?.closeConsumer(consumerId)));
    // The server is shutting down: a new connection reaches another node (or this one again once it has restarted).
    onNotification(source, 'room:draining', () => this.whenInRoom(() => this.moveConnection()));
    onNotification(source, 'room:rebuilt', ({ peers }) => this.whenInRoom(() => void this.rebuildMedia(peers)));
    onNotification(source, 'room:closed', ({ rejoin, reason }) =>
      this.whenInRoom(() => {
        if (rejoin) void this.rejoin();
        else this.end(reason === 'removed' ? 'REMOVED' : reason === 'lobby' ? 'BACK_IN_LOBBY' : 'ROOM_CLOSED');
      }),
    );
  }

  private whenInRoom(apply: () => void): void {
    if (this.held) this.held.push(apply);
    else if (this.store.get().phase !== 'ended') apply();
  }

  /**
   * Joins (or takes the old place back with `resume`) and builds a fresh media
   * session. Every router has the same capabilities, so the device loaded for
   * the first join serves every rejoin too.
   */
  private async enter(): Promise<void> {
    const request = this.requireRequest();
    this.held = [];
    try {
      if (!this.device) {
        const [{ routerRtpCapabilities }, device] = await Promise.all([
          request('room:capabilities', { token: this.requireToken() }),
          this.options.createDevice(),
        ]);
        await device.load({ routerRtpCapabilities: rtpCapabilitiesFromWire(routerRtpCapabilities) });
        this.device = device;
        markJoinStep('device');
      }
      const { self } = this.store.get();
      const joined = await request('room:join', {
        token: this.requireToken(),
        displayName: self.displayName,
        rtpCapabilities: rtpCapabilitiesToWire(this.device.rtpCapabilities),
        ...(this.resume ? { resume: this.resume } : {}),
      });
      this.resume = { peerId: joined.peerId, resumeKey: joined.resumeKey };
      markJoinStep('joined');
      this.dispatch({ type: 'joined', peerId: joined.peerId, role: joined.role, peers: joined.peers });
      try {
        await this.startSession(this.device, joined.peers);
      } catch (error) {
        // Half a place is no place: give it up, so the next attempt is not refused as ALREADY_JOINED.
        await request('room:leave', {}).catch(() => undefined);
        throw error;
      }
    } catch (error) {
      this.held = null;
      throw error;
    }
  }

  private async startSession(device: Device, peers: Joined['peers']): Promise<void> {
    const session = new MediaSession(device, this.requireRequest(), {
      onTrack: (peerId, producerId, track) => this.dispatch({ type: 'track:added', peerId, producerId, track }),
      onTrackGone: (producerId) => this.dispatch({ type: 'track:removed', producerId }),
      onMediaUp: (up) => this.dispatch({ type: 'media', up }),
      onLocalTrackEnded: (source) => void this.localTrackEnded(source),
      stage: () => this.stage,
      expectsMedia: () => this.store.get().peers.some((peer) => peer.producers.some((producer) => !producer.paused)),
    });
    this.session = session;
    this.dispatch({ type: 'media', up: true });
    // Seeing the others comes before sending: the server answers a socket's requests one at a time, so the
    // send transport and the camera's produce (slow while its encoders start) would hold up the consumers.
    await session.openReceiving();
    markJoinStep('recv-transport');
    this.releaseHeld();
    await session.consumeAll(peers);
    markJoinStep('receiving');
    await session.openSending();
  }

  private releaseHeld(): void {
    const held = this.held ?? [];
    this.held = null;
    for (const apply of held) apply();
  }

  /** A camera or microphone the server refuses leaves the person in the call, told why. */
  private async produceLocal(): Promise<void> {
    const session = this.session;
    if (!session) return;
    const { self } = this.store.get();
    // Muting while the producer is being created must still count: the wish is read again once it exists.
    const produce = async (source: MediaSource, track: MediaStreamTrack, paused: () => boolean) => {
      await session.produce(source, track, paused());
      await session.setPaused(source, paused());
    };
    const produced: Promise<void>[] = [];
    if (this.mic) produced.push(produce('mic', this.mic, () => this.store.get().self.micMuted));
    if (self.camera) produced.push(produce('camera', self.camera, () => this.store.get().self.cameraOff));
    if (self.screen) produced.push(produce('screen', self.screen, () => false));
    const failure = (await Promise.allSettled(produced)).find((result) => result.status === 'rejected');
    if (failure) this.dispatch({ type: 'error', code: uiErrorCodeOf(failure.reason) });
  }

  /**
   * The server moved the room to another media worker (its own died): the
   * place in the call is the same, only the media is new. Transports,
   * producers and consumers are made again; the local tracks carry on. If
   * that fails, a rejoin starts over.
   */
  private async rebuildMedia(peers: Joined['peers']): Promise<void> {
    const { device } = this;
    const { phase, self } = this.store.get();
    // A rejoin under way builds a fresh session anyway.
    if (!device || this.rejoining || phase !== 'in-room' || self.peerId === null || self.role === null) return;
    this.session?.close();
    this.session = null;
    this.held = [];
    this.dispatch({ type: 'joined', peerId: self.peerId, role: self.role, peers });
    try {
      await this.startSession(device, peers);
      await this.produceLocal();
    } catch {
      this.held = null;
      void this.rejoin();
    }
  }

  /**
   * Takes the place back after the socket dropped or the room closed under
   * this client. The server closes the old place's media either way, so the
   * media session is always rebuilt; the local tracks carry on.
   */
  private async rejoin(): Promise<void> {
    if (this.rejoining) {
      this.rejoinAgain = true;
      return;
    }
    this.rejoining = true;
    this.dispatch({ type: 'phase', phase: 'rejoining' });
    try {
      await this.rejoinUntilBack();
    } finally {
      this.rejoining = false;
      const again = this.rejoinAgain;
      this.rejoinAgain = false;
      if (again && this.store.get().phase !== 'ended') void this.rejoin();
    }
  }

  private async rejoinUntilBack(): Promise<void> {
    for (let attempt = 0; this.store.get().phase !== 'ended'; attempt++) {
      try {
        this.session?.close();
        this.session = null;
        await this.enter();
        this.dispatch({ type: 'phase', phase: 'in-room' });
        await this.produceLocal();
        return;
      } catch (error) {
        const code = uiErrorCodeOf(error);
        // A lost socket rejoins on its next 'connect'.
        if (code === 'NETWORK') return;
        const delay = rejoinDelay(attempt, code);
        if (delay === null) {
          this.end(code);
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, delay));
        // A draining server refuses every join on this connection; only a new one can reach another node.
        if (code === 'DRAINING') {
          this.moveConnection();
          return;
        }
      }
    }
  }

  /**
   * Leaves this connection's place and connects again; the 'connect' handler
   * then rejoins. Leaving by disconnecting ends the old place at once on the
   * server, so a draining node empties as its participants move.
   */
  private moveConnection(): void {
    const socket = this.socket;
    if (!socket || this.store.get().phase === 'ended') return;
    this.dispatch({ type: 'phase', phase: 'rejoining' });
    socket.disconnect();
    socket.connect();
  }

  async setMicMuted(muted: boolean): Promise<void> {
    this.dispatch({ type: 'self', patch: { micMuted: muted } });
    await this.guard(() => this.session?.setPaused('mic', muted));
  }

  async setCameraOff(off: boolean): Promise<void> {
    this.dispatch({ type: 'self', patch: { cameraOff: off } });
    await this.guard(() => this.session?.setPaused('camera', off));
  }

  async startScreenShare(): Promise<void> {
    if (this.store.get().self.screen) return;
    await this.guard(async () => {
      const track = await this.options.captureScreen();
      this.dispatch({ type: 'self', patch: { screen: track } });
      await this.session?.produce('screen', track, false);
    });
  }

  async stopScreenShare(): Promise<void> {
    const { screen } = this.store.get().self;
    if (!screen) return;
    screen.stop();
    this.dispatch({ type: 'self', patch: { screen: null } });
    await this.guard(() => this.session?.closeProducer('screen'));
  }

  private async localTrackEnded(source: MediaSource): Promise<void> {
    if (source === 'screen') await this.stopScreenShare();
  }

  /** A failed control leaves the call running and tells the person why. */
  private async guard(action: () => Promise<void> | undefined): Promise<void> {
    try {
      await action();
    } catch (error) {
      this.dispatch({ type: 'error', code: uiErrorCodeOf(error) });
    }
  }

  dismissError(): void {
    this.dispatch({ type: 'error', code: null });
  }

  async leave(): Promise<void> {
    const { phase } = this.store.get();
    if (phase === 'idle' || phase === 'ended') return;
    await this.request?.('room:leave', {}).catch(() => undefined);
    this.end(null);
  }

  private end(error: RoomState['error']): void {
    this.shutDown();
    const { self } = this.store.get();
    this.stopLocalTracks({ mic: this.mic, camera: self.camera, error: null });
    self.screen?.stop();
    this.mic = null;
    this.store.update((state) => ({
      ...state,
      phase: 'ended',
      error,
      peers: [],
      activeSpeakerId: null,
      lastSpeakerId: null,
      self: { ...state.self, camera: null, screen: null },
    }));
  }

  private shutDown(): void {
    this.session?.close();
    this.session = null;
    this.socket?.removeAllListeners();
    this.socket?.disconnect();
    this.socket = null;
    this.request = null;
    this.held = null;
    this.resume = null;
    this.device = null;
  }

  private stopLocalTracks(media: CapturedMedia | null): void {
    media?.mic?.stop();
    media?.camera?.stop();
  }

  /** Per remote peer, what has arrived so far: decoded video frames, received audio energy, picture width. */
  async stats(): Promise<PeerMediaStats[]> {
    const consumers = (await this.session?.stats()) ?? [];
    return this.store.get().peers.map((peer) => {
      const own = consumers.filter((consumer) => consumer.peerId === peer.peerId);
      return {
        peerId: peer.peerId,
        displayName: peer.displayName,
        framesDecoded: own.reduce((sum, consumer) => sum + consumer.framesDecoded, 0),
        totalAudioEnergy: own.reduce((sum, consumer) => sum + consumer.totalAudioEnergy, 0),
        cameraWidth: own.find((consumer) => consumer.source === 'camera')?.frameWidth ?? 0,
      };
    });
  }

  private requireRequest(): Request {
    if (!this.request) throw new ClientError('NETWORK', 'not connected');
    return this.request;
  }

  private requireToken(): string {
    if (!this.token) throw new ClientError('NETWORK', 'no token');
    return this.token;
  }
}
