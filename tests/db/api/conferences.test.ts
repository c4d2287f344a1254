import { addCalendarDays, atLocalTime, PROTOCOL_VERSION } from '@samplan/shared';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../../support/database-targets.ts';
import { type ApiClient, type ApiServer, SCENARIO_NOW, startApiServer } from './harness.ts';

const HOUR = 3_600_000;

describe.each(DATABASE_KINDS)('conferences on %s', (kind) => {
  let server: ApiServer;
  let nurse: ApiClient;
  let karen: { id: string; admittedAt: Date };
  let ella: { id: string; dischargedAt: Date };
  beforeAll(async () => {
    server = await startApiServer(kind);
    const db = server.fresh.db.prisma;
    const admitted = await db.episode.findFirstOrThrow({ where: { status: 'admitted' } });
    karen = { id: admitted.id, admittedAt: admitted.admittedAt };
    const home = await db.episode.findFirstOrThrow({ where: { patient: { name: 'Ella Sørensen' } } });
    ella = { id: home.id, dischargedAt: home.dischargedAt as Date };
  });
  afterAll(() => server?.close());
  beforeEach(async () => {
    server.clock.set(SCENARIO_NOW);
    nurse = await server.login('sygeplejerske@horsens.demo');
  });

  it('schedules a goal conversation of 45 minutes, by default at the pathway time or now if that has passed', async () => {
    // Karen was admitted yesterday 15:30; day 2 at 10:00 is this morning, before the scenario's 13:00.
    const answer = await nurse.post(`/episodes/${karen.id}/conferences`, { kind: 'goal_conversation' });
    expect(answer.status, answer.text).toBe(201);
    expect(answer.body.conference).toMatchObject({ kind: 'goal_conversation', plannedDurationMinutes: 45, scheduledStart: SCENARIO_NOW.toISOString(), status: 'scheduled', host: { name: 'Mette Lund' } });
    expect(answer.body.conference.participants).toEqual([expect.objectContaining({ role: 'hospital', name: 'Mette Lund', lobbyState: 'admitted', link: null })]);
    expect(answer.body.advisories).toEqual([]);
  });

  it('suggests day 2 at 10:00 while it is ahead', async () => {
    server.clock.set(new Date(karen.admittedAt.getTime() + HOUR));
    const coordinator = await server.login('koordinator@horsens.demo');
    const answer = await coordinator.post(`/episodes/${karen.id}/conferences`, { kind: 'goal_conversation' });
    expect(answer.body.conference.scheduledStart).toBe(atLocalTime(karen.admittedAt, 1, 10, 0).toISOString());
  });

  it('allows a goal conversation on day 3 with an advisory, and refuses the past, a discharge conference after discharge and a follow-up before it', async () => {
    const dayThree = atLocalTime(karen.admittedAt, 2, 10, 0);
    const late = await nurse.post(`/episodes/${karen.id}/conferences`, { kind: 'goal_conversation', scheduledStart: dayThree.toISOString() });
    expect(late.status).toBe(201);
    expect(late.body.advisories).toEqual([{ code: 'OUTSIDE_GOAL_CONVERSATION_DAYS', recommendedFrom: karen.admittedAt.toISOString(), recommendedUntil: atLocalTime(karen.admittedAt, 2, 0, 0).toISOString() }]);

    const refusals = [
      [karen.id, { kind: 'goal_conversation', scheduledStart: new Date(SCENARIO_NOW.getTime() - HOUR).toISOString() }, { code: 'STARTS_IN_PAST' }],
      [ella.id, { kind: 'discharge_conference' }, { code: 'AFTER_DISCHARGE', dischargedAt: ella.dischargedAt.toISOString() }],
      [karen.id, { kind: 'follow_up' }, { code: 'NOT_DISCHARGED_YET' }],
    ] as const;
    for (const [episodeId, body, refusal] of refusals) {
      const answer = await nurse.post(`/episodes/${episodeId}/conferences`, body);
      expect(answer.status).toBe(422);
      expect(answer.body.error).toMatchObject({ code: 'REFUSED', refusal });
    }
  });

  it('invites staff of the care team without a link, and refuses staff outside it', async () => {
    const db = server.fresh.db.prisma;
    const scheduled = await nurse.post(`/episodes/${ella.id}/conferences`, { kind: 'follow_up', scheduledStart: addCalendarDays(SCENARIO_NOW, 1).toISOString() });
    const conferenceId = scheduled.body.conference.id as string;
    const homeNurse = await db.staffUser.findUniqueOrThrow({ where: { login: 'hjemmesygeplejerske@odder.demo' } });
    const outsider = await db.staffUser.findUniqueOrThrow({ where: { login: 'hjemmesygeplejerske@skanderborg.demo' } });
    const invited = await nurse.post(`/conferences/${conferenceId}/participants`, { kind: 'staff', staffId: homeNurse.id });
    expect(invited.status).toBe(201);
    expect(invited.body).toMatchObject({ participant: { role: 'municipality', name: 'Jesper Friis', staffId: homeNurse.id, lobbyState: 'invited' }, joinLink: null });
    expect((await nurse.post(`/conferences/${conferenceId}/participants`, { kind: 'staff', staffId: homeNurse.id })).status).toBe(409);
    const refused = await nurse.post(`/conferences/${conferenceId}/participants`, { kind: 'staff', staffId: outsider.id });
    expect(refused.status).toBe(400);
    expect(refused.body.error.issues).toEqual([{ path: 'staffId', message: 'is not in the care team of this episode' }]);
    const otherPatientsRelative = await db.relative.findFirstOrThrow({ where: { patient: { name: 'Poul Erik Nielsen' } } });
    expect((await nurse.post(`/conferences/${conferenceId}/participants`, { kind: 'relative', relativeId: otherPatientsRelative.id })).status).toBe(404);
  });

  it('closes the call for everyone in it when the conference ends, with no rejoin', async () => {
    const scheduled = await nurse.post(`/episodes/${ella.id}/conferences`, { kind: 'follow_up' });
    const conferenceId = scheduled.body.conference.id as string;
    const { token } = (await nurse.post(`/conferences/${conferenceId}/room-token`)).body as { token: string };
    const socket: Socket = connect(server.samplan.url, { transports: ['websocket'], auth: { protocolVersion: PROTOCOL_VERSION }, forceNew: true });
    try {
      const ask = (name: string, payload: unknown) => new Promise<{ ok: boolean; data?: any }>((resolve) => socket.emit(name, payload, resolve));
      const capabilities = await ask('room:capabilities', { token });
      const joined = await ask('room:join', { token, displayName: 'Mette Lund', rtpCapabilities: capabilities.data.routerRtpCapabilities });
      expect(joined.ok).toBe(true);
      expect(server.samplan.media.stats()).toMatchObject({ rooms: 1, peers: 1 });
      const closed = new Promise((resolve) => socket.once('room:closed', resolve));
      expect((await nurse.post(`/conferences/${conferenceId}/end`)).status).toBe(200);
      expect(await closed).toEqual({ reason: 'ended', rejoin: false });
      expect(server.samplan.media.stats()).toMatchObject({ rooms: 0, peers: 0, routers: 0 });
    } finally {
      socket.disconnect();
    }
  });

  it('cancels once, and neither ends nor invites to a cancelled conference', async () => {
    const scheduled = await nurse.post(`/episodes/${ella.id}/conferences`, { kind: 'follow_up' });
    const conferenceId = scheduled.body.conference.id as string;
    expect((await nurse.post(`/conferences/${conferenceId}/cancel`)).body.conference.status).toBe('cancelled');
    expect((await nurse.post(`/conferences/${conferenceId}/cancel`)).status).toBe(409);
    expect((await nurse.post(`/conferences/${conferenceId}/end`)).status).toBe(409);
    expect((await nurse.post(`/conferences/${conferenceId}/participants`, { kind: 'patient' })).status).toBe(409);
    expect((await nurse.post(`/conferences/${conferenceId}/room-token`)).status).toBe(410);
  });

  it('lists the episode’s conferences in the protocol’s kinds, oldest first', async () => {
    const geriatrician = await server.login('geriater@horsens.demo');
    await geriatrician.post(`/episodes/${ella.id}/conferences`, { kind: 'advice_call' });
    const list = await nurse.get(`/episodes/${ella.id}/conferences`);
    const kinds = (list.body.conferences as Array<{ kind: string; scheduledStart: string }>).map((conference) => conference.kind);
    expect(kinds).toContain('advice_call');
    expect(kinds).not.toContain('geriatric_advice');
    const starts = (list.body.conferences as Array<{ scheduledStart: string }>).map((conference) => conference.scheduledStart);
    expect([...starts].sort()).toEqual(starts);
  });

  it('shows the day: conferences today and this week, advice waiting, discharges awaiting reception, follow-ups due', async () => {
    const homeNurse = await server.login('hjemmesygeplejerske@skanderborg.demo');
    const day = await homeNurse.get('/day');
    expect(day.status).toBe(200);
    // Skanderborg takes part only in Poul Erik Nielsen's episode: discharged this morning, screened 27.
    expect(day.body.dischargesAwaitingReception).toEqual([
      expect.objectContaining({ patient: expect.objectContaining({ name: 'Poul Erik Nielsen', cpr: '050741-****' }), msLeft: expect.any(Number) }),
    ]);
    expect(day.body.followUpsDue).toEqual([expect.objectContaining({ patient: expect.objectContaining({ name: 'Poul Erik Nielsen' }), recommended: true, followUpConferenceId: null })]);
    expect(day.body.openAdviceRequests).toEqual([]);
    expect(day.text).not.toContain('Ella');

    const odder = await server.login('hjemmesygeplejerske@odder.demo');
    const odderDay = (await odder.get('/day')).body;
    expect(odderDay.conferences).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'follow_up', when: 'this_week', involvesMe: true })]));
    expect(odderDay.openAdviceRequests).toEqual(expect.arrayContaining([expect.objectContaining({ patient: expect.objectContaining({ name: 'Ella Sørensen' }), urgency: 'urgent', taken: false })]));
  });
});
