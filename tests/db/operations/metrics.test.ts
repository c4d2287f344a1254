import { hashPassword } from '@samplan/server/auth/password.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../../support/database-targets.ts';
import { uniqueCprNumber, uniqueLogin } from '../../support/record-fixtures.ts';
import { type ApiClient, type ApiServer, startApiServer } from '../api/harness.ts';
import { addTask } from '../plan/fixtures.ts';

// /metrics on its own listener with a bearer token, against a real server
// and database: refused without the token and on the public port, and the
// figures follow what happens (plan pushes, advice requests, HTTP routes).

const TOKEN = 'metrics-test-token-0123456789';
const PASSWORD = 'metrics-test-password';

describe.each(DATABASE_KINDS)('metrics on %s', (kind) => {
  let server: ApiServer;
  let nurse: ApiClient;
  const record = { episodeId: '', nurseId: '' };

  /** `null`: no Authorization header at all. */
  const scrape = async (authorization: string | null = `Bearer ${TOKEN}`) => {
    const response = await fetch(server.samplan.metricsUrl!, authorization === null ? {} : { headers: { authorization } });
    return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
  };
  const value = (text: string, series: string): number => {
    const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
    if (line === undefined) throw new Error(`no series ${series} in:\n${text}`);
    return Number(line.slice(series.length + 1));
  };

  beforeAll(async () => {
    server = await startApiServer(kind, { seedDemo: false, metricsPort: 0, metricsToken: TOKEN });
    const db = server.fresh.db.prisma;
    const ward = await db.organisation.create({ data: { sector: 'hospital_ward', name: 'Metrikhospitalet, Medicinsk afdeling' } });
    const municipality = await db.organisation.create({ data: { sector: 'municipal_unit', name: 'Metrikkommune' } });
    const login = uniqueLogin();
    record.nurseId = (await db.staffUser.create({ data: { name: 'Mia Måler', role: 'nurse', organisationId: ward.id, login, passwordHash: await hashPassword(PASSWORD) } })).id;
    nurse = await server.login(login, PASSWORD);
    const admitted = await nurse.post('/episodes', {
      patient: { cpr: uniqueCprNumber(), name: 'Marie Måling', homeMunicipalityId: municipality.id },
      unit: 'Afsnit M1',
      admittedAt: new Date(server.clock.now().getTime() - 3_600_000).toISOString(),
    });
    expect(admitted.status, admitted.text).toBe(201);
    record.episodeId = admitted.body.episodeId;
  });
  afterAll(() => server?.close());

  it('is served only on its own loopback listener, and only with the bearer token', async () => {
    expect(server.samplan.metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    expect(new URL(server.samplan.metricsUrl!).port).not.toBe(String(server.samplan.port));
    const publicAnswer = await fetch(`${server.samplan.url}/metrics`);
    expect(publicAnswer.status).toBe(404);
    expect(await publicAnswer.text()).not.toContain('samplan_');

    for (const authorization of [null, 'Bearer wrong-token-0123456789', TOKEN, `Basic ${TOKEN}`]) {
      const refused = await scrape(authorization);
      expect(refused.status).toBe(401);
      expect(refused.text).not.toContain('samplan_');
    }
    const allowed = await scrape();
    expect(allowed.status).toBe(200);
    expect(allowed.type).toContain('text/plain');
    for (const name of [
      'samplan_http_request_duration_seconds_bucket',
      'samplan_media_rooms 0',
      'samplan_media_peers 0',
      'samplan_media_producers 0',
      'samplan_media_consumers 0',
      'samplan_media_workers_alive 1',
      'samplan_media_worker_cpu_seconds_total{slot="0"}',
      'samplan_media_worker_restarts_total{slot="0"} 0',
      'samplan_draining 0',
      'nodejs_eventloop_lag_seconds',
    ]) {
      expect(allowed.text).toContain(name);
    }
  });

  it('counts plan pushes and the ones that met a concurrent edit', async () => {
    const before = (await scrape()).text;
    const push = (n: number) => nurse.post(`/episodes/${record.episodeId}/plan/push`, { baseRevision: 0, ops: [addTask(n)] });
    expect((await push(1)).status).toBe(200);
    // Made against revision 0 again: merged on top of the first.
    expect((await push(2)).body.missed).toHaveLength(1);

    const after = (await scrape()).text;
    expect(value(after, 'samplan_plan_pushes_total{outcome="committed"}') - value(before, 'samplan_plan_pushes_total{outcome="committed"}')).toBe(2);
    expect(value(after, 'samplan_plan_conflicts_total{kind="rebased"}') - value(before, 'samplan_plan_conflicts_total{kind="rebased"}')).toBe(1);
  });

  it('reads the open advice requests from the database at each scrape', async () => {
    const db = server.fresh.db.prisma;
    const before = (await scrape()).text;
    const ask = { episodeId: record.episodeId, requestedBy: 'municipality', requesterName: 'Hjemmeplejen', channel: 'phone', question: 'Faldet i nat?', urgency: 'urgent' } as const;
    await db.adviceRequest.create({ data: ask });
    await db.adviceRequest.create({ data: { ...ask, takenAt: new Date(), takenById: record.nurseId } });
    await db.adviceRequest.create({ data: { ...ask, takenAt: new Date(), takenById: record.nurseId, answeredAt: new Date(), answerChannel: 'phone' } });

    const after = (await scrape()).text;
    expect(value(after, 'samplan_advice_requests_open{state="waiting"}') - value(before, 'samplan_advice_requests_open{state="waiting"}')).toBe(1);
    expect(value(after, 'samplan_advice_requests_open{state="taken"}') - value(before, 'samplan_advice_requests_open{state="taken"}')).toBe(1);
  });

  it('times requests by route pattern, never by the raw path', async () => {
    expect((await nurse.get(`/episodes/${record.episodeId}`)).status).toBe(200);
    await server.client().post(`/join/${'x'.repeat(43)}`);
    const text = (await scrape()).text;
    expect(text).toContain('route="/api/episodes/:episodeId",status_code="200"');
    expect(text).toContain('route="/api/join/:linkToken"');
    expect(text).not.toContain(record.episodeId);
    expect(text).not.toContain('x'.repeat(43));
  });
});
