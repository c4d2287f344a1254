import { type Ack, type ErrorCode, type NotificationOf, type ResponseOf } from '@samplan/shared';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { call, connectSocket, request, type SamplanSocket } from '../../support/bots/signalling.ts';
import { DATABASE_KINDS } from '../../support/database-targets.ts';
import { type ApiClient, type ApiServer, SCENARIO_NOW, startApiServer } from './harness.ts';

/*
 * Who may be in a conference's call, checked where it counts: at the
 * signalling join, against the record, with the tokens the REST API issues.
 * No WebRTC is needed to be "in the room": a joined socket sees the others
 * and is seen, which is what an intruder wants.
 */

type Capabilities = ResponseOf<'room:capabilities'>['routerRtpCapabilities'];

function codeOf(ack: Ack<unknown>): ErrorCode | 'ok' {
  return ack.ok ? 'ok' : ack.error.code;
}

// Generous bounds: these say that the notice comes by itself, not how fast (a loaded 2-core CI machine on PGlite took over 1 s).
function next<K extends 'room:closed' | 'peer:joined' | 'peer:left'>(socket: SamplanSocket, name: K, withinMs = 5_000): Promise<NotificationOf<K>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${name} within ${withinMs} ms`)), withinMs);
    (socket as unknown as { once(event: string, listener: (payload: NotificationOf<K>) => void): void }).once(name, (payload) => {
      clearTimeout(timer);
      resolve(payload);
    });
  });
}

function disconnected(socket: SamplanSocket, withinMs = 5_000): Promise<string> {
  return new Promise((resolve, reject) => {
    if (socket.disconnected) return resolve('already');
    const timer = setTimeout(() => reject(new Error(`still connected after ${withinMs} ms`)), withinMs);
    socket.once('disconnect', (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
}

describe.each(DATABASE_KINDS)('who may be in a conference call, on %s', (kind) => {
  let server: ApiServer;
  let nurse: ApiClient;
  let followUpId: string;
  let capabilities: Capabilities;
  let sockets: SamplanSocket[] = [];

  beforeAll(async () => {
    server = await startApiServer(kind, { demoRooms: true });
    followUpId = (await server.fresh.db.prisma.conference.findFirstOrThrow({ where: { kind: 'follow_up' } })).id;
    capabilities = server.samplan.media.routerRtpCapabilities as Capabilities;
  });
  afterAll(() => server?.close());
  beforeEach(async () => {
    server.clock.set(SCENARIO_NOW);
    nurse = await server.login('sygeplejerske@horsens.demo');
  });
  afterEach(() => {
    for (const socket of sockets) socket.close();
    sockets = [];
  });

  async function socket(): Promise<SamplanSocket> {
    const connected = await connectSocket(server.samplan.url);
    sockets.push(connected);
    return connected;
  }

  async function roomToken(client: ApiClient, conferenceId = followUpId): Promise<string> {
    const answer = await client.post(`/conferences/${conferenceId}/room-token`);
    expect(answer.status, answer.text).toBe(200);
    return answer.body.token as string;
  }

  async function joinWith(token: string, displayName = 'Someone'): Promise<{ socket: SamplanSocket; ack: Ack<ResponseOf<'room:join'>> }> {
    const connected = await socket();
    return { socket: connected, ack: await request(connected, 'room:join', { token, displayName, rtpCapabilities: capabilities }) };
  }

  async function joined(token: string, displayName?: string): Promise<{ socket: SamplanSocket; join: ResponseOf<'room:join'> }> {
    const { socket: connected, ack } = await joinWith(token, displayName);
    if (!ack.ok) throw new Error(`join refused: ${ack.error.code} ${ack.error.message}`);
    return { socket: connected, join: ack.data };
  }

  /** A relative invited by the nurse, signed in from her link and let in by the host. */
  async function admittedRelative(conferenceId = followUpId) {
    const invited = await nurse.post(`/conferences/${conferenceId}/participants`, { kind: 'guest', role: 'relative', name: 'Lise Nabo', phone: '+45 20 20 20 20' });
    expect(invited.status, invited.text).toBe(201);
    const participantId = invited.body.participant.id as string;
    const guest = await server.join(invited.body.joinLink.token);
    expect((await nurse.post(`/conferences/${conferenceId}/participants/${participantId}/lobby`, { state: 'admitted' })).status).toBe(200);
    return { guest, participantId };
  }

  it("keeps an anonymous demo token out of a real conference's call, under any room name", async () => {
    const staff = await joined(await roomToken(nurse));
    const arrivals: unknown[] = [];
    staff.socket.on('peer:joined', (payload) => arrivals.push(payload));

    // The probe's exact request: the demo room path with the conference's old room name and a role of the caller's choosing.
    for (const name of [`c-${followUpId}`, followUpId, 'conference']) {
      const demo = await server.client().post(`/demo/rooms/${name}/token`, { displayName: 'Overlæge', role: 'hospital' });
      expect(demo.status, demo.text).toBe(200);
      const intruder = await joined(demo.body.token as string);
      expect(intruder.join.roomId).not.toBe(staff.join.roomId);
      expect(intruder.join.peers).toEqual([]);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(arrivals).toEqual([]);
    // A room name that is not a demo room name is refused before any token is made.
    expect((await server.client().post(`/demo/rooms/${encodeURIComponent(`conference:${followUpId}`)}/token`, {})).status).toBe(400);
  });

  it('describes the demo token route in the OpenAPI document with every other route', async () => {
    const openapi = (await server.client().get('/openapi.json')).body as { paths: Record<string, Record<string, { security: unknown[] }>> };
    expect(openapi.paths['/api/demo/rooms/{roomId}/token']?.post?.security).toEqual([]);
  });

  it("shows others the role and name from the record, whatever the joining page asks for", async () => {
    const staff = await joined(await roomToken(nurse));
    const { guest } = await admittedRelative();
    const arrived = next(staff.socket, 'peer:joined');
    const relative = await joined(await roomToken(guest), 'Overlæge Hansen');
    expect(relative.join.role).toBe('relative');
    expect((await arrived).peer).toMatchObject({ role: 'relative', displayName: 'Lise Nabo' });
    expect(relative.join.peers.map((peer) => peer.role)).toEqual(['hospital']);
  });

  it('takes a removed guest out of the call by itself, and her old token no longer opens it', async () => {
    const staff = await joined(await roomToken(nurse));
    const { guest, participantId } = await admittedRelative();
    const token = await roomToken(guest);
    const relative = await joined(token);

    const closed = next(relative.socket, 'room:closed');
    const gone = disconnected(relative.socket);
    const left = next(staff.socket, 'peer:left');
    const removal = await nurse.post(`/conferences/${followUpId}/participants/${participantId}/lobby`, { state: 'removed' });
    expect(removal.status).toBe(200);
    expect(await closed).toEqual({ reason: 'removed', rejoin: false });
    expect(await gone).toBe('io server disconnect');
    expect((await left).peerId).toBe(relative.join.peerId);

    const again = await joinWith(token);
    expect(codeOf(again.ack)).toBe('REMOVED');
    // Resuming her old place is a join too, and is refused the same way.
    const resumed = await request(again.socket, 'room:join', {
      token,
      displayName: 'Lise',
      rtpCapabilities: capabilities,
      resume: { peerId: relative.join.peerId, resumeKey: relative.join.resumeKey },
    });
    expect(codeOf(resumed)).toBe('REMOVED');
    const denied = await server.fresh.db.prisma.auditEvent.findMany({ where: { actorId: participantId, via: 'room:join', outcome: 'denied' } });
    expect(denied.length).toBe(2);
  });

  it('takes a guest out of the call when her link is revoked', async () => {
    await joined(await roomToken(nurse));
    const { guest, participantId } = await admittedRelative();
    const token = await roomToken(guest);
    const relative = await joined(token);
    const closed = next(relative.socket, 'room:closed');
    expect((await nurse.post(`/conferences/${followUpId}/participants/${participantId}/revoke`)).status).toBe(200);
    expect(await closed).toEqual({ reason: 'removed', rejoin: false });
    await disconnected(relative.socket);
    expect(codeOf((await joinWith(token)).ack)).toBe('REMOVED');
  });

  it('sends a guest back to the lobby from the call, and lets her in again with the same token once re-admitted', async () => {
    await joined(await roomToken(nurse));
    const { guest, participantId } = await admittedRelative();
    const token = await roomToken(guest);
    const relative = await joined(token);
    const closed = next(relative.socket, 'room:closed');
    expect((await nurse.post(`/conferences/${followUpId}/participants/${participantId}/lobby`, { state: 'waiting' })).status).toBe(200);
    expect(await closed).toEqual({ reason: 'lobby', rejoin: false });
    await disconnected(relative.socket);
    expect(codeOf((await joinWith(token)).ack)).toBe('FORBIDDEN');

    expect((await nurse.post(`/conferences/${followUpId}/participants/${participantId}/lobby`, { state: 'admitted' })).status).toBe(200);
    expect((await joinWith(token)).ack.ok).toBe(true);
  });

  it('closes the call at the end and a token issued before the end cannot reopen the room', async () => {
    const conference = await nurse.post(`/episodes/${(await server.fresh.db.prisma.conference.findUniqueOrThrow({ where: { id: followUpId } })).episodeId}/conferences`, {
      kind: 'follow_up',
    });
    expect(conference.status, conference.text).toBe(201);
    const conferenceId = conference.body.conference.id as string;
    const staffToken = await roomToken(nurse, conferenceId);
    const { guest } = await admittedRelative(conferenceId);
    const guestToken = await roomToken(guest, conferenceId);
    const staff = await joined(staffToken);
    const closed = next(staff.socket, 'room:closed');
    expect((await nurse.post(`/conferences/${conferenceId}/end`)).status).toBe(200);
    expect(await closed).toEqual({ reason: 'ended', rejoin: false });

    for (const token of [staffToken, guestToken]) expect(codeOf((await joinWith(token)).ack)).toBe('ROOM_CLOSED');
    expect(server.samplan.media.stats()).toMatchObject({ rooms: 0, peers: 0 });
  });
});
