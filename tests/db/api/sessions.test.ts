import { addCalendarDays } from '@samplan/shared';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hashPassword } from '@samplan/server/auth/password.ts';
import { verifyRoomToken } from '@samplan/server/auth/roomToken.ts';
import { DATABASE_KINDS } from '../../support/database-targets.ts';
import { type ApiClient, type ApiServer, SCENARIO_NOW, startApiServer, tokenOf } from './harness.ts';

const HOUR = 3_600_000;

describe.each(DATABASE_KINDS)('sessions and join links on %s', (kind) => {
  let server: ApiServer;
  let nurse: ApiClient;
  let followUpId: string;
  beforeAll(async () => {
    server = await startApiServer(kind);
    nurse = await server.login('sygeplejerske@horsens.demo');
    followUpId = (await server.fresh.db.prisma.conference.findFirstOrThrow({ where: { kind: 'follow_up' } })).id;
  });
  afterAll(() => server?.close());
  beforeEach(async () => {
    server.clock.set(SCENARIO_NOW);
    nurse = await server.login('sygeplejerske@horsens.demo');
  });

  const inviteRelative = async (conferenceId = followUpId) => {
    const answer = await nurse.post(`/conferences/${conferenceId}/participants`, { kind: 'guest', role: 'relative', name: 'Lise Nabo', phone: '+45 20 20 20 20' });
    expect(answer.status, answer.text).toBe(201);
    return answer.body as { participant: { id: string }; joinLink: { token: string; path: string; expiresAt: string } };
  };

  it('signs staff in with an HttpOnly, SameSite=Lax session cookie, not Secure over plain http', async () => {
    const answer = await server.client().post('/auth/login', { login: 'Sygeplejerske@Horsens.demo', password: 'samplan-demo' });
    expect(answer.status).toBe(200);
    expect(answer.body.principal).toMatchObject({ kind: 'staff', name: 'Mette Lund', role: 'nurse', organisation: { sector: 'hospital' }, geriatricTeam: false });
    expect(answer.body.allowedActions).toContain('consent:record');
    const cookie = answer.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^samplan_session=[^;]+; Max-Age=3600; Path=\/; Expires=[^;]+; HttpOnly; SameSite=Lax$/);
  });

  it('answers a wrong password, an unknown login and a deactivated account alike', async () => {
    const db = server.fresh.db.prisma;
    await db.staffUser.update({ where: { login: 'terapeut@horsens.demo' }, data: { deactivatedAt: SCENARIO_NOW } });
    const answers = await Promise.all([
      server.client().post('/auth/login', { login: 'laege@horsens.demo', password: 'wrong' }),
      server.client().post('/auth/login', { login: 'nobody@horsens.demo', password: 'samplan-demo' }),
      server.client().post('/auth/login', { login: 'terapeut@horsens.demo', password: 'samplan-demo' }),
    ]);
    for (const answer of answers) {
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual({ error: { code: 'UNAUTHORIZED', message: 'The login or password is wrong.' } });
      expect(answer.headers.get('set-cookie')).toBeNull();
    }
  });

  it('ends a session at logout, also for a copy of the cookie', async () => {
    const doctor = await server.login('laege@horsens.demo');
    expect((await doctor.get('/auth/me')).status).toBe(200);
    const logout = await doctor.post('/auth/logout');
    expect(logout.status).toBe(204);
    expect(logout.headers.get('set-cookie')).toMatch(/^samplan_session=; Path=\/; Expires=Thu, 01 Jan 1970/);
    expect((await doctor.get('/auth/me')).status).toBe(401);
  });

  it('keeps a logout across a restart: the old cookie is refused, and not renewed', async () => {
    const doctor = await server.login('laege@horsens.demo');
    const copy = server.client(doctor.cookie);
    expect((await doctor.post('/auth/logout')).status).toBe(204);
    await server.restart();
    // Old enough to be renewed, were it still a session.
    server.clock.set(new Date(SCENARIO_NOW.getTime() + 10 * 60_000));
    const answer = await copy.get('/auth/me');
    expect(answer.status).toBe(401);
    expect(answer.headers.get('set-cookie')).toBeNull();
  });

  it('keeps a session that was not ended across a restart', async () => {
    const coordinator = await server.login('koordinator@horsens.demo');
    await server.restart();
    expect((await coordinator.get('/auth/me')).status).toBe(200);
  });

  it('ends every open session of a staff user whose password changes, on whatever path it changes', async () => {
    const db = server.fresh.db.prisma;
    const [desk, phone] = [await server.login('visitator@odder.demo'), await server.login('visitator@odder.demo')];
    const { id } = await db.staffUser.findUniqueOrThrow({ where: { login: 'visitator@odder.demo' } });
    expect(await db.authSession.count({ where: { staffUserId: id } })).toBe(2);
    await db.staffUser.update({ where: { id }, data: { passwordHash: await hashPassword('a-new-password-for-lone') } });
    expect(await db.authSession.count({ where: { staffUserId: id } })).toBe(0);
    for (const device of [desk, phone]) expect((await device.get('/auth/me')).status).toBe(401);
    expect((await server.client().post('/auth/login', { login: 'visitator@odder.demo', password: 'a-new-password-for-lone' })).status).toBe(200);
  });

  it('ends the open sessions of a deactivated staff user for good: reactivation does not bring them back', async () => {
    const db = server.fresh.db.prisma;
    const homeNurse = await server.login('hjemmesygeplejerske@odder.demo');
    await db.staffUser.update({ where: { login: 'hjemmesygeplejerske@odder.demo' }, data: { deactivatedAt: SCENARIO_NOW } });
    expect((await homeNurse.get('/auth/me')).status).toBe(401);
    await db.staffUser.update({ where: { login: 'hjemmesygeplejerske@odder.demo' }, data: { deactivatedAt: null } });
    expect((await homeNurse.get('/auth/me')).status).toBe(401);
    expect((await server.login('hjemmesygeplejerske@odder.demo').then((again) => again.get('/auth/me'))).status).toBe(200);
  });

  it('leaves the sessions of a staff user alone when nothing about signing in changed', async () => {
    const db = server.fresh.db.prisma;
    const gp = await server.login('laege@rosensgade.demo');
    await db.staffUser.update({ where: { login: 'laege@rosensgade.demo' }, data: { name: 'Ole Bach Jensen' } });
    expect((await gp.get('/auth/me')).body.principal.name).toBe('Ole Bach Jensen');
    await db.staffUser.update({ where: { login: 'laege@rosensgade.demo' }, data: { name: 'Ole Bach' } });
  });

  it('lapses after an hour unused, and is renewed while in use', async () => {
    const gp = await server.login('laege@rosensgade.demo');
    const stale = server.client(gp.cookie);
    server.clock.set(new Date(SCENARIO_NOW.getTime() + 50 * 60_000));
    const renewed = await gp.get('/auth/me');
    expect(renewed.status).toBe(200);
    expect(renewed.headers.get('set-cookie')).toMatch(/^samplan_session=/);
    server.clock.set(new Date(SCENARIO_NOW.getTime() + 100 * 60_000));
    expect((await stale.get('/auth/me')).status).toBe(401);
    expect((await gp.get('/auth/me')).status).toBe(200);
  });

  it('turns a join link into a guest session in the lobby; the link is shown once and only its hash is stored', async () => {
    const invited = await inviteRelative();
    expect(invited.joinLink.path).toBe(`/join/${invited.joinLink.token}`);
    const stored = await server.fresh.db.prisma.participant.findUniqueOrThrow({ where: { id: invited.participant.id } });
    expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(invited.joinLink.token);
    const conference = await nurse.get(`/conferences/${followUpId}`);
    expect(conference.text).not.toContain(invited.joinLink.token);

    const guest = await server.join(invited.joinLink.token);
    const me = await guest.get('/auth/me');
    expect(me.body.principal).toMatchObject({ kind: 'participant', participantId: invited.participant.id, conferenceId: followUpId, role: 'relative', name: 'Lise Nabo' });
    expect(me.body.allowedActions).toEqual(['plan:read', 'plan:edit-wishes', 'plan:comment', 'plan:agree', 'conference:join', 'advice:request']);
    const lobby = (await nurse.get(`/conferences/${followUpId}`)).body.conference.participants.find((p: { id: string }) => p.id === invited.participant.id);
    expect(lobby.lobbyState).toBe('waiting');
    // A guest sees who takes part, not their contact details or links.
    const seen = await guest.get(`/conferences/${followUpId}`);
    expect(seen.status).toBe(200);
    expect(seen.body.conference.participants.every((p: { contact: unknown; link: unknown }) => p.contact === null && p.link === null)).toBe(true);
  });

  it('gives a room token only once the host has admitted a guest, naming the conference and the person', async () => {
    const invited = await inviteRelative();
    const guest = await server.join(invited.joinLink.token);
    const waiting = await guest.post(`/conferences/${followUpId}/room-token`);
    expect(waiting.status).toBe(403);
    expect((await nurse.post(`/conferences/${followUpId}/participants/${invited.participant.id}/lobby`, { state: 'admitted' })).status).toBe(200);
    const admitted = await guest.post(`/conferences/${followUpId}/room-token`);
    expect(admitted.status).toBe(200);
    const claims = await verifyRoomToken(admitted.body.token, server.samplan.config.secret);
    expect(claims).toEqual({
      kind: 'conference',
      participantId: invited.participant.id,
      role: 'relative',
      displayName: 'Lise Nabo',
      conferenceId: followUpId,
      principal: { kind: 'participant', participantId: invited.participant.id },
    });
    const staff = await nurse.post(`/conferences/${followUpId}/room-token`);
    expect(await verifyRoomToken(staff.body.token, server.samplan.config.secret)).toMatchObject({ role: 'hospital', displayName: 'Mette Lund', principal: { kind: 'staff' } });
    expect((await nurse.get(`/conferences/${followUpId}`)).body.conference.status).toBe('open');
  });

  it('stops a revoked link and the session it opened at once', async () => {
    const invited = await inviteRelative();
    const guest = await server.join(invited.joinLink.token);
    const revoke = await nurse.post(`/conferences/${followUpId}/participants/${invited.participant.id}/revoke`);
    expect(revoke.status).toBe(200);
    expect(revoke.body.participant.link.revokedAt).toBe(SCENARIO_NOW.toISOString());
    expect((await guest.get('/auth/me')).status).toBe(401);
    const again = await server.client().post(`/join/${invited.joinLink.token}`);
    expect(again.status).toBe(401);
    expect(again.body.error.code).toBe('UNAUTHORIZED');
  });

  it('stops a removed guest at once', async () => {
    const invited = await inviteRelative();
    const guest = await server.join(invited.joinLink.token);
    expect((await nurse.post(`/conferences/${followUpId}/participants/${invited.participant.id}/lobby`, { state: 'removed' })).status).toBe(200);
    expect((await guest.get(`/conferences/${followUpId}`)).status).toBe(401);
  });

  it('expires a link an hour after the conference was planned to end, session included', async () => {
    // Still admitted, so no advice window keeps the link open after the meeting.
    const karen = await server.fresh.db.prisma.episode.findFirstOrThrow({ where: { status: 'admitted' } });
    const scheduled = await nurse.post(`/episodes/${karen.id}/conferences`, { kind: 'discharge_conference', scheduledStart: new Date(SCENARIO_NOW.getTime() + HOUR).toISOString(), plannedDurationMinutes: 30 });
    expect(scheduled.status, scheduled.text).toBe(201);
    const conferenceId = scheduled.body.conference.id as string;
    const invited = await inviteRelative(conferenceId);
    expect(invited.joinLink.expiresAt).toBe(new Date(SCENARIO_NOW.getTime() + 2.5 * HOUR).toISOString());
    const guest = await server.join(invited.joinLink.token);
    // In use all along (renewed every few minutes), so only the link's end can stop it.
    for (const at of [0.8, 1.6, 2.4, 2.5 - 1 / 3600]) {
      server.clock.set(new Date(SCENARIO_NOW.getTime() + at * HOUR));
      expect((await guest.get('/auth/me')).status, `at +${at} h`).toBe(200);
    }
    server.clock.set(new Date(SCENARIO_NOW.getTime() + 2.5 * HOUR));
    expect((await guest.get('/auth/me')).status).toBe(401);
    expect((await server.client().post(`/join/${invited.joinLink.token}`)).status).toBe(401);
  });

  it('after a conference ended, opens its link for the advice line while the 7-day window is open, then says the conference is over', async () => {
    const ella = await server.fresh.db.prisma.episode.findFirstOrThrow({ where: { patient: { name: 'Ella Sørensen' } } });
    const scheduled = await nurse.post(`/episodes/${ella.id}/conferences`, { kind: 'follow_up', plannedDurationMinutes: 120 });
    const conferenceId = scheduled.body.conference.id as string;
    const invited = await inviteRelative(conferenceId);
    const ended = await nurse.post(`/conferences/${conferenceId}/end`);
    expect(ended.status).toBe(200);
    expect(ended.body.conference.participants.find((p: { id: string }) => p.id === invited.participant.id).link.expiresAt).toBe(new Date(SCENARIO_NOW.getTime() + HOUR).toISOString());

    server.clock.set(new Date(SCENARIO_NOW.getTime() + 2 * HOUR));
    const relative = await server.join(invited.joinLink.token);
    expect((await relative.get(`/conferences/${conferenceId}`)).body.conference.status).toBe('ended');
    expect((await relative.post(`/conferences/${conferenceId}/room-token`)).status).toBe(410);
    const advice = await relative.get(`/episodes/${ella.id}/advice-requests`);
    expect(advice.body.adviceWindow.state).toBe('open');
    const asked = await relative.post(`/episodes/${ella.id}/advice-requests`, { channel: 'phone', question: 'Hun sover meget. Er det medicinen?', requesterContact: '+45 20 20 20 20', urgency: 'routine' });
    expect(asked.status, asked.text).toBe(201);

    server.clock.set(addCalendarDays(ella.dischargedAt as Date, 7));
    expect((await relative.get('/auth/me')).status).toBe(401);
    const answer = await server.client().post(`/join/${invited.joinLink.token}`);
    expect(answer.status).toBe(410);
    expect(answer.body.error.code).toBe('ROOM_CLOSED');
  });

  it('answers an unknown link like a revoked one, and audits a refused link', async () => {
    const unknown = await server.client().post(`/join/${'A'.repeat(43)}`);
    expect(unknown.status).toBe(401);
    const invited = await inviteRelative();
    await nurse.post(`/conferences/${followUpId}/participants/${invited.participant.id}/revoke`);
    await server.client().post(`/join/${invited.joinLink.token}`);
    const rows = await server.fresh.db.prisma.auditEvent.findMany({ where: { actorId: invited.participant.id, action: 'redeem-link' } });
    expect(rows.map((row) => row.outcome)).toEqual(['denied']);
  });

  it('keeps a guest to their own conference: no other conference, no staff route, no other episode', async () => {
    const invited = await inviteRelative();
    const guest = await server.join(invited.joinLink.token);
    const karen = await server.fresh.db.prisma.conference.findFirstOrThrow({ where: { kind: 'goal_conversation' } });
    expect((await guest.get(`/conferences/${karen.id}`)).status).toBe(404);
    expect((await guest.get('/episodes')).status).toBe(403);
    expect((await guest.get(`/episodes/${karen.episodeId}/advice-requests`)).status).toBe(404);
  });

  it('tells the geriatrician apart: the geriatric team, with a window that closes', async () => {
    const geriatrician = await server.login('geriater@horsens.demo');
    const me = await geriatrician.get('/auth/me');
    expect(me.body.principal.geriatricTeam).toBe(true);
    const names = async () => ((await geriatrician.get('/episodes')).body.episodes as Array<{ patient: { name: string } }>).map((episode) => episode.patient.name).sort();
    expect(await names()).toEqual(['Ella Sørensen', 'Poul Erik Nielsen']);
    server.clock.set(addCalendarDays(SCENARIO_NOW, 3));
    const later = await server.login('geriater@horsens.demo');
    expect(((await later.get('/episodes')).body.episodes as Array<{ patient: { name: string } }>).map((episode) => episode.patient.name)).toEqual(['Poul Erik Nielsen']);
  });
});
