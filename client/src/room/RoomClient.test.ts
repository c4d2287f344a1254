import type { ErrorCode, PeerSummary, RequestName } from '@samplan/shared';
import { Device, FakeHandler, testFakeParameters } from 'mediasoup-client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RoomClient } from './RoomClient.ts';
import type { SamplanSocket } from '../socket/samplanSocket.ts';

/*
 * RoomClient against a scripted server: mediasoup-client's FakeHandler stands
 * in for the browser's WebRTC, a fake socket for Socket.IO. The browser tests
 * run the real thing; these pin down ordering and recovery rules that a real
 * run rarely hits on cue.
 */

type Answer = { ok: true; data: unknown } | { ok: false; error: { code: ErrorCode; message: string } };
type Script = (payload: Record<string, unknown>) => Answer | Promise<Answer>;

const ok = (data: unknown = {}): Answer => ({ ok: true, data });
const refuse = (code: ErrorCode): Answer => ({ ok: false, error: { code, message: code } });

const inge: PeerSummary = {
  peerId: 'inge',
  displayName: 'Inge',
  role: 'patient',
  connection: 'connected',
  producers: [{ producerId: 'inge-cam', kind: 'video', source: 'camera', paused: false }],
};

function transportOptions() {
  const { id, iceParameters, iceCandidates, dtlsParameters } = testFakeParameters.generateTransportRemoteParameters();
  return { id, iceParameters, iceCandidates: iceCandidates.map((candidate) => ({ ...candidate, address: '127.0.0.1', ip: '127.0.0.1' })), dtlsParameters, iceServers: [] };
}

type Listener = (...args: unknown[]) => void;

class FakeServer {
  private listeners: { event: string; listener: Listener; once: boolean }[] = [];
  connected = false;
  recovered = false;
  readonly sent: { name: RequestName; payload: Record<string, unknown> }[] = [];
  private joins = 0;
  readonly scripts: Partial<Record<RequestName, Script>> = {
    'room:capabilities': () => ok({ routerRtpCapabilities: testFakeParameters.generateRouterRtpCapabilities() }),
    'room:join': () => ok({ roomId: 'ward', peerId: 'me', resumeKey: `key-${++this.joins}-${'x'.repeat(16)}`, role: 'relative', peers: [inge] }),
    'transport:create': () => ok(transportOptions()),
    'consumer:create': ({ producerId }) => {
      const audio = producerId === 'inge-mic';
      const { id, rtpParameters } = testFakeParameters.generateConsumerRemoteParameters({ codecMimeType: audio ? 'audio/opus' : 'video/VP8' });
      return ok({
        consumerId: id,
        producerId,
        peerId: 'inge',
        kind: audio ? 'audio' : 'video',
        source: audio ? 'mic' : 'camera',
        rtpParameters,
        type: audio ? 'simple' : 'simulcast',
        producerPaused: false,
      });
    },
  };

  on(event: string, listener: Listener): this {
    this.listeners.push({ event, listener, once: false });
    return this;
  }

  once(event: string, listener: Listener): this {
    this.listeners.push({ event, listener, once: true });
    return this;
  }

  removeAllListeners(): this {
    this.listeners = [];
    return this;
  }

  private emit(event: string, ...args: unknown[]): void {
    const matching = this.listeners.filter((entry) => entry.event === event);
    this.listeners = this.listeners.filter((entry) => !(entry.event === event && entry.once));
    for (const { listener } of matching) listener(...args);
  }

  timeout() {
    return {
      emitWithAck: async (name: string, payload: unknown) => {
        this.sent.push({ name: name as RequestName, payload: payload as Record<string, unknown> });
        return (this.scripts[name as RequestName] ?? (() => ok()))(payload as Record<string, unknown>);
      },
    };
  }

  connect(): this {
    this.connected = true;
    queueMicrotask(() => this.emit('connect'));
    return this;
  }

  disconnect(): this {
    this.connected = false;
    return this;
  }

  /** The network drops under the socket, then comes back. */
  dropAndReconnect(): void {
    this.connected = false;
    this.emit('disconnect', 'transport close');
    this.connect();
  }

  notify(name: string, payload: unknown): void {
    this.emit(name, payload);
  }

  requests(name: RequestName) {
    return this.sent.filter((request) => request.name === name);
  }
}

function clientWith(server: FakeServer): RoomClient {
  return new RoomClient({
    getToken: async () => 'a-token-long-enough',
    openSocket: () => server.connect() as unknown as SamplanSocket,
    captureCameraAndMic: async () => ({ mic: null, camera: null, error: null }),
    createDevice: async () => new Device({ handlerFactory: FakeHandler.createFactory(testFakeParameters) }),
  });
}

afterEach(() => {
  vi.useRealTimers();
});

describe('RoomClient', () => {
  it('joins, receives the peers already there, and only then opens its send transport', async () => {
    const server = new FakeServer();
    const client = clientWith(server);
    await client.join('Karen');

    const state = client.getSnapshot();
    expect(state.phase).toBe('in-room');
    expect(state.self).toMatchObject({ peerId: 'me', role: 'relative', displayName: 'Karen' });
    expect(Object.keys(state.peers[0]!.tracks)).toEqual(['inge-cam']);
    const order = server.sent.map((request) => (request.name === 'transport:create' ? `transport:create ${String(request.payload.direction)}` : request.name));
    expect(order.indexOf('consumer:resume')).toBeLessThan(order.indexOf('transport:create send'));
    expect(order.indexOf('consumer:setPreferredLayers')).toBeLessThan(order.indexOf('consumer:resume'));
  });

  it('receives a producer announced while its receive transport is still being made', async () => {
    const server = new FakeServer();
    const create = server.scripts['transport:create']!;
    server.scripts['transport:create'] = (payload) => {
      if (payload.direction === 'recv') {
        server.notify('producer:new', { peerId: 'inge', producer: { producerId: 'inge-mic', kind: 'audio', source: 'mic', paused: false } });
      }
      return create(payload);
    };
    const client = clientWith(server);
    await client.join('Karen');
    await vi.waitFor(() => expect(Object.keys(client.getSnapshot().peers[0]!.tracks).sort()).toEqual(['inge-cam', 'inge-mic']));
  });

  it('takes its place back with the resume key when the socket comes back', async () => {
    const server = new FakeServer();
    const client = clientWith(server);
    await client.join('Karen');
    const { resumeKey } = server.requests('room:join')[0]!.payload as never;
    expect(resumeKey).toBeUndefined();

    server.dropAndReconnect();
    await vi.waitFor(() => expect(server.requests('room:join')).toHaveLength(2));
    expect(server.requests('room:join')[1]!.payload.resume).toEqual({ peerId: 'me', resumeKey: `key-1-${'x'.repeat(16)}` });
    await vi.waitFor(() => expect(client.getSnapshot().phase).toBe('in-room'));
    expect(server.requests('room:capabilities')).toHaveLength(1);
  });

  it('keeps trying to rejoin while the server cannot open the room yet', async () => {
    const server = new FakeServer();
    const client = clientWith(server);
    await client.join('Karen');
    const answers = [refuse('MEDIA_REJECTED'), refuse('MEDIA_REJECTED')];
    const join = server.scripts['room:join']!;
    server.scripts['room:join'] = (payload) => answers.shift() ?? join(payload);

    server.notify('room:closed', { reason: 'worker-died', rejoin: true });
    expect(client.getSnapshot().phase).toBe('rejoining');
    await vi.waitFor(() => expect(client.getSnapshot().phase).toBe('in-room'), { timeout: 3_000 });
    expect(server.requests('room:join')).toHaveLength(4);
    expect(client.getSnapshot().peers.map((peer) => peer.peerId)).toEqual(['inge']);
  });

  it('makes its media again in the same place when the room moves to another worker, without joining again', async () => {
    const server = new FakeServer();
    const client = clientWith(server);
    await client.join('Karen');
    expect(server.requests('transport:create')).toHaveLength(2);

    server.notify('producer:closed', { peerId: 'inge', producerId: 'inge-cam' });
    server.notify('room:rebuilt', { peers: [{ ...inge, producers: [] }] });
    await vi.waitFor(() => expect(server.requests('transport:create')).toHaveLength(4));
    server.notify('producer:new', { peerId: 'inge', producer: { producerId: 'inge-cam-2', kind: 'video', source: 'camera', paused: false } });
    await vi.waitFor(() => expect(Object.keys(client.getSnapshot().peers[0]!.tracks)).toEqual(['inge-cam-2']));

    expect(client.getSnapshot()).toMatchObject({ phase: 'in-room', self: { peerId: 'me' } });
    expect(server.requests('room:join')).toHaveLength(1);
    expect(server.requests('room:leave')).toHaveLength(0);
  });

  it('moves to a new connection when its server drains, and again while joins are refused there', async () => {
    const server = new FakeServer();
    const client = clientWith(server);
    await client.join('Karen');
    let connects = 0;
    const connect = server.connect.bind(server);
    server.connect = () => {
      connects++;
      return connect();
    };
    const answers = [refuse('DRAINING')];
    const join = server.scripts['room:join']!;
    server.scripts['room:join'] = (payload) => answers.shift() ?? join(payload);

    server.notify('room:draining', { rejoin: true, closesInMs: 30_000 });
    expect(client.getSnapshot().phase).toBe('rejoining');
    await vi.waitFor(() => expect(client.getSnapshot().phase).toBe('in-room'), { timeout: 3_000 });
    expect(connects).toBe(2);
    expect(server.requests('room:join')).toHaveLength(3);
    expect(client.getSnapshot().peers.map((peer) => peer.peerId)).toEqual(['inge']);
  });

  it('ends the call, saying why, when the link no longer admits it', async () => {
    const server = new FakeServer();
    const client = clientWith(server);
    await client.join('Karen');
    server.scripts['room:join'] = () => refuse('UNAUTHORIZED');

    server.notify('room:closed', { reason: 'worker-died', rejoin: true });
    await vi.waitFor(() => expect(client.getSnapshot().phase).toBe('ended'));
    expect(client.getSnapshot().error).toBe('UNAUTHORIZED');
    expect(server.connected).toBe(false);
  });

  it('ends the call when the room ends for good', async () => {
    const server = new FakeServer();
    const client = clientWith(server);
    await client.join('Karen');
    server.notify('room:closed', { reason: 'ended', rejoin: false });
    expect(client.getSnapshot()).toMatchObject({ phase: 'ended', error: 'ROOM_CLOSED', peers: [] });
  });

  it('goes back to the join form with the reason when the first join is refused', async () => {
    const server = new FakeServer();
    server.scripts['room:join'] = () => refuse('FORBIDDEN');
    const client = clientWith(server);
    await client.join('Karen');
    expect(client.getSnapshot()).toMatchObject({ phase: 'idle', error: 'FORBIDDEN' });
  });
});
