import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../../support/database-targets.ts';
import { type ApiClient, type ApiServer, startApiServer } from './harness.ts';

const isbar = { identify: 'I', situation: 'S', background: 'B', assessment: 'A', recommendation: 'R' };

describe.each(DATABASE_KINDS)('bad input on %s', (kind) => {
  let server: ApiServer;
  let nurse: ApiClient;
  let geriatrician: ApiClient;
  let ids: { episode: string; conference: string; participant: string; advice: string };
  beforeAll(async () => {
    server = await startApiServer(kind);
    nurse = await server.login('sygeplejerske@horsens.demo');
    geriatrician = await server.login('geriater@horsens.demo');
    const db = server.fresh.db.prisma;
    const conference = await db.conference.findFirstOrThrow({ where: { kind: 'follow_up' }, include: { episode: { include: { adviceRequests: true } } } });
    const participant = await nurse.post(`/conferences/${conference.id}/participants`, { kind: 'patient' });
    ids = { episode: conference.episodeId, conference: conference.id, participant: participant.body.participant.id, advice: conference.episode.adviceRequests[0]!.id };
  });
  afterAll(() => server?.close());

  // [who, method, path, body, fields the answer must name]
  const cases: Array<[string, 'GET' | 'POST' | 'PUT', (i: typeof ids) => string, unknown, string[]]> = [
    ['anyone', 'POST', () => '/auth/login', {}, ['login', 'password']],
    ['anyone', 'POST', () => '/auth/login', { login: 'x'.repeat(201), password: 1 }, ['login', 'password']],
    ['anyone', 'POST', () => '/join/too-short', undefined, ['linkToken']],
    ['nurse', 'GET', () => '/episodes/not-a-uuid', undefined, ['episodeId']],
    ['nurse', 'GET', () => '/episodes?status=gone', undefined, ['status']],
    ['nurse', 'POST', (i) => `/episodes/${i.episode}/conferences`, { kind: 'party' }, ['kind']],
    ['nurse', 'POST', (i) => `/episodes/${i.episode}/conferences`, { kind: 'follow_up', plannedDurationMinutes: 0, scheduledStart: 'tomorrow' }, ['scheduledStart', 'plannedDurationMinutes']],
    ['nurse', 'POST', (i) => `/episodes/${i.episode}/conferences`, { kind: 'follow_up', adviceRequestId: 'x' }, ['adviceRequestId']],
    ['nurse', 'POST', (i) => `/conferences/${i.conference}/participants`, { kind: 'guest', role: 'gp', name: '' }, ['role', 'name']],
    ['nurse', 'POST', (i) => `/conferences/${i.conference}/participants`, { kind: 'guest', role: 'relative', name: 'Bo', email: 'not-mail', phone: 'ring' }, ['phone', 'email']],
    ['nurse', 'POST', (i) => `/conferences/${i.conference}/participants`, { kind: 'robot' }, ['kind']],
    ['nurse', 'POST', (i) => `/conferences/${i.conference}/participants/${i.participant}/lobby`, { state: 'invited' }, ['state']],
    ['nurse', 'POST', (i) => `/conferences/${i.conference}/participants/nobody/revoke`, undefined, ['participantId']],
    ['nurse', 'POST', (i) => `/episodes/${i.episode}/consents`, { scope: 'everything' }, ['scope']],
    ['nurse', 'GET', (i) => `/episodes/${i.episode}/audit?limit=0&since=yesterday`, undefined, ['since', 'limit']],
    ['nurse', 'POST', (i) => `/episodes/${i.episode}/advice-requests`, { channel: 'phone', question: 'Hvad nu?' }, ['requesterContact']],
    ['nurse', 'POST', (i) => `/episodes/${i.episode}/advice-requests`, { channel: 'fax', question: 'x'.repeat(2001), urgency: 'now' }, ['channel', 'question', 'urgency']],
    ['geriatrician', 'PUT', (i) => `/advice-requests/${i.advice}/isbar`, {}, ['']],
    ['geriatrician', 'POST', (i) => `/advice-requests/${i.advice}/answer`, { channel: 'video', isbar }, ['conferenceId']],
    ['geriatrician', 'POST', (i) => `/advice-requests/${i.advice}/answer`, { channel: 'phone', isbar: { ...isbar, assessment: '\u0007' } }, ['isbar.assessment']],
  ];

  it.each(cases)('%s %s %s → 400 naming the wrong fields', async (who, method, path, body, fields) => {
    const client = who === 'nurse' ? nurse : who === 'geriatrician' ? geriatrician : server.client();
    const answer = await client.request(method, path(ids), body);
    expect(answer.status, answer.text).toBe(400);
    expect(answer.body.error.code).toBe('BAD_REQUEST');
    const named = new Set((answer.body.error.issues as Array<{ path: string }>).map((issue) => issue.path));
    for (const field of fields) expect(named, answer.text).toContain(field);
  });

  it('answers broken JSON with 400 and an oversized body with 413, never a stack trace', async () => {
    const broken = await nurse.request('POST', `/episodes/${ids.episode}/consents`, '{"scope":');
    expect(broken.status).toBe(400);
    expect(broken.body).toEqual({ error: { code: 'BAD_REQUEST', message: 'The request body is not valid JSON.' } });
    const huge = await nurse.post(`/episodes/${ids.episode}/advice-requests`, { channel: 'video', question: 'x'.repeat(100_000) });
    expect(huge.status).toBe(413);
    expect(huge.text).not.toMatch(/at .*\.ts:\d+/);
  });

  it('answers text with a lone surrogate with 400 naming where it is, and stores nothing', async () => {
    const db = server.fresh.db.prisma;
    const stored = async () => ({
      participants: await db.participant.count({ where: { conferenceId: ids.conference } }),
      revisions: await db.planRevision.count({ where: { plan: { episodeId: ids.episode } } }),
    });
    const before = await stored();
    const lone = 'Bo \ud800';
    const need = { op: 'add', section: 'needs', item: { id: '00000000-0000-4000-8000-0000000000aa', text: lone } };
    const answers: Array<[Awaited<ReturnType<ApiClient['post']>>, string]> = [
      [await server.client().post('/auth/login', { login: lone, password: 'adgangskode' }), 'login'],
      [await nurse.post(`/conferences/${ids.conference}/participants`, { kind: 'guest', role: 'relative', name: lone }), 'name'],
      [await nurse.post(`/episodes/${ids.episode}/plan/push`, { baseRevision: 0, ops: [need] }), 'ops.0.item.text'],
    ];
    for (const [answer, field] of answers) {
      expect(answer.status, answer.text).toBe(400);
      expect(answer.body.error).toMatchObject({ code: 'BAD_REQUEST', issues: [{ path: field }] });
    }
    expect(await stored()).toEqual(before);
  });

  it('answers an unknown record id with 404, not 500', async () => {
    const missing = '01900000-0000-7000-8000-000000000000';
    for (const path of [`/episodes/${missing}`, `/conferences/${missing}`]) {
      const answer = await nurse.get(path);
      expect(answer.status).toBe(404);
    }
    expect((await geriatrician.post(`/advice-requests/${missing}/take`)).status).toBe(404);
  });
});
