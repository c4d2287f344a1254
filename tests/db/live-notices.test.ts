import { describe, expect, it } from 'vitest';
import type { RunningSamplan } from '@samplan/server';
import type { StaffPrincipal } from '@samplan/server/auth/principal.ts';
import { newJoinToken } from '@samplan/server/auth/joinLink.ts';
import type { NotificationName } from '@samplan/shared';
import { DATABASE_KINDS, type FreshDatabase } from '../support/database-targets.ts';
import { uniqueLogin } from '../support/record-fixtures.ts';
import { createConferenceScene, signIn } from './plan/fixtures.ts';
import { type PlanClient, planServerSuite, nodesSuite } from './plan/planServer.ts';

/*
 * "Live, not polled": a guest arriving in a lobby, a conference scheduled, an
 * advice request and a video call-back reach the screens of those who may see
 * the episode (and only theirs) as notices without patient data; the
 * call-back rings on the asking guest's own page and her session alone gets
 * into the call made for her.
 */

type Scene = Awaited<ReturnType<typeof createConferenceScene>>;
type Notice = { name: NotificationName; payload: unknown };
const NOTICES = ['day:changed', 'episode:changed', 'conference:changed', 'call:ringing'] as const;

/** Every notice a socket gets, in order. */
function noticesOf(socket: PlanClient): Notice[] {
  const seen: Notice[] = [];
  for (const name of NOTICES) socket.on(name, (payload: unknown) => seen.push({ name, payload }));
  return seen;
}

/**
 * Nothing more is on its way to these sockets: a marker sent to every socket
 * after the change arrives after anything the change sent it (one socket's
 * messages keep their order).
 */
async function settled(server: Pick<RunningSamplan, 'io'>, sockets: readonly PlanClient[]): Promise<void> {
  const marker = '00000000-0000-4000-8000-00000000beef';
  const arrived = sockets.map((socket) => new Promise<void>((resolve) => socket.on('conference:changed', (notice) => notice.conferenceId === marker && resolve())));
  server.io.emit('conference:changed', { conferenceId: marker });
  await Promise.all(arrived);
}

const withoutMarkers = (seen: Notice[]) => seen.filter((notice) => (notice.payload as { conferenceId?: string }).conferenceId !== '00000000-0000-4000-8000-00000000beef');

async function api(url: string, cookie: string | null, method: string, path: string, body?: unknown) {
  const response = await fetch(`${url}/api${path}`, {
    method,
    headers: { ...(cookie === null ? {} : { cookie }), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text.length > 0 ? JSON.parse(text) : null, cookie: response.headers.get('set-cookie')?.split(';')[0] ?? null };
}

/** Home two days ago (advice window open), the patient's consent to video recorded. */
async function homeWithVideoConsent(db: FreshDatabase['db'], scene: Scene): Promise<void> {
  const dischargedAt = new Date(Date.now() - 2 * 86_400_000);
  await db.prisma.episode.update({
    where: { id: scene.episode.id },
    data: { admittedAt: new Date(dischargedAt.getTime() - 5 * 86_400_000), status: 'discharged', dischargedAt, dischargeRecordedById: scene.nurse.staffId },
  });
  await db.prisma.consent.create({ data: { patientId: scene.patient.id, episodeId: scene.episode.id, scope: 'video_participation', recordedById: scene.nurse.staffId } });
}

/** A geriatrician of a clinic outside the care team: the geriatric team's standing only. */
async function teamGeriatrician(db: FreshDatabase['db']) {
  const clinic = await db.prisma.organisation.create({ data: { sector: 'hospital_ward', name: 'Geriatrisk afdeling' } });
  const row = await db.prisma.staffUser.create({ data: { name: 'Dr. Juhl', role: 'geriatrician', organisationId: clinic.id, login: uniqueLogin(), passwordHash: 'not-a-real-hash' } });
  return signIn<StaffPrincipal>(db.prisma, 'staff', row.id);
}

/** A relative invited to the conference with a link she has not opened yet. */
async function invitedRelative(db: FreshDatabase['db'], scene: Scene) {
  const link = newJoinToken();
  const row = await db.prisma.participant.create({
    data: { conferenceId: scene.conference.id, role: 'relative', externalName: 'Sofie Jensen', tokenHash: link.tokenHash, expiresAt: new Date(Date.now() + 86_400_000), invitedById: scene.nurse.staffId },
  });
  return { participantId: row.id, token: link.token };
}

describe.each(DATABASE_KINDS)('screens told of record changes, on %s', (kind) => {
  const suite = planServerSuite(kind);
  it('a relative opening her link reaches the lobby and day views of the care team, not an outsider, the team off duty for it, nor another guest', async () => {
    const scene = await createConferenceScene(suite.fresh.db.prisma);
    const geriatrician = await teamGeriatrician(suite.fresh.db);
    const relative = await invitedRelative(suite.fresh.db, scene);
    const [nurse, homeNurse, outsider, team, karen] = await Promise.all([
      suite.connect(scene.nurse.cookie),
      suite.connect(scene.homeNurse.cookie),
      suite.connect(scene.outsider.cookie),
      suite.connect(geriatrician.cookie),
      suite.connect(scene.karen.cookie),
    ]);
    const seen = [nurse, homeNurse, outsider, team, karen].map(noticesOf);

    const opened = await api(suite.server.url, null, 'POST', `/join/${relative.token}`);
    expect(opened.status).toBe(200);
    await settled(suite.server, [nurse, homeNurse, outsider, team, karen]);

    const arrived = [
      { name: 'day:changed', payload: { change: 'conference' } },
      { name: 'episode:changed', payload: { episodeId: scene.episode.id, change: 'conference' } },
      { name: 'conference:changed', payload: { conferenceId: scene.conference.id } },
    ];
    const [nurseSaw, homeNurseSaw, outsiderSaw, teamSaw, karenSaw] = seen.map((notices) => withoutMarkers(notices!));
    expect(nurseSaw).toEqual(arrived);
    expect(homeNurseSaw).toEqual(arrived);
    // Still admitted: the geriatric team has no standing in the episode yet.
    expect(teamSaw).toEqual([]);
    expect(outsiderSaw).toEqual([]);
    expect(karenSaw).toEqual([]);

    // Opening the link again is no new arrival.
    await api(suite.server.url, null, 'POST', `/join/${relative.token}`);
    await settled(suite.server, [nurse]);
    expect(withoutMarkers(seen[0]!)).toEqual(arrived);
  });

  it('once she is home the geriatric team sees her episode change too; a conference scheduled reaches them', async () => {
    const scene = await createConferenceScene(suite.fresh.db.prisma);
    await homeWithVideoConsent(suite.fresh.db, scene);
    const geriatrician = await teamGeriatrician(suite.fresh.db);
    const [team, outsider] = await Promise.all([suite.connect(geriatrician.cookie), suite.connect(scene.outsider.cookie)]);
    const [teamSaw, outsiderSaw] = [noticesOf(team), noticesOf(outsider)];

    const scheduled = await api(suite.server.url, scene.nurse.cookie, 'POST', `/episodes/${scene.episode.id}/conferences`, { kind: 'follow_up' });
    expect(scheduled.status).toBe(201);
    await settled(suite.server, [team, outsider]);
    expect(withoutMarkers(teamSaw)).toEqual([
      { name: 'day:changed', payload: { change: 'conference' } },
      { name: 'episode:changed', payload: { episodeId: scene.episode.id, change: 'conference' } },
      { name: 'conference:changed', payload: { conferenceId: scheduled.body.conference.id } },
    ]);
    expect(withoutMarkers(outsiderSaw)).toEqual([]);
  });

  it('a video call-back rings on the asking relative’s own page, and only her session gets into the call made for her', async () => {
    const scene = await createConferenceScene(suite.fresh.db.prisma);
    await homeWithVideoConsent(suite.fresh.db, scene);
    const geriatrician = await teamGeriatrician(suite.fresh.db);
    const [daughter, karen, team] = await Promise.all([suite.connect(scene.daughter.cookie), suite.connect(scene.karen.cookie), suite.connect(geriatrician.cookie)]);
    const [daughterSaw, karenSaw] = [noticesOf(daughter), noticesOf(karen)];
    const teamToldOfAdvice = new Promise((resolve) => team.on('day:changed', (notice) => notice.change === 'advice' && resolve(notice)));

    const asked = await api(suite.server.url, scene.daughter.cookie, 'POST', `/episodes/${scene.episode.id}/advice-requests`, {
      channel: 'video',
      question: 'Mor er mere forvirret end i går.',
      urgency: 'urgent',
      requesterContact: '+4512345678',
    });
    expect(asked.status).toBe(201);
    await teamToldOfAdvice;
    expect(await api(suite.server.url, scene.daughter.cookie, 'GET', '/call-back')).toMatchObject({ status: 200, body: { callBack: null } });

    const ringing = new Promise((resolve) => daughter.once('call:ringing', resolve));
    const called = await api(suite.server.url, geriatrician.cookie, 'POST', `/advice-requests/${asked.body.adviceRequest.id}/call-back`);
    expect(called.status).toBe(201);
    expect(called.body.ringing).toBe(true);
    const conferenceId: string = called.body.conference.id;
    expect(await ringing).toEqual({ conferenceId });
    const stand = called.body.conference.participants.find((participant: { role: string }) => participant.role === 'relative');
    expect(stand).toMatchObject({ name: 'Mette Jensen', lobbyState: 'admitted' });

    // The page that was away asks when it comes back.
    expect(await api(suite.server.url, scene.daughter.cookie, 'GET', '/call-back')).toMatchObject({ status: 200, body: { callBack: { conferenceId } } });
    expect(await api(suite.server.url, scene.karen.cookie, 'GET', '/call-back')).toMatchObject({ status: 200, body: { callBack: null } });

    const token = await api(suite.server.url, scene.daughter.cookie, 'POST', `/call-back/${conferenceId}/room-token`);
    expect(token.status).toBe(200);
    expect(token.body.roomId).toBe(`conference:${conferenceId}`);
    // Her mother's link, the geriatrician's session and no session at all get nothing from this route.
    expect((await api(suite.server.url, scene.karen.cookie, 'POST', `/call-back/${conferenceId}/room-token`)).status).toBe(404);
    expect((await api(suite.server.url, geriatrician.cookie, 'POST', `/call-back/${conferenceId}/room-token`)).status).toBe(404);
    expect((await api(suite.server.url, null, 'POST', `/call-back/${conferenceId}/room-token`)).status).toBe(401);
    // Nor does her own link open the call-back through the conference's ordinary door.
    expect((await api(suite.server.url, scene.daughter.cookie, 'POST', `/conferences/${conferenceId}/room-token`)).status).toBe(404);

    const joins = await suite.fresh.db.prisma.auditEvent.findMany({ where: { action: 'join', resourceId: conferenceId, outcome: 'ok' } });
    expect(joins.map((row) => [row.actorId, row.via])).toEqual([[scene.daughter.participantId, 'POST /api/call-back/:conferenceId/room-token']]);

    // Guests get no staff screens' notices: only her own ring.
    await settled(suite.server, [karen, daughter]);
    expect(withoutMarkers(karenSaw)).toEqual([]);
    expect(withoutMarkers(daughterSaw)).toEqual([{ name: 'call:ringing', payload: { conferenceId } }]);
  });

  it('a request asked by staff is no ring: the geriatrician invites as for any conference', async () => {
    const scene = await createConferenceScene(suite.fresh.db.prisma);
    await homeWithVideoConsent(suite.fresh.db, scene);
    const geriatrician = await teamGeriatrician(suite.fresh.db);
    const asked = await api(suite.server.url, scene.homeNurse.cookie, 'POST', `/episodes/${scene.episode.id}/advice-requests`, { channel: 'video', question: 'Faldet i nat.', urgency: 'routine' });
    expect(asked.status).toBe(201);
    const called = await api(suite.server.url, geriatrician.cookie, 'POST', `/advice-requests/${asked.body.adviceRequest.id}/call-back`);
    expect(called).toMatchObject({ status: 201, body: { ringing: false } });
    expect(called.body.conference.participants.map((participant: { role: string }) => participant.role)).toEqual(['geriatrician']);
  });
});

describe('lobby notices across nodes', () => {
  const cluster = nodesSuite();

  it('a relative opening her link on one node shows in the lobby of the host connected to the other, and rings her page there', async () => {
    const [a, b] = await Promise.all([cluster.node(), cluster.node()]);
    const { fresh } = cluster;
    const scene = await createConferenceScene(fresh.db.prisma);
    const relative = await invitedRelative(fresh.db, scene);
    const host = await cluster.connect(b.url, scene.nurse.cookie);
    const lobby = new Promise((resolve) => host.once('conference:changed', resolve));
    expect((await api(a.url, null, 'POST', `/join/${relative.token}`)).status).toBe(200);
    expect(await lobby).toEqual({ conferenceId: scene.conference.id });

    await homeWithVideoConsent(fresh.db, scene);
    const geriatrician = await teamGeriatrician(fresh.db);
    const daughter = await cluster.connect(b.url, scene.daughter.cookie);
    const asked = await api(b.url, scene.daughter.cookie, 'POST', `/episodes/${scene.episode.id}/advice-requests`, { channel: 'video', question: 'Hun spiser ikke.', urgency: 'urgent', requesterContact: '+4512345678' });
    const ringing = new Promise((resolve) => daughter.once('call:ringing', resolve));
    const called = await api(a.url, geriatrician.cookie, 'POST', `/advice-requests/${asked.body.adviceRequest.id}/call-back`);
    expect(await ringing).toEqual({ conferenceId: called.body.conference.id });
  });
});
