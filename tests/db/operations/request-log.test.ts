import { hashPassword } from '@samplan/server/auth/password.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../../support/database-targets.ts';
import { uniqueLogin } from '../../support/record-fixtures.ts';
import { type ApiServer, startApiServer } from '../api/harness.ts';
import { addTask, addWish } from '../plan/fixtures.ts';

// A whole journey through the API against a Samplan whose log (request lines
// included) goes to a buffer: nothing of it may name the patient, her
// relative, her CPR number or the join link's token, however they were sent
// (body, path, query, header, cookie).

const PASSWORD = 'request-log-test-password';
const CPR = '230437-4128';
const PATIENT = 'Gudrun Logbjerg';
const RELATIVE = 'Signe Logbjerg';
const NEIGHBOUR = 'Aksel Naboløkke';

describe.each(DATABASE_KINDS)('the request log on %s', (kind) => {
  let server: ApiServer;
  const lines: string[] = [];

  beforeAll(async () => {
    server = await startApiServer(kind, { seedDemo: false, logLevel: 'info' }, { logDestination: { write: (line: string) => void lines.push(line) } });
  });
  afterAll(() => server?.close());

  it('logs every request of a journey without a CPR number, a name or a join token in it', async () => {
    const db = server.fresh.db.prisma;
    const ward = await db.organisation.create({ data: { sector: 'hospital_ward', name: 'Loghospitalet, Medicinsk afdeling' } });
    const municipality = await db.organisation.create({ data: { sector: 'municipal_unit', name: 'Logkommune, Hjemmesygeplejen' } });
    const login = uniqueLogin();
    await db.staffUser.create({ data: { name: 'Nanna Sygeplejerske', role: 'nurse', organisationId: ward.id, login, passwordHash: await hashPassword(PASSWORD) } });

    const nurse = await server.login(login, PASSWORD);
    expect((await nurse.get('/auth/me')).status).toBe(200);
    expect((await nurse.post('/patients/lookup', { cpr: CPR })).body).toMatchObject({ found: false });
    const admitted = await nurse.post('/episodes', {
      patient: { cpr: CPR, name: PATIENT, homeMunicipalityId: municipality.id, phone: '+45 21 22 23 24', preferredLanguage: 'da' },
      unit: 'Afsnit M2',
      admittedAt: new Date(server.clock.now().getTime() - 3_600_000).toISOString(),
      relatives: [{ name: RELATIVE, relation: 'datter', phone: '+45 31 32 33 34' }],
    });
    expect(admitted.status, admitted.text).toBe(201);
    const episodeId = admitted.body.episodeId as string;
    const episode = await nurse.get(`/episodes/${episodeId}`);
    expect(episode.body.patient.name).toBe(PATIENT);
    expect((await nurse.post(`/episodes/${episodeId}/patient/identify`)).body).toMatchObject({ cpr: CPR });
    expect((await nurse.post(`/episodes/${episodeId}/consents`, { scope: 'video_participation' })).status).toBe(201);

    const scheduled = await nurse.post(`/episodes/${episodeId}/conferences`, { kind: 'goal_conversation' });
    expect(scheduled.status, scheduled.text).toBe(201);
    const conferenceId = scheduled.body.conference.id as string;
    const relativeId = episode.body.relatives[0].id as string;
    const invited = await nurse.post(`/conferences/${conferenceId}/participants`, { kind: 'relative', relativeId });
    expect(invited.status, invited.text).toBe(201);
    const neighbour = await nurse.post(`/conferences/${conferenceId}/participants`, { kind: 'guest', role: 'relative', name: NEIGHBOUR, phone: '+45 41 42 43 44' });
    expect(neighbour.status, neighbour.text).toBe(201);
    const token = invited.body.joinLink.token as string;
    const joinPath = invited.body.joinLink.path as string;

    // What a browser does with the link: open the page, then redeem the token; careless callers put it elsewhere too.
    expect((await fetch(`${server.samplan.url}${joinPath}`)).status).toBe(404);
    const relative = await server.join(token);
    expect((await relative.get(`/conferences/${conferenceId}`)).status).toBe(200);
    expect((await relative.get(`/episodes/${episodeId}/plan`)).status).toBe(200);
    await relative.request('GET', `/auth/me?token=${token}&cpr=${CPR}&name=${encodeURIComponent(PATIENT)}`, undefined, { authorization: `Bearer ${token}` });
    await server.client().request('GET', `/no-such-route/${CPR}/${encodeURIComponent(PATIENT)}/${token}`);

    const plan = await nurse.get(`/episodes/${episodeId}/plan`);
    expect(plan.status).toBe(200);
    const pushed = await nurse.post(`/episodes/${episodeId}/plan/push`, { baseRevision: plan.body.revision, ops: [addTask(1, `Rollator til ${PATIENT}`)] });
    expect(pushed.status, pushed.text).toBe(200);
    const wished = await relative.post(`/episodes/${episodeId}/plan/push`, { baseRevision: pushed.body.revision, ops: [addWish(2, `${RELATIVE} ønsker at mor kommer hjem`)] });
    expect(wished.status, wished.text).toBe(200);
    expect((await nurse.post('/auth/logout')).status).toBe(204);
    expect((await nurse.get('/auth/me')).status).toBe(401);

    const log = lines.join('');
    const entries = lines.map((line) => JSON.parse(line) as { msg: string; route?: string; req?: { method: string; path: string }; res?: { statusCode: number } });
    const requests = entries.filter((entry) => entry.req !== undefined && entry.res !== undefined);
    expect(requests.length).toBeGreaterThanOrEqual(20);
    expect(requests.map((entry) => entry.route)).toEqual(
      expect.arrayContaining(['/api/episodes', '/api/episodes/:episodeId', '/api/join/:linkToken', '/api/episodes/:episodeId/plan/push', '/api/auth/logout']),
    );
    expect(requests.map((entry) => entry.req!.path)).toEqual(
      expect.arrayContaining(['/join/[redacted]', '/api/join/[redacted]', `/api/episodes/${episodeId}/plan`, '/api/auth/me?token=[redacted]&cpr=[redacted]&name=[redacted]']),
    );

    const secrets = [CPR, CPR.replace('-', ''), token, ...[PATIENT, RELATIVE, NEIGHBOUR].flatMap((name) => [name, ...name.split(' '), encodeURIComponent(name)])];
    expect(secrets.filter((secret) => log.includes(secret))).toEqual([]);
  });
});
