import type { RunningSamplan } from '@samplan/server';
import { type Ack, type ErrorCode, MAX_REQUEST_BYTES, type ResponseOf } from '@samplan/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bot } from '../support/bots/bot.ts';
import { call, connectSocket, rawEmit, rawRequest, type SamplanSocket } from '../support/bots/signalling.ts';
import { expectMediaFlowing, joinBot, SMALL_VIDEO, startTestSamplan, tokenFor } from './harness.ts';

const ROOM = 'ward';
const FAKE_DTLS = {
  role: 'client' as const,
  fingerprints: [{ algorithm: 'sha-256', value: Array.from({ length: 32 }, () => 'AB').join(':') }],
};
const OPUS = { mimeType: 'audio/opus', payloadType: 100, clockRate: 48000, channels: 2 };

function codeOf(ack: Ack<unknown>): ErrorCode | 'ok' {
  return ack.ok ? 'ok' : ack.error.code;
}

/*
 * Two participants talk while others misbehave in every way the protocol
 * allows. Each misdeed must get an error ack with the right code; the server
 * must stay up; and the two must go on seeing and hearing each other.
 */
describe('bad input', () => {
  let samplan: RunningSamplan;
  let alice: Bot;
  let bob: Bot;
  const sockets: SamplanSocket[] = [];
  let capabilities: ResponseOf<'room:capabilities'>['routerRtpCapabilities'];

  async function socket(): Promise<SamplanSocket> {
    const connected = await connectSocket(samplan.url);
    sockets.push(connected);
    return connected;
  }

  async function joined(roomId: string, rtpCapabilities = capabilities): Promise<{ socket: SamplanSocket; join: ResponseOf<'room:join'> }> {
    const connected = await socket();
    const join = await call(connected, 'room:join', { token: await tokenFor(samplan, roomId), displayName: 'Intruder', rtpCapabilities });
    return { socket: connected, join };
  }

  beforeAll(async () => {
    samplan = await startTestSamplan();
    alice = await joinBot(samplan, ROOM, { video: SMALL_VIDEO });
    bob = await joinBot(samplan, ROOM, { audio: { frequencyHz: 0 }, video: SMALL_VIDEO });
    await expectMediaFlowing([alice, bob], [alice, bob]);
    capabilities = samplan.media.routerRtpCapabilities as typeof capabilities;
  });

  afterAll(async () => {
    for (const connected of sockets) connected.close();
    alice?.close();
    bob?.close();
    await samplan?.close();
  });

  it('refuses a handshake without the current protocol version', async () => {
    for (const auth of [{ protocolVersion: 999 }, {}, { protocolVersion: '1' }]) {
      const refusal = await connectSocket(samplan.url, auth).then(
        () => undefined,
        (error: Error & { data?: unknown }) => error.data,
      );
      expect(refusal).toMatchObject({ code: 'BAD_REQUEST' });
    }
  });

  it('refuses every room request before joining with NOT_JOINED', async () => {
    const stranger = await socket();
    const requests = {
      'room:leave': {},
      'transport:create': { direction: 'send' },
      'transport:connect': { transportId: 't1', dtlsParameters: FAKE_DTLS },
      'transport:restartIce': { transportId: 't1' },
      'producer:create': { transportId: 't1', kind: 'audio', source: 'mic', rtpParameters: { codecs: [OPUS] } },
      'producer:pause': { producerId: 'p1' },
      'producer:resume': { producerId: 'p1' },
      'producer:close': { producerId: 'p1' },
      'consumer:create': { transportId: 't1', producerId: 'p1' },
      'consumer:resume': { consumerId: 'c1' },
      'consumer:pause': { consumerId: 'c1' },
      'consumer:setPreferredLayers': { consumerId: 'c1', spatialLayer: 0 },
    };
    for (const [name, payload] of Object.entries(requests)) {
      expect([name, codeOf(await rawRequest(stranger, name, payload))]).toEqual([name, 'NOT_JOINED']);
    }
  });

  it('refuses malformed payloads and wrong types with BAD_REQUEST', async () => {
    const stranger = await socket();
    const token = await tokenFor(samplan, ROOM);
    const cases: Array<[string, ...unknown[]]> = [
      ['room:join', {}],
      ['room:join', { token: 42, displayName: 'Eve', rtpCapabilities: {} }],
      ['room:join', { token, displayName: 'Eve\u0000', rtpCapabilities: {} }],
      ['room:join', { token, displayName: 'Eve', rtpCapabilities: { codecs: 'all of them' } }],
      ['room:join', 'just a string'],
      ['room:join', [token]],
      ['room:join', null],
      ['room:join'],
      ['room:join', { token, displayName: 'Eve', rtpCapabilities: {} }, 'an extra argument'],
      ['transport:create', { direction: 'up' }],
      ['consumer:setPreferredLayers', { consumerId: 'c1', spatialLayer: -1 }],
      ['producer:create', { transportId: 't1', kind: 'audio', source: 'mic', rtpParameters: { codecs: [] } }],
    ];
    for (const [event, ...args] of cases) {
      expect([event, args, codeOf(await rawRequest(stranger, event, ...args))]).toEqual([event, args, 'BAD_REQUEST']);
    }
    const withIssues = await rawRequest(stranger, 'room:join', { token: 42, displayName: 'Eve', rtpCapabilities: {} });
    expect(withIssues).toMatchObject({ ok: false, error: { issues: [{ path: 'token' }] } });
  });

  it('refuses requests above MAX_REQUEST_BYTES with TOO_LARGE, and drops absurd frames', async () => {
    const stranger = await socket();
    const huge = { token: 't'.repeat(MAX_REQUEST_BYTES + 1), displayName: 'Eve', rtpCapabilities: {} };
    expect(codeOf(await rawRequest(stranger, 'room:join', huge))).toBe('TOO_LARGE');
    expect(codeOf(await rawRequest(stranger, 'transport:create', { direction: 'send', padding: 'x'.repeat(100_000) }))).toBe('TOO_LARGE');

    const flooder = await socket();
    const dropped = new Promise<string>((resolve) => flooder.once('disconnect', resolve));
    rawEmit(flooder, 'room:join', { padding: 'x'.repeat(2_000_000) });
    expect(await dropped).toBe('transport close');
    expect(codeOf(await rawRequest(stranger, 'room:leave', {}))).toBe('NOT_JOINED');
  });

  it('refuses unknown events, including names that mean something to Node or Socket.IO', async () => {
    const stranger = await socket();
    for (const event of ['nope', 'error', 'constructor', '__proto__', 'hasOwnProperty', 'room:join:now', '']) {
      expect([event, await rawRequest(stranger, event, {})]).toEqual([event, { ok: false, error: { code: 'BAD_REQUEST', message: 'Unknown request.' } }]);
    }
  });

  it('copes with requests that carry no ack callback', async () => {
    const stranger = await socket();
    rawEmit(stranger, 'transport:create', { direction: 'send' });
    rawEmit(stranger, 'error', new Error('boom'));
    rawEmit(stranger, 'nope');
    rawEmit(stranger, 'room:join', { token: await tokenFor(samplan, 'no-ack'), displayName: 'Eve', rtpCapabilities: capabilities });
    // Requests are handled in order, so this answer comes after the three above were dealt with.
    expect(codeOf(await rawRequest(stranger, 'room:join', { token: await tokenFor(samplan, 'no-ack'), displayName: 'Eve', rtpCapabilities: capabilities }))).toBe('ALREADY_JOINED');
    expect(stranger.connected).toBe(true);
  });

  it('refuses bad tokens and a second join', async () => {
    const stranger = await socket();
    const forged = `${(await tokenFor(samplan, ROOM)).slice(0, -4)}AAAA`;
    expect(codeOf(await rawRequest(stranger, 'room:capabilities', { token: forged }))).toBe('UNAUTHORIZED');
    expect(codeOf(await rawRequest(stranger, 'room:join', { token: forged, displayName: 'Eve', rtpCapabilities: capabilities }))).toBe('UNAUTHORIZED');
    expect(codeOf(await rawRequest(stranger, 'room:join', { token: 'x'.repeat(40), displayName: 'Eve', rtpCapabilities: capabilities }))).toBe('UNAUTHORIZED');
    const { socket: member } = await joined('elsewhere');
    expect(codeOf(await rawRequest(member, 'room:join', { token: await tokenFor(samplan, ROOM), displayName: 'Eve', rtpCapabilities: capabilities }))).toBe('ALREADY_JOINED');
  });

  it('refuses steps out of order and media the server cannot take', async () => {
    const { socket: member } = await joined('elsewhere');
    const send = await call(member, 'transport:create', { direction: 'send' });
    const recv = await call(member, 'transport:create', { direction: 'recv' });
    const produce = (extra: Record<string, unknown> = {}) =>
      rawRequest(member, 'producer:create', { transportId: send.id, kind: 'audio', source: 'mic', rtpParameters: { codecs: [OPUS], encodings: [{ ssrc: 1111 }] }, ...extra });

    expect(codeOf(await produce())).toBe('CONFLICT');
    expect(codeOf(await rawRequest(member, 'transport:connect', { transportId: send.id, dtlsParameters: FAKE_DTLS }))).toBe('ok');
    expect(codeOf(await rawRequest(member, 'transport:connect', { transportId: send.id, dtlsParameters: FAKE_DTLS }))).toBe('CONFLICT');
    expect(codeOf(await produce({ rtpParameters: { codecs: [{ ...OPUS, mimeType: 'audio/nonsense' }], encodings: [{ ssrc: 1111 }] } }))).toBe('MEDIA_REJECTED');
    expect(codeOf(await produce({ kind: 'video' }))).toBe('BAD_REQUEST');
    expect(codeOf(await produce({ transportId: recv.id }))).toBe('BAD_REQUEST');
    expect(codeOf(await rawRequest(member, 'consumer:create', { transportId: send.id, producerId: alice.producers.get('audio')!.id }))).toBe('BAD_REQUEST');
    expect(codeOf(await produce())).toBe('ok');
    expect(codeOf(await produce())).toBe('CONFLICT');
  });

  it('answers ids of another room with NOT_FOUND', async () => {
    const { socket: outsider } = await joined('elsewhere');
    const recv = await call(outsider, 'transport:create', { direction: 'recv' });
    const aliceAudio = alice.producers.get('audio')!.id;
    const bobsConsumer = bob.consumerOf(alice.peerId, 'video')!.consumer.id;
    const cases: Array<[string, unknown]> = [
      ['transport:connect', { transportId: alice.sendTransportId, dtlsParameters: FAKE_DTLS }],
      ['transport:restartIce', { transportId: bob.recvTransportId }],
      ['producer:pause', { producerId: aliceAudio }],
      ['producer:close', { producerId: aliceAudio }],
      ['consumer:create', { transportId: recv.id, producerId: aliceAudio }],
      ['consumer:create', { transportId: alice.recvTransportId, producerId: aliceAudio }],
      ['consumer:pause', { consumerId: bobsConsumer }],
      ['consumer:setPreferredLayers', { consumerId: bobsConsumer, spatialLayer: 0 }],
    ];
    for (const [event, payload] of cases) expect([event, codeOf(await rawRequest(outsider, event, payload))]).toEqual([event, 'NOT_FOUND']);
  });

  it('answers ids of another peer in the same room with NOT_FOUND, exactly like unknown ids', async () => {
    const { socket: intruder } = await joined(ROOM);
    const recv = await call(intruder, 'transport:create', { direction: 'recv' });
    const aliceVideo = alice.producers.get('video')!.id;
    const bobsConsumer = bob.consumerOf(alice.peerId, 'audio')!.consumer.id;
    const cases: Array<[string, unknown, unknown]> = [
      ['transport:connect', { transportId: alice.sendTransportId, dtlsParameters: FAKE_DTLS }, { transportId: 'no-such-transport', dtlsParameters: FAKE_DTLS }],
      ['transport:restartIce', { transportId: bob.recvTransportId }, { transportId: 'no-such-transport' }],
      ['producer:pause', { producerId: aliceVideo }, { producerId: 'no-such-producer' }],
      ['producer:resume', { producerId: aliceVideo }, { producerId: 'no-such-producer' }],
      ['producer:close', { producerId: aliceVideo }, { producerId: 'no-such-producer' }],
      ['consumer:create', { transportId: bob.recvTransportId, producerId: aliceVideo }, { transportId: 'no-such-transport', producerId: aliceVideo }],
      ['consumer:pause', { consumerId: bobsConsumer }, { consumerId: 'no-such-consumer' }],
      ['consumer:resume', { consumerId: bobsConsumer }, { consumerId: 'no-such-consumer' }],
    ];
    for (const [event, foreign, unknown] of cases) {
      const answers = [await rawRequest(intruder, event, foreign), await rawRequest(intruder, event, unknown)];
      expect([event, ...answers.map(codeOf)]).toEqual([event, 'NOT_FOUND', 'NOT_FOUND']);
      expect(answers[0]).toEqual(answers[1]);
    }
    // The same producer is there for a legitimate consumer: NOT_FOUND above was about ownership.
    expect(codeOf(await rawRequest(intruder, 'consumer:create', { transportId: recv.id, producerId: aliceVideo }))).toBe('ok');
    expect(codeOf(await rawRequest(intruder, 'consumer:create', { transportId: recv.id, producerId: aliceVideo }))).toBe('CONFLICT');
    expect(bob.notifications.some((n) => n.name === 'producer:paused' || n.name === 'producer:closed')).toBe(false);
    await call(intruder, 'room:leave', {});
  });

  it('refuses to forward media a device said it cannot decode', async () => {
    const { socket: deaf } = await joined(ROOM, {});
    const recv = await call(deaf, 'transport:create', { direction: 'recv' });
    expect(codeOf(await rawRequest(deaf, 'consumer:create', { transportId: recv.id, producerId: alice.producers.get('audio')!.id }))).toBe('MEDIA_REJECTED');
    await call(deaf, 'room:leave', {});
  });

  it('answers a flood of requests, limiting what queues up, and stays responsive', async () => {
    const { socket: flooder } = await joined('elsewhere');
    const answers = await Promise.all(Array.from({ length: 300 }, () => rawRequest(flooder, 'producer:pause', { producerId: 'nope' })));
    const codes = answers.map(codeOf);
    for (const code of codes) expect(['NOT_FOUND', 'RATE_LIMITED']).toContain(code);
    // 300 requests arrive in a burst; the first few dozen are handled, the rest are told to slow down.
    expect(codes).toContain('NOT_FOUND');
    expect(codes).toContain('RATE_LIMITED');
    expect(codeOf(await rawRequest(flooder, 'room:leave', {}))).toBe('ok');
  });

  it('kept the server up and the conference going through all of it', async () => {
    const health = await fetch(`${samplan.url}/api/health/ready`).then((response) => response.json());
    expect(health).toMatchObject({ ready: true, media: 'up', workers: 2 });
    await expectMediaFlowing([alice, bob], [alice, bob]);
    expect(alice.errors).toEqual([]);
    expect(bob.errors).toEqual([]);
    // Alice and Bob's 4 transports, 4 producers, 4 consumers; and what the misbehaving peers who are still
    // there ('elsewhere' and 'no-ack') hold: 2 transports and 1 producer of the out-of-order test, 1 transport of the outsider.
    expect(samplan.media.stats()).toMatchObject({ rooms: 3, transports: 4 + 2 + 1, producers: 4 + 1, consumers: 4 });
  });
});
