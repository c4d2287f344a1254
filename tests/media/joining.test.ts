import { createHmac } from 'node:crypto';
import { demoMediaRoomId, type RunningSamplan, signRoomToken } from '@samplan/server';
import type { ResponseOf } from '@samplan/shared';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { call, connectSocket, type SamplanSocket } from '../support/bots/signalling.ts';
import { startTestSamplan, tokenFor, withTimeout } from './harness.ts';

/*
 * Joining at the signalling level only (no WebRTC needed): who gets which
 * room, and what the others are told.
 */
describe('joining rooms', () => {
  let samplan: RunningSamplan;
  let capabilities: ResponseOf<'room:capabilities'>['routerRtpCapabilities'];
  const sockets: SamplanSocket[] = [];

  async function socket(): Promise<SamplanSocket> {
    const connected = await connectSocket(samplan.url);
    sockets.push(connected);
    return connected;
  }

  async function join(connected: SamplanSocket, roomId: string, displayName = 'Guest'): Promise<ResponseOf<'room:join'>> {
    return call(connected, 'room:join', { token: await tokenFor(samplan, roomId), displayName, rtpCapabilities: capabilities });
  }

  beforeAll(async () => {
    samplan = await startTestSamplan();
    const probe = await socket();
    capabilities = (await call(probe, 'room:capabilities', { token: await tokenFor(samplan, 'any-room') })).routerRtpCapabilities;
  });

  afterEach(async () => {
    for (const connected of sockets.splice(0)) connected.close();
    // Closing sockets is a deliberate leave, handled as the disconnects arrive.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(samplan.media.stats()).toMatchObject({ rooms: 0, routers: 0 });
  });

  afterAll(async () => {
    await samplan?.close();
  });

  it('gives the router capabilities without opening a room', () => {
    expect(capabilities).toEqual(samplan.media.routerRtpCapabilities);
    expect(capabilities.codecs?.map((codec) => codec.mimeType)).toEqual(expect.arrayContaining(['audio/opus', 'video/VP8', 'video/H264']));
    expect(samplan.media.stats()).toMatchObject({ rooms: 0, routers: 0 });
  });

  it('opens a room once when many join it at the same moment', async () => {
    const crowd = await Promise.all(Array.from({ length: 8 }, () => socket()));
    const answers = await Promise.all(crowd.map((connected) => join(connected, 'crowded')));
    expect(new Set(answers.map((answer) => answer.peerId)).size).toBe(8);
    expect(samplan.media.stats()).toMatchObject({ rooms: 1, routers: 1, peers: 8 });
    expect(answers.map((answer) => answer.peers.length).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('never lets a join land in a room that is closing because its last peer is leaving', async () => {
    for (let round = 0; round < 10; round++) {
      const leaving = await socket();
      const arriving = await socket();
      await join(leaving, 'revolving-door');
      const [, joined] = await Promise.all([call(leaving, 'room:leave', {}), join(arriving, 'revolving-door')]);
      expect(joined.roomId).toBe(demoMediaRoomId('revolving-door'));
      // The room the newcomer is in is alive: its router takes a transport.
      await call(arriving, 'transport:create', { direction: 'recv' });
      expect(samplan.media.stats()).toMatchObject({ rooms: 1, routers: 1, peers: 1, transports: 1 });
      await call(arriving, 'room:leave', {});
    }
  });

  it('spreads rooms over the workers', async () => {
    const first = await socket();
    const second = await socket();
    await join(first, 'room-one');
    await join(second, 'room-two');
    expect(samplan.media.roomWorkerPid(demoMediaRoomId('room-one'))).not.toBe(samplan.media.roomWorkerPid(demoMediaRoomId('room-two')));
  });

  it('tells the others who joined, with the name and role from the token', async () => {
    const host = await socket();
    await join(host, 'named');
    const joined = new Promise((resolve) => host.once('peer:joined', resolve));
    const guest = await socket();
    const token = await signRoomToken({ kind: 'demo', roomId: 'named', role: 'gp', displayName: 'Dr. Hansen' }, samplan.config.secret, 60);
    const answer = await call(guest, 'room:join', { token, displayName: 'Somebody Else', rtpCapabilities: capabilities });
    expect(answer.role).toBe('gp');
    expect(await joined).toEqual({ peer: { peerId: answer.peerId, displayName: 'Dr. Hansen', role: 'gp', connection: 'connected', producers: [] } });
  });

  it('leaves no ghost when a socket disconnects while its join is still being handled', async () => {
    const host = await socket();
    await join(host, 'ghost');
    const left = new Promise((resolve) => host.once('peer:left', resolve));
    const guest = await socket();
    const token = await tokenFor(samplan, 'ghost');
    guest.emit('room:join', { token, displayName: 'Gone', rtpCapabilities: capabilities }, () => undefined);
    guest.disconnect();
    await withTimeout(left, 'the half-joined guest to leave');
    expect(samplan.media.stats()).toMatchObject({ rooms: 1, peers: 1 });
  });

  it('hands out no ICE servers when TURN is not configured', async () => {
    const member = await socket();
    await join(member, 'no-turn');
    expect((await call(member, 'transport:create', { direction: 'send' })).iceServers).toEqual([]);
  });

  it('lets a socket join another room after leaving one', async () => {
    const wanderer = await socket();
    await join(wanderer, 'first-room');
    await call(wanderer, 'room:leave', {});
    expect((await join(wanderer, 'second-room')).roomId).toBe(demoMediaRoomId('second-room'));
    expect(samplan.media.stats()).toMatchObject({ rooms: 1, peers: 1 });
  });
});

describe('TURN credentials', () => {
  it('come with every transport, time-limited and signed with the TURN secret', async () => {
    const samplan = await startTestSamplan({ turnUrls: ['turn:127.0.0.2:3478?transport=udp'], turnSecret: 'coturn-shared-secret' });
    const member = await connectSocket(samplan.url);
    try {
      const token = await tokenFor(samplan, 'with-turn');
      const { routerRtpCapabilities } = await call(member, 'room:capabilities', { token });
      const { peerId } = await call(member, 'room:join', { token, displayName: 'Guest', rtpCapabilities: routerRtpCapabilities });
      const [server, ...others] = (await call(member, 'transport:create', { direction: 'recv' })).iceServers;
      expect(others).toEqual([]);
      expect(server?.urls).toEqual(['turn:127.0.0.2:3478?transport=udp']);
      const [expiry, user] = (server?.username ?? '').split(':');
      expect(user).toBe(peerId);
      expect(Number(expiry) * 1000).toBeGreaterThan(Date.now() + 60 * 60 * 1000);
      expect(server?.credential).toBe(createHmac('sha1', 'coturn-shared-secret').update(server?.username ?? '').digest('base64'));
    } finally {
      member.close();
      await samplan.close();
    }
  });
});
