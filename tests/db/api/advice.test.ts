import { addCalendarDays } from '@samplan/shared';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hashPassword } from '@samplan/server/auth/password.ts';
import { DATABASE_KINDS } from '../../support/database-targets.ts';
import { type ApiServer, SCENARIO_NOW, startApiServer, tokenOf } from './harness.ts';
import { freshAdvice } from './scene.ts';

const MINUTE = 60_000;
const isbar = { identify: 'Ella Sørensen', situation: 'Forvirret, drikker lidt', background: 'KOL, hjem for fem dage siden', assessment: 'Dehydrering', recommendation: 'Væske, egen læge i morgen' };

describe.each(DATABASE_KINDS)('the 7-day advice line on %s', (kind) => {
  let server: ApiServer;
  let ella: { id: string; dischargedAt: Date; patientId: string };
  let karenEpisodeId: string;
  beforeAll(async () => {
    server = await startApiServer(kind);
    const db = server.fresh.db.prisma;
    const row = await db.episode.findFirstOrThrow({ where: { patient: { name: 'Ella Sørensen' } } });
    ella = { id: row.id, dischargedAt: row.dischargedAt as Date, patientId: row.patientId };
    karenEpisodeId = (await db.episode.findFirstOrThrow({ where: { status: 'admitted' } })).id;
  });
  afterAll(() => server?.close());
  beforeEach(() => server.clock.set(SCENARIO_NOW));

  const ask = { channel: 'phone', question: 'Hun vil ikke drikke. Hvad gør vi?', requesterContact: '+45 20 30 40 50', urgency: 'urgent' } as const;

  it('takes a request from the patient until the seventh day after discharge, then refuses it with when it closed and where to turn', async () => {
    const closes = addCalendarDays(ella.dischargedAt, 7);
    server.clock.set(new Date(closes.getTime() - 30 * MINUTE));
    const nurse = await server.login('sygeplejerske@horsens.demo');
    const scheduled = await nurse.post(`/episodes/${ella.id}/conferences`, { kind: 'follow_up' });
    const invited = await nurse.post(`/conferences/${scheduled.body.conference.id}/participants`, { kind: 'patient' });
    const patient = await server.join(tokenOf(invited.body.joinLink.path));
    const municipality = await server.login('hjemmesygeplejerske@odder.demo');
    const before = await patient.get(`/episodes/${ella.id}/advice-requests`);
    expect(before.body.adviceWindow).toEqual({ state: 'open', opensAt: ella.dischargedAt.toISOString(), closesAt: closes.toISOString(), msLeft: 30 * MINUTE });

    server.clock.set(new Date(closes.getTime() - MINUTE));
    const open = await patient.post(`/episodes/${ella.id}/advice-requests`, ask);
    expect(open.status, open.text).toBe(201);
    expect(open.body.adviceRequest).toMatchObject({ requestedBy: 'patient', requesterName: 'Ella Sørensen', state: 'open', msLeft: MINUTE, windowClosesAt: closes.toISOString() });

    server.clock.set(closes);
    for (const asker of [patient, municipality]) {
      const refused = await asker.post(`/episodes/${ella.id}/advice-requests`, ask);
      expect(refused.status).toBe(422);
      expect(refused.body.error).toEqual({
        code: 'REFUSED',
        message: 'The geriatric advice line is open for seven days after discharge.',
        refusal: { code: 'ADVICE_WINDOW_CLOSED', closedAt: closes.toISOString(), turnTo: ['gp', 'out_of_hours_doctor', 'medical_helpline_1813'], whenAcute: 'emergency_112' },
      });
    }
    expect((await patient.get(`/episodes/${ella.id}/advice-requests`)).body.adviceWindow).toEqual({ state: 'closed', opensAt: ella.dischargedAt.toISOString(), closedAt: closes.toISOString() });
    const denied = await server.fresh.db.prisma.auditEvent.count({ where: { patientId: ella.patientId, action: 'create', resourceType: 'AdviceRequest', outcome: 'denied', at: { gte: new Date(Date.now() - 60_000) } } });
    expect(denied).toBe(2);
  });

  it('sends someone asking while the patient is still admitted to the ward', async () => {
    const gp = await server.login('laege@rosensgade.demo');
    const refused = await gp.post(`/episodes/${karenEpisodeId}/advice-requests`, ask);
    expect(refused.status).toBe(422);
    expect(refused.body.error.refusal).toEqual({ code: 'ADVICE_WINDOW_NOT_OPEN', turnTo: ['ward'], whenAcute: 'emergency_112' });
  });

  it("queues requests for the geriatric team, acute first, with each window's time left; closed windows drop out", async () => {
    const db = server.fresh.db.prisma;
    const acute = await db.adviceRequest.create({
      data: { episodeId: ella.id, requestedBy: 'gp', requesterName: 'Ole Bach', channel: 'video', question: 'Akut delir?', urgency: 'acute', createdAt: SCENARIO_NOW },
    });
    const geriatrician = await server.login('geriater@horsens.demo');
    const queue = await geriatrician.get('/advice-requests');
    expect(queue.status).toBe(200);
    const ours = (queue.body.adviceRequests as Array<{ id: string; urgency: string; episodeId: string; msLeft: number }>).filter((request) => request.episodeId === ella.id);
    expect(ours[0]).toMatchObject({ id: acute.id, urgency: 'acute', msLeft: addCalendarDays(ella.dischargedAt, 7).getTime() - SCENARIO_NOW.getTime() });
    expect(ours.slice(1).every((request) => request.urgency !== 'acute')).toBe(true);

    server.clock.set(addCalendarDays(ella.dischargedAt, 8));
    const later = await server.login('geriater@horsens.demo');
    const after = (await later.get('/advice-requests')).body.adviceRequests as Array<{ episodeId: string }>;
    expect(after.some((request) => request.episodeId === ella.id)).toBe(false);
  });

  it('lets one geriatrician take a request; the second is told who has it', async () => {
    const db = server.fresh.db.prisma;
    const clinic = await db.organisation.findFirstOrThrow({ where: { name: { contains: 'Geriatrisk' } } });
    await db.staffUser.create({ data: { login: 'geriater2@horsens.demo', name: 'Lene Krog', role: 'geriatrician', organisationId: clinic.id, passwordHash: await hashPassword('second-geriatrician') } });
    const first = await server.login('geriater@horsens.demo');
    const second = await server.login('geriater2@horsens.demo', 'second-geriatrician');
    const requestId = await freshAdvice(db, ella.id);
    const answers = await Promise.all([first.post(`/advice-requests/${requestId}/take`), second.post(`/advice-requests/${requestId}/take`)]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    const lost = answers.find((answer) => answer.status === 409)!;
    const winner = answers.find((answer) => answer.status === 200)!.body.adviceRequest.takenBy.name as string;
    expect(lost.body.error.message).toBe(`${winner} has taken the request.`);
  });

  it('answers in an advice call with an ISBAR note the patient sees only once it is given', async () => {
    const db = server.fresh.db.prisma;
    const geriatrician = await server.login('geriater@horsens.demo');
    const requestId = await freshAdvice(db, ella.id);
    expect((await geriatrician.post(`/advice-requests/${requestId}/take`)).status).toBe(200);
    const call = await geriatrician.post(`/episodes/${ella.id}/conferences`, { kind: 'advice_call', adviceRequestId: requestId });
    expect(call.status, call.text).toBe(201);
    expect(call.body.conference).toMatchObject({ kind: 'advice_call', plannedDurationMinutes: 20, scheduledStart: SCENARIO_NOW.toISOString() });
    const guestLink = await geriatrician.post(`/conferences/${call.body.conference.id}/participants`, { kind: 'patient' });
    const patient = await server.join(tokenOf(guestLink.body.joinLink.path));
    const seen = async () => ((await patient.get(`/episodes/${ella.id}/advice-requests`)).body.adviceRequests as Array<{ id: string; isbar: unknown; state: string }>).find((request) => request.id === requestId);

    const draft = await geriatrician.put(`/advice-requests/${requestId}/isbar`, { situation: 'Forvirret' });
    expect(draft.body.adviceRequest.isbar).toEqual({ situation: 'Forvirret' });
    expect(await seen()).toMatchObject({ state: 'taken', isbar: null });

    const answered = await geriatrician.post(`/advice-requests/${requestId}/answer`, { channel: 'video', conferenceId: call.body.conference.id, isbar });
    expect(answered.status, answered.text).toBe(200);
    expect(answered.body.adviceRequest).toMatchObject({ state: 'answered', answerChannel: 'video', adviceConferenceId: call.body.conference.id, answeredAt: SCENARIO_NOW.toISOString() });
    expect(await seen()).toMatchObject({ state: 'answered', isbar });
    expect((await geriatrician.post(`/advice-requests/${requestId}/answer`, { channel: 'phone', isbar })).status).toBe(409);
  });

  it('lets the geriatrician who took a request answer it after the window closed, and nobody take it then', async () => {
    const db = server.fresh.db.prisma;
    const closes = addCalendarDays(ella.dischargedAt, 7);
    server.clock.set(new Date(closes.getTime() - 5 * MINUTE));
    const geriatrician = await server.login('geriater@horsens.demo');
    const taken = await freshAdvice(db, ella.id);
    const untaken = await freshAdvice(db, ella.id);
    await db.adviceRequest.updateMany({ where: { id: { in: [taken, untaken] } }, data: { createdAt: new Date(closes.getTime() - 10 * MINUTE) } });
    expect((await geriatrician.post(`/advice-requests/${taken}/take`)).status).toBe(200);

    server.clock.set(new Date(closes.getTime() + 20 * MINUTE));
    expect((await geriatrician.post(`/advice-requests/${untaken}/take`)).status).toBe(404);
    const answered = await geriatrician.post(`/advice-requests/${taken}/answer`, { channel: 'phone', isbar });
    expect(answered.status, answered.text).toBe(200);
    expect(answered.body.adviceRequest).toMatchObject({ state: 'answered', answeredAt: new Date(closes.getTime() + 20 * MINUTE).toISOString() });
  });

  it('refuses an advice call outside the window, and answering in a conference of another kind', async () => {
    const geriatrician = await server.login('geriater@horsens.demo');
    const late = await geriatrician.post(`/episodes/${ella.id}/conferences`, { kind: 'advice_call', scheduledStart: addCalendarDays(ella.dischargedAt, 7).toISOString() });
    expect(late.status).toBe(422);
    expect(late.body.error.refusal.code).toBe('ADVICE_WINDOW_CLOSED');

    const requestId = await freshAdvice(server.fresh.db.prisma, ella.id);
    await geriatrician.post(`/advice-requests/${requestId}/take`);
    const followUp = await server.fresh.db.prisma.conference.findFirstOrThrow({ where: { episodeId: ella.id, kind: 'follow_up' } });
    const wrong = await geriatrician.post(`/advice-requests/${requestId}/answer`, { channel: 'video', conferenceId: followUp.id, isbar });
    expect(wrong.status).toBe(404);
  });
});
