import { randomUUID } from 'node:crypto';
import { addCalendarDays } from '@samplan/shared';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hashPassword } from '@samplan/server/auth/password.ts';
import { isOpenAdmissionConflict } from '@samplan/server/record/episodes/admitEpisode.ts';
import { DATABASE_KINDS } from '../../support/database-targets.ts';
import { uniqueCprNumber, uniqueLogin } from '../../support/record-fixtures.ts';
import { type ApiClient, type ApiServer, SCENARIO_NOW, startApiServer } from './harness.ts';

// Intake through the REST API, on organisations and staff of the test's own
// (nothing here leans on the demo scenario): find by CPR or create, admit,
// screening, consent before a video invitation, and the readmission marks.

const PASSWORD = 'intake-test-password';
const DAY = 86_400_000;

describe.each(DATABASE_KINDS)('intake on %s', (kind) => {
  let server: ApiServer;
  const org = { ward: '', otherWard: '', municipality: '', otherMunicipality: '', gp: '' };
  let nurse: ApiClient;
  let otherWardNurse: ApiClient;
  let homeNurse: ApiClient;
  let gpDoctor: ApiClient;
  const ids = { nurse: '', homeNurse: '' };

  const db = () => server.fresh.db.prisma;

  beforeAll(async () => {
    server = await startApiServer(kind);
    const organisation = async (sector: 'hospital_ward' | 'municipal_unit' | 'general_practice', name: string) => (await db().organisation.create({ data: { sector, name } })).id;
    org.ward = await organisation('hospital_ward', 'Intake Hospital, Medicinsk afdeling');
    org.otherWard = await organisation('hospital_ward', 'Intake Hospital, Ortopædkirurgi');
    org.municipality = await organisation('municipal_unit', 'Intake Kommune, Hjemmesygeplejen');
    org.otherMunicipality = await organisation('municipal_unit', 'Anden Kommune, Hjemmesygeplejen');
    org.gp = await organisation('general_practice', 'Lægehuset Intake');
    const passwordHash = await hashPassword(PASSWORD);
    const staff = async (organisationId: string, role: 'nurse' | 'home_nurse' | 'gp', name: string) => {
      const login = uniqueLogin();
      const row = await db().staffUser.create({ data: { name, role, organisationId, login, passwordHash } });
      return { id: row.id, login };
    };
    const wardNurse = await staff(org.ward, 'nurse', 'Anna Afdeling');
    const other = await staff(org.otherWard, 'nurse', 'Ole Ortopæd');
    const home = await staff(org.municipality, 'home_nurse', 'Hanne Hjem');
    const doctor = await staff(org.gp, 'gp', 'Gorm Læge');
    ids.nurse = wardNurse.id;
    ids.homeNurse = home.id;
    nurse = await server.login(wardNurse.login, PASSWORD);
    otherWardNurse = await server.login(other.login, PASSWORD);
    homeNurse = await server.login(home.login, PASSWORD);
    gpDoctor = await server.login(doctor.login, PASSWORD);
  });
  afterAll(() => server?.close());
  beforeEach(() => server.clock.set(SCENARIO_NOW));

  const newPatient = (cpr = uniqueCprNumber()) => ({
    cpr,
    name: 'Inger Indlagt',
    homeMunicipalityId: org.municipality,
    phone: '+45 20 30 40 50',
    email: 'inger@example.dk',
    preferredLanguage: 'da',
  });
  const admission = (patient: ReturnType<typeof newPatient>, extra: Record<string, unknown> = {}) => ({
    patient,
    unit: 'Afsnit M3',
    admittedAt: new Date(SCENARIO_NOW.getTime() - 3_600_000).toISOString(),
    gpPracticeId: org.gp,
    relatives: [{ name: 'Lise Datter', relation: 'datter', phone: '+45 30 40 50 60', email: 'lise@example.dk' }],
    ...extra,
  });
  const admit = async (patient = newPatient(), extra: Record<string, unknown> = {}) => {
    const answer = await nurse.post('/episodes', admission(patient, extra));
    expect(answer.status, answer.text).toBe(201);
    return answer.body as { episodeId: string; patientId: string; patientCreated: boolean };
  };
  const counts = async () => ({ patients: await db().patient.count(), episodes: await db().episode.count(), relatives: await db().relative.count() });

  it('looks a patient up by CPR in the body, creates and admits her with relatives and care team, all audited without the number', async () => {
    const cpr = '120345-2789';
    const unknown = await nurse.post('/patients/lookup', { cpr: '1203452789' });
    expect(unknown.status, unknown.text).toBe(200);
    expect(unknown.body).toEqual({ found: false, cpr: '120345-****', dateOfBirth: '1945-03-12' });

    const admitted = await admit(newPatient(cpr));
    expect(admitted.patientCreated).toBe(true);
    const episode = await nurse.get(`/episodes/${admitted.episodeId}`);
    expect(episode.status, episode.text).toBe(200);
    expect(episode.body).toMatchObject({
      status: 'admitted',
      unit: 'Afsnit M3',
      ward: { id: org.ward },
      gpPractice: { id: org.gp, name: 'Lægehuset Intake' },
      patient: { name: 'Inger Indlagt', cpr: '120345-****', dateOfBirth: '1945-03-12', phone: '+45 20 30 40 50', homeMunicipality: { id: org.municipality } },
      relatives: [{ name: 'Lise Datter', relation: 'datter', phone: '+45 30 40 50 60', email: 'lise@example.dk' }],
      screenings: [],
      readmission: { isReadmission: false, readmittedWithin30Days: false },
    });
    expect(episode.body.careTeam.organisations.map((member: { id: string }) => member.id).sort()).toEqual([org.ward, org.municipality, org.gp].sort());
    expect(episode.text).not.toContain('120345-2789');
    const stored = await db().episode.findUniqueOrThrow({ where: { id: admitted.episodeId } });
    expect(stored).toMatchObject({ admissionRecordedById: ids.nurse, admittingWardId: org.ward });

    const found = await nurse.post('/patients/lookup', { cpr });
    expect(found.body).toMatchObject({ found: true, patient: { id: admitted.patientId, cpr: '120345-****', openEpisodeId: admitted.episodeId, relatives: [{ name: 'Lise Datter' }] } });

    const trail = await db().auditEvent.findMany({ where: { actorId: ids.nurse, via: { in: ['POST /api/patients/lookup', 'POST /api/episodes'] } }, orderBy: { at: 'asc' } });
    expect(trail.map((row) => [row.action, row.resourceType, row.patientId, row.outcome])).toEqual(
      expect.arrayContaining([
        ['lookup', 'Patient', null, 'ok'],
        ['create', 'Patient', admitted.patientId, 'ok'],
        ['create', 'Relative', admitted.patientId, 'ok'],
        ['create', 'Episode', admitted.patientId, 'ok'],
        ['lookup', 'Patient', admitted.patientId, 'ok'],
      ]),
    );
    expect(JSON.stringify(trail)).not.toContain('120345-2789');
  });

  it("records at intake a relative who represents the patient, as its own line in the trail; the rest speak for themselves", async () => {
    const admitted = await admit(newPatient(), {
      relatives: [
        { name: 'Lise Datter', relation: 'datter', representation: 'power_of_attorney' },
        { name: 'Niels Nabo', relation: 'nabo' },
      ],
    });
    const episode = await nurse.get(`/episodes/${admitted.episodeId}`);
    expect(episode.body.relatives.map((relative: { name: string; representation: string }) => [relative.name, relative.representation])).toEqual([
      ['Lise Datter', 'power_of_attorney'],
      ['Niels Nabo', 'none'],
    ]);
    const lise = episode.body.relatives[0].id as string;
    expect(await db().auditEvent.findMany({ where: { action: 'set-representation', patientId: admitted.patientId } })).toEqual([
      expect.objectContaining({ actorId: ids.nurse, resourceType: 'Relative', resourceId: lise, outcome: 'ok', via: 'POST /api/episodes' }),
    ]);
    expect((await nurse.post('/episodes', admission(newPatient(), { relatives: [{ name: 'X', relation: 'nabo', representation: 'landlord' }] }))).status).toBe(400);
  });

  it('admits a patient on record again after discharge, keeping her details and adding only new relatives', async () => {
    const cpr = uniqueCprNumber();
    const first = await admit(newPatient(cpr), { admittedAt: new Date(SCENARIO_NOW.getTime() - 60 * DAY).toISOString() });
    await db().episode.update({ where: { id: first.episodeId }, data: { status: 'discharged', dischargedAt: new Date(SCENARIO_NOW.getTime() - 50 * DAY) } });
    const again = await admit({ ...newPatient(cpr), name: 'Someone Else' }, {
      residenceMunicipalityId: org.otherMunicipality,
      relatives: [{ name: 'lise datter', relation: 'Datter' }, { name: 'Niels Nabo', relation: 'nabo' }],
    });
    expect(again).toMatchObject({ patientId: first.patientId, patientCreated: false });
    const episode = await nurse.get(`/episodes/${again.episodeId}`);
    expect(episode.body.patient.name).toBe('Inger Indlagt');
    expect(episode.body.relatives.map((relative: { name: string }) => relative.name)).toEqual(['Lise Datter', 'Niels Nabo']);
    // The municipality of residence, not the home municipality on record, joins the care team.
    expect(episode.body.careTeam.organisations.map((member: { id: string }) => member.id)).toContain(org.otherMunicipality);
    expect(episode.body.readmission).toEqual({ isReadmission: false, readmittedWithin30Days: false });
  });

  it('refuses a second open admission with EPISODE_ALREADY_OPEN, and the index itself maps to the same refusal', async () => {
    const patient = newPatient();
    const first = await admit(patient);
    const before = await counts();
    const second = await nurse.post('/episodes', admission(patient));
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('EPISODE_ALREADY_OPEN');
    expect(await counts()).toEqual(before);
    expect(await db().auditEvent.count({ where: { actorId: ids.nurse, via: 'POST /api/episodes', outcome: 'denied', patientId: first.patientId } })).toBe(1);

    // Two admissions racing past the check meet the partial unique index.
    const racing = await db()
      .episode.create({ data: { patientId: first.patientId, admittingWardId: org.ward, admittedAt: SCENARIO_NOW } })
      .then(() => null, (error: unknown) => error);
    expect(isOpenAdmissionConflict(racing)).toBe(true);
  });

  it('refuses a bad CPR number, a future admission and organisations of the wrong kind, storing nothing', async () => {
    const before = await counts();
    const refusals: Array<[unknown, string, string]> = [
      [admission(newPatient('310245-1234')), 'patient.cpr', 'CPR_DATE'],
      [admission(newPatient('12034-56789')), 'patient.cpr', 'CPR_FORMAT'],
      [admission({ ...newPatient(), homeMunicipalityId: org.gp }), 'patient.homeMunicipalityId', 'must be an organisation of sector municipal_unit'],
      [admission(newPatient(), { gpPracticeId: randomUUID() }), 'gpPracticeId', 'no such organisation'],
      [admission(newPatient(), { residenceMunicipalityId: org.otherWard }), 'residenceMunicipalityId', 'must be an organisation of sector municipal_unit'],
      [admission(newPatient(), { admittedAt: new Date(SCENARIO_NOW.getTime() + DAY).toISOString() }), 'admittedAt', 'must not be in the future'],
    ];
    for (const [body, path, message] of refusals) {
      const answer = await nurse.post('/episodes', body);
      expect(answer.status, answer.text).toBe(400);
      expect(answer.body.error.issues).toContainEqual({ path, message });
    }
    const lookup = await nurse.post('/patients/lookup', { cpr: '999999-9999' });
    expect(lookup.status).toBe(400);
    expect(lookup.body.error.issues).toEqual([{ path: 'cpr', message: 'CPR_DATE' }]);
    expect(await counts()).toEqual(before);
  });

  it('keeps screening scores as history; the latest by time drives the recommendations', async () => {
    const { episodeId } = await admit();
    const record = (body: unknown, client = nurse) => client.post(`/episodes/${episodeId}/screenings`, body);
    const low = await record({ score: 20, screenedAt: new Date(SCENARIO_NOW.getTime() - 30 * 60_000).toISOString() });
    expect(low.status, low.text).toBe(201);
    expect(low.body.screening).toMatchObject({ score: 20, recommendations: [], recordedBy: { id: ids.nurse, name: 'Anna Afdeling' } });
    const high = await record({ score: 33 });
    expect(high.body.screening.recommendations).toEqual(['video_discharge_conference', 'follow_up_home_visit']);
    // Entered late with an earlier time: history, not the latest.
    expect((await record({ score: 10, screenedAt: new Date(SCENARIO_NOW.getTime() - 3_000_000).toISOString() })).status).toBe(201);

    for (const bad of [{ score: 101 }, { score: 23.5 }, { score: -1 }, { score: 30, screenedAt: new Date(SCENARIO_NOW.getTime() + DAY).toISOString() }]) {
      expect((await record(bad)).status).toBe(400);
    }
    expect((await record({ score: 25 }, homeNurse)).status).toBe(403);
    expect((await record({ score: 25 }, otherWardNurse)).status).toBe(404);

    const episode = await nurse.get(`/episodes/${episodeId}`);
    expect(episode.body.screeningScore).toBe(33);
    expect(episode.body.recommendations).toEqual(['video_discharge_conference', 'follow_up_home_visit']);
    expect(episode.body.screenings.map((screening: { score: number }) => screening.score)).toEqual([33, 20, 10]);
    expect(await db().auditEvent.count({ where: { via: 'POST /api/episodes/:episodeId/screenings', outcome: 'ok', patientId: episode.body.patient.id } })).toBe(3);
    expect(await db().auditEvent.count({ where: { via: 'POST /api/episodes/:episodeId/screenings', outcome: 'denied' } })).toBe(2);
  });

  it('invites the patient or a relative to a video conference only with a live consent to take part by video', async () => {
    const { episodeId } = await admit();
    const relativeId = (await nurse.get(`/episodes/${episodeId}`)).body.relatives[0].id as string;
    const scheduled = await nurse.post(`/episodes/${episodeId}/conferences`, { kind: 'goal_conversation' });
    expect(scheduled.status, scheduled.text).toBe(201);
    const conferenceId = scheduled.body.conference.id as string;
    const invite = (body: unknown) => nurse.post(`/conferences/${conferenceId}/participants`, body);
    const guests = [{ kind: 'patient' }, { kind: 'relative', relativeId }, { kind: 'guest', role: 'relative', name: 'Nabo Nielsen' }];
    const refusedAll = async () => {
      for (const body of guests) {
        const answer = await invite(body);
        expect(answer.status, answer.text).toBe(422);
        expect(answer.body.error.code).toBe('VIDEO_CONSENT_MISSING');
        expect(answer.body.error.message).toContain('video_participation');
      }
    };

    await refusedAll();
    const share = await nurse.post(`/episodes/${episodeId}/consents`, { scope: 'share_across_sectors' });
    expect(share.status).toBe(201);
    await refusedAll();
    // Staff join signed in: no consent is asked of them.
    expect((await invite({ kind: 'staff', staffId: ids.homeNurse })).status).toBe(201);

    const video = await nurse.post(`/episodes/${episodeId}/consents`, { scope: 'video_participation' });
    expect(video.status, video.text).toBe(201);
    expect((await invite({ kind: 'patient' })).status).toBe(201);
    expect((await invite({ kind: 'relative', relativeId })).status).toBe(201);

    const withdrawn = await nurse.post(`/episodes/${episodeId}/consents/${video.body.consent.id}/withdraw`);
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.consent.withdrawnAt).toBe(SCENARIO_NOW.toISOString());
    await refusedAll();
    const consents = (await nurse.get(`/episodes/${episodeId}`)).body.consents as Array<{ scope: string; withdrawnAt: string | null }>;
    expect(consents.map(({ scope, withdrawnAt }) => [scope, withdrawnAt === null])).toEqual([['share_across_sectors', true], ['video_participation', false]]);
    expect(await db().auditEvent.count({ where: { via: 'POST /api/conferences/:conferenceId/participants', outcome: 'denied', actorId: ids.nurse } })).toBeGreaterThanOrEqual(9);
  });

  it('marks a readmission within 30 days on both episodes, in the episode and in the list', async () => {
    const mark = async (dischargedDaysAgo: number) => {
      const patient = newPatient();
      const first = await admit(patient, { admittedAt: new Date(SCENARIO_NOW.getTime() - (dischargedDaysAgo + 4) * DAY).toISOString() });
      await db().episode.update({ where: { id: first.episodeId }, data: { status: 'discharged', dischargedAt: addCalendarDays(SCENARIO_NOW, -dischargedDaysAgo) } });
      const second = await admit(patient);
      const read = async (episodeId: string) => (await nurse.get(`/episodes/${episodeId}`)).body.readmission;
      return { first: first.episodeId, second: second.episodeId, earlier: await read(first.episodeId), later: await read(second.episodeId) };
    };
    const within = await mark(29);
    expect(within.later).toEqual({ isReadmission: true, readmittedWithin30Days: false });
    expect(within.earlier).toEqual({ isReadmission: false, readmittedWithin30Days: true });
    const after = await mark(31);
    expect(after.later).toEqual({ isReadmission: false, readmittedWithin30Days: false });
    expect(after.earlier).toEqual({ isReadmission: false, readmittedWithin30Days: false });

    const list = (await nurse.get('/episodes')).body.episodes as Array<{ id: string; readmission: unknown }>;
    expect(list.find((episode) => episode.id === within.second)?.readmission).toEqual({ isReadmission: true, readmittedWithin30Days: false });
    expect(list.find((episode) => episode.id === within.first)?.readmission).toEqual({ isReadmission: false, readmittedWithin30Days: true });
  });

  it('lets only hospital staff look up and admit, and only the care team read', async () => {
    const before = await counts();
    for (const client of [homeNurse, gpDoctor]) {
      const lookup = await client.post('/patients/lookup', { cpr: uniqueCprNumber() });
      expect(lookup.status).toBe(403);
      const admitted = await client.post('/episodes', admission(newPatient()));
      expect(admitted.status).toBe(403);
      expect(admitted.body.error.code).toBe('FORBIDDEN');
    }
    expect(await counts()).toEqual(before);
    expect(await db().auditEvent.count({ where: { actorId: ids.homeNurse, via: 'POST /api/episodes', outcome: 'denied' } })).toBe(1);
    expect(await db().auditEvent.count({ where: { actorId: ids.homeNurse, via: 'POST /api/patients/lookup', outcome: 'denied' } })).toBe(1);
    expect((await server.client().post('/patients/lookup', { cpr: uniqueCprNumber() })).status).toBe(401);

    const { episodeId } = await admit();
    expect((await otherWardNurse.get(`/episodes/${episodeId}`)).status).toBe(404);
    expect((await homeNurse.get(`/episodes/${episodeId}`)).status).toBe(200);
    expect((await gpDoctor.get(`/episodes/${episodeId}`)).status).toBe(200);
    // The least an admission needs: the patient; admitted now, no relatives, no GP.
    const bare = await nurse.post('/episodes', { patient: { cpr: uniqueCprNumber(), name: 'Bent Bare', homeMunicipalityId: org.municipality } });
    expect(bare.status, bare.text).toBe(201);
    expect((await nurse.get(`/episodes/${bare.body.episodeId}`)).body).toMatchObject({ admittedAt: SCENARIO_NOW.toISOString(), gpPractice: null, unit: null, relatives: [] });
    // The other ward admits into its own list, never into this one.
    const theirs = await otherWardNurse.post('/episodes', admission(newPatient()));
    expect(theirs.status).toBe(201);
    expect((await db().episode.findUniqueOrThrow({ where: { id: theirs.body.episodeId } })).admittingWardId).toBe(org.otherWard);
  });
});
