import type { Bundle, Encounter, Observation } from '@medplum/fhirtypes';
import { addCalendarDays, scoreTobs, type TobsMeasurement, type VisitChecklist } from '@samplan/shared';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DomainEvent } from '@samplan/server/events/domainEvents.ts';
import { fhirIssues } from '@samplan/server/fhir/validate.ts';
import { uniqueCprNumber } from '../../support/record-fixtures.ts';
import { DATABASE_KINDS } from '../../support/database-targets.ts';
import { type ApiClient, type ApiServer, SCENARIO_NOW, startApiServer } from './harness.ts';

const HOUR = 3_600_000;
const MINUTE = 60_000;
/** 10:30 in Copenhagen on the scenario's day: before noon, as the pathway prefers. */
const MORNING = new Date(SCENARIO_NOW.getTime() - 2.5 * HOUR);

const checklist: VisitChecklist = {
  medicationAvailable: 'yes',
  medicationDispensed: 'yes',
  medicationUnderstood: 'no',
  homeCareContactMade: 'yes',
  relativesContactMade: 'not_relevant',
  gpInvolvedCorrectly: 'yes',
  virtualDischargeConferenceNeeded: 'no',
  geriatricAdviceNeeded: 'yes',
};
const calm: TobsMeasurement = { pulsePerMinute: 72, respirationPerMinute: 16, temperatureCelsius: 37.2, temperatureSite: 'rectal', systolicMmHg: 135, consciousness: 'habitual', spo2Percent: 96 };

describe.each(DATABASE_KINDS)('discharge, visits after it and TOBS on %s', (kind) => {
  let server: ApiServer;
  let hospital: ApiClient;
  let homeNurse: ApiClient;
  let gp: ApiClient;
  let outsider: ApiClient;
  let staffIds: { hospital: string; homeNurse: string; gp: string };
  const events: DomainEvent[] = [];

  beforeAll(async () => {
    server = await startApiServer(kind);
    hospital = await server.login('sygeplejerske@horsens.demo');
    homeNurse = await server.login('hjemmesygeplejerske@odder.demo');
    gp = await server.login('laege@rosensgade.demo');
    // Skanderborg is not in the care team of the episodes made here.
    outsider = await server.login('hjemmesygeplejerske@skanderborg.demo');
    const idOf = async (client: ApiClient) => (await client.get('/auth/me')).body.principal.staffId as string;
    staffIds = { hospital: await idOf(hospital), homeNurse: await idOf(homeNurse), gp: await idOf(gp) };
    server.samplan.events.subscribe('episode.discharged', (event) => void events.push(event));
    server.samplan.events.subscribe('visit.recorded', (event) => void events.push(event));
  });
  afterAll(() => server?.close());
  let clockMoved = false;
  beforeEach(async () => {
    if (clockMoved) await moveClockTo(SCENARIO_NOW);
    clockMoved = false;
    events.length = 0;
  });

  const db = () => server.fresh.db.prisma;
  /** Sessions end when the clock jumps hours ahead, as they would for a tablet left overnight: sign in again then. */
  async function moveClockTo(at: Date): Promise<void> {
    server.clock.set(at);
    clockMoved = true;
    [hospital, homeNurse, gp, outsider] = await Promise.all([
      server.login('sygeplejerske@horsens.demo'),
      server.login('hjemmesygeplejerske@odder.demo'),
      server.login('laege@rosensgade.demo'),
      server.login('hjemmesygeplejerske@skanderborg.demo'),
    ]);
  }

  /** A patient admitted three days ago with Ella Sørensen's care team (ward M2, Odder, her GP). */
  async function admitted(): Promise<{ episodeId: string; patientId: string; admittedAt: Date }> {
    const team = await db().careTeamOrganisation.findMany({ where: { episode: { patient: { name: 'Ella Sørensen' } } }, select: { organisationId: true } });
    const ward = await db().organisation.findFirstOrThrow({ where: { name: { contains: 'M2' } } });
    const odder = await db().organisation.findFirstOrThrow({ where: { name: { startsWith: 'Odder' } } });
    const patient = await db().patient.create({ data: { name: 'Inger Udskrevet', cprNumber: uniqueCprNumber(), dateOfBirth: new Date('1936-05-02'), homeMunicipalityId: odder.id } });
    const admittedAt = addCalendarDays(SCENARIO_NOW, -3);
    const episode = await db().episode.create({
      data: { patientId: patient.id, admittingWardId: ward.id, admittedAt, screeningScore: 27, careTeamOrganisations: { create: team.map(({ organisationId }) => ({ organisationId })) } },
    });
    return { episodeId: episode.id, patientId: patient.id, admittedAt };
  }

  async function discharged(at: Date = MORNING): Promise<{ episodeId: string; patientId: string; dischargedAt: Date }> {
    const episode = await admitted();
    const answer = await hospital.post(`/episodes/${episode.episodeId}/discharge`, { dischargedAt: at.toISOString(), destination: 'home' });
    if (answer.status !== 201) throw new Error(`discharge failed: ${answer.status} ${answer.text}`);
    events.length = 0;
    return { ...episode, dischargedAt: at };
  }

  const auditRows = (patientId: string, resourceType: string, outcome: 'ok' | 'denied') => db().auditEvent.findMany({ where: { patientId, resourceType, outcome }, orderBy: { at: 'asc' } });

  describe('recording a discharge', () => {
    it('stores time, destination and who, starts the clocks, audits it and tells the rest of the server', async () => {
      const { episodeId, patientId } = await admitted();
      const answer = await hospital.post(`/episodes/${episodeId}/discharge`, { dischargedAt: MORNING.toISOString(), destination: 'municipal_acute_bed' });
      expect(answer.status, answer.text).toBe(201);
      expect(answer.body.discharge).toEqual({
        episodeId,
        dischargedAt: MORNING.toISOString(),
        destination: 'municipal_acute_bed',
        beforeNoon: true,
        receptionVisitDue: new Date(MORNING.getTime() + 24 * HOUR).toISOString(),
        followUpVisitDue: addCalendarDays(MORNING, 8).toISOString(),
      });
      const row = await db().episode.findUniqueOrThrow({ where: { id: episodeId } });
      expect(row).toMatchObject({ status: 'discharged', dischargedAt: MORNING, dischargeDestination: 'municipal_acute_bed', dischargeRecordedById: staffIds.hospital });
      expect(events).toEqual([{ type: 'episode.discharged', episodeId, patientId, dischargedAt: MORNING }]);
      expect((await auditRows(patientId, 'Episode', 'ok')).map((event) => [event.action, event.actorId, event.via])).toContainEqual(['discharge', staffIds.hospital, 'POST /api/episodes/:episodeId/discharge']);

      const detail = (await hospital.get(`/episodes/${episodeId}`)).body;
      expect(detail).toMatchObject({ status: 'discharged', dischargedAt: MORNING.toISOString(), clocks: { receptionVisitDue: answer.body.discharge.receptionVisitDue } });
      expect(detail.timeline).toContainEqual({ at: MORNING.toISOString(), kind: 'discharged', refId: null, detail: null });
    });

    it('says when the discharge was after noon', async () => {
      const { episodeId } = await admitted();
      const afternoon = new Date(SCENARIO_NOW.getTime() - 30 * MINUTE);
      const answer = await hospital.post(`/episodes/${episodeId}/discharge`, { dischargedAt: afternoon.toISOString(), destination: 'home' });
      expect(answer.body.discharge).toMatchObject({ beforeNoon: false });
    });

    it('refuses a second discharge, one before the admission and one in the future, and stores nothing', async () => {
      const twice = await discharged();
      const again = await hospital.post(`/episodes/${twice.episodeId}/discharge`, { dischargedAt: SCENARIO_NOW.toISOString(), destination: 'other' });
      expect(again.status).toBe(422);
      expect(again.body.error).toMatchObject({ code: 'REFUSED', refusal: { code: 'ALREADY_DISCHARGED', dischargedAt: MORNING.toISOString() } });
      expect(await db().episode.findUniqueOrThrow({ where: { id: twice.episodeId } })).toMatchObject({ dischargedAt: MORNING, dischargeDestination: 'home' });

      const { episodeId, patientId, admittedAt } = await admitted();
      const early = await hospital.post(`/episodes/${episodeId}/discharge`, { dischargedAt: new Date(admittedAt.getTime() - MINUTE).toISOString(), destination: 'home' });
      expect(early.status).toBe(422);
      expect(early.body.error.refusal).toEqual({ code: 'BEFORE_ADMISSION', admittedAt: admittedAt.toISOString() });
      const future = await hospital.post(`/episodes/${episodeId}/discharge`, { dischargedAt: new Date(SCENARIO_NOW.getTime() + 6 * MINUTE).toISOString(), destination: 'home' });
      expect(future.status).toBe(422);
      expect(future.body.error.refusal).toEqual({ code: 'IN_THE_FUTURE' });
      const unknownPlace = await hospital.post(`/episodes/${episodeId}/discharge`, { dischargedAt: MORNING.toISOString(), destination: 'hotel' });
      expect(unknownPlace.status).toBe(400);
      expect(unknownPlace.body.error.issues).toEqual([expect.objectContaining({ path: 'destination' })]);

      expect(await db().episode.findUniqueOrThrow({ where: { id: episodeId } })).toMatchObject({ status: 'admitted', dischargedAt: null, dischargeDestination: null, dischargeRecordedById: null });
      expect(events).toEqual([]);
      expect((await auditRows(patientId, 'Episode', 'denied')).map((event) => event.action)).toEqual(['discharge', 'discharge']);
    });

    it('is the hospital’s to record: the home nurse and the GP are refused, a ward outside the team does not see the episode', async () => {
      const { episodeId, patientId } = await admitted();
      const body = { dischargedAt: MORNING.toISOString(), destination: 'home' };
      expect((await homeNurse.post(`/episodes/${episodeId}/discharge`, body)).body.error.code).toBe('FORBIDDEN');
      expect((await gp.post(`/episodes/${episodeId}/discharge`, body)).status).toBe(403);
      expect((await outsider.post(`/episodes/${episodeId}/discharge`, body)).status).toBe(404);
      expect((await server.client().post(`/episodes/${episodeId}/discharge`, body)).status).toBe(401);
      expect(await db().episode.findUniqueOrThrow({ where: { id: episodeId } })).toMatchObject({ status: 'admitted', dischargedAt: null });
      expect(await auditRows(patientId, 'Episode', 'denied')).toHaveLength(3);
    });
  });

  describe('visits after discharge', () => {
    it('records the reception visit with its checklist and TOBS, kept within 24 h, and publishes it', async () => {
      const { episodeId, patientId, dischargedAt } = await discharged();
      await moveClockTo(new Date(dischargedAt.getTime() + 5 * HOUR));
      const performedAt = new Date(dischargedAt.getTime() + 4 * HOUR);
      const tobs: TobsMeasurement = { pulsePerMinute: 112, respirationPerMinute: 22, temperatureCelsius: 37.9, temperatureSite: 'oral', systolicMmHg: 95, consciousness: 'agitated' };
      const answer = await homeNurse.post(`/episodes/${episodeId}/visits`, {
        kind: 'reception_visit',
        mode: 'at_home',
        performedAt: performedAt.toISOString(),
        performedBy: 'Jesper Friis, hjemmesygeplejerske',
        checklist,
        note: 'Medicinen lå klar, men hun var i tvivl om vanddrivende.',
        tobs,
      });
      expect(answer.status, answer.text).toBe(201);
      const { visit } = answer.body;
      expect(visit).toMatchObject({
        kind: 'reception_visit',
        mode: 'at_home',
        performedAt: performedAt.toISOString(),
        performedBy: 'Jesper Friis, hjemmesygeplejerske',
        recordedBy: { id: staffIds.homeNurse, name: 'Jesper Friis' },
        checklist,
        due: new Date(dischargedAt.getTime() + 24 * HOUR).toISOString(),
        kept: true,
        tobs: { ...tobs, observedAt: performedAt.toISOString(), visitId: visit.id, conferenceId: null, score: scoreTobs(tobs).total },
      });
      // 2 (pulse) + 2 (respiration) + 1 (38.4 rectal basis) + 1 (systolic) + 1 (agitated)
      expect(visit.tobs.score).toBe(7);
      const stored = await db().visit.findUniqueOrThrow({ where: { id: visit.id }, include: { tobsObservations: true } });
      expect(stored.checklist).toEqual(checklist);
      expect(stored.tobsObservations.map((row) => [row.score, Number(row.temperatureCelsius), row.temperatureSite])).toEqual([[7, 37.9, 'oral']]);
      expect(events).toEqual([{ type: 'visit.recorded', episodeId, visitId: visit.id, kind: 'reception_visit', performedAt, recordedByStaffId: staffIds.homeNurse }]);
      expect((await auditRows(patientId, 'Visit', 'ok')).map((event) => [event.action, event.resourceId])).toEqual([['create', visit.id]]);
      expect((await auditRows(patientId, 'TobsObservation', 'ok')).map((event) => event.action)).toEqual(['create']);

      const timeline = (await homeNurse.get(`/episodes/${episodeId}`)).body.timeline;
      expect(timeline).toEqual(expect.arrayContaining([
        { at: performedAt.toISOString(), kind: 'visit', refId: visit.id, detail: 'reception_visit at_home' },
        { at: performedAt.toISOString(), kind: 'tobs', refId: visit.tobs.id, detail: 'score 7' },
      ]));
    });

    it('marks a follow-up home visit after day 8 late, and a day-after check has no promise of its own', async () => {
      const { episodeId, dischargedAt } = await discharged();
      await moveClockTo(addCalendarDays(dischargedAt, 10));
      const late = await gp.post(`/episodes/${episodeId}/visits`, { kind: 'follow_up_home_visit', mode: 'at_home', performedAt: addCalendarDays(dischargedAt, 9).toISOString(), checklist });
      expect(late.status, late.text).toBe(201);
      expect(late.body.visit).toMatchObject({ due: addCalendarDays(dischargedAt, 8).toISOString(), kept: false, tobs: null, performedBy: null, note: null });
      const check = await homeNurse.post(`/episodes/${episodeId}/visits`, { kind: 'day_after_check', mode: 'phone', performedAt: addCalendarDays(dischargedAt, 1).toISOString(), checklist });
      expect(check.body.visit).toMatchObject({ kind: 'day_after_check', mode: 'phone', due: null, kept: null });

      const list = await hospital.get(`/episodes/${episodeId}/visits`);
      expect(list.status).toBe(200);
      expect(list.body.visits.map((visit: { kind: string; kept: boolean | null }) => [visit.kind, visit.kept])).toEqual([
        ['day_after_check', null],
        ['follow_up_home_visit', false],
      ]);
    });

    it('refuses a visit before the discharge, for an episode still admitted, in the future or with the checklist half answered, and stores nothing', async () => {
      const { episodeId, patientId, dischargedAt } = await discharged();
      const visit = (performedAt: Date, overrides: object = {}) => ({ kind: 'reception_visit', mode: 'phone', performedAt: performedAt.toISOString(), checklist, ...overrides });
      const before = await homeNurse.post(`/episodes/${episodeId}/visits`, visit(new Date(dischargedAt.getTime() - MINUTE)));
      expect(before.status).toBe(422);
      expect(before.body.error.refusal).toEqual({ code: 'BEFORE_DISCHARGE', dischargedAt: dischargedAt.toISOString() });
      const future = await homeNurse.post(`/episodes/${episodeId}/visits`, visit(new Date(SCENARIO_NOW.getTime() + HOUR)));
      expect(future.body.error.refusal).toEqual({ code: 'IN_THE_FUTURE' });
      const { medicationUnderstood: _left, ...halfAnswered } = checklist;
      const half = await homeNurse.post(`/episodes/${episodeId}/visits`, visit(SCENARIO_NOW, { checklist: halfAnswered }));
      expect(half.status).toBe(400);
      expect(half.body.error.issues).toEqual([expect.objectContaining({ path: 'checklist.medicationUnderstood' })]);
      const wrongAnswer = await homeNurse.post(`/episodes/${episodeId}/visits`, visit(SCENARIO_NOW, { checklist: { ...checklist, medicationAvailable: 'not_relevant' } }));
      expect(wrongAnswer.status).toBe(400);
      const badTobs = await homeNurse.post(`/episodes/${episodeId}/visits`, visit(SCENARIO_NOW, { tobs: { ...calm, pulsePerMinute: 700 } }));
      expect(badTobs.status).toBe(400);
      expect(badTobs.body.error.issues).toEqual([{ path: 'tobs.pulsePerMinute', message: 'pulse must be 20–250 beats/min' }]);

      const stillAdmitted = await admitted();
      const notYet = await homeNurse.post(`/episodes/${stillAdmitted.episodeId}/visits`, visit(SCENARIO_NOW));
      expect(notYet.body.error).toMatchObject({ code: 'REFUSED', refusal: { code: 'NOT_DISCHARGED_YET' } });

      expect(await db().visit.count({ where: { episodeId: { in: [episodeId, stillAdmitted.episodeId] } } })).toBe(0);
      expect(await db().tobsObservation.count({ where: { episodeId } })).toBe(0);
      expect(events).toEqual([]);
      expect(await auditRows(patientId, 'Visit', 'denied')).toHaveLength(2);
    });

    it('is recorded by the home nurse and the GP of the care team; the ward reads it, outsiders cannot', async () => {
      const { episodeId, patientId, dischargedAt } = await discharged();
      const body = { kind: 'reception_visit', mode: 'video', performedAt: new Date(dischargedAt.getTime() + HOUR).toISOString(), checklist };
      expect((await hospital.post(`/episodes/${episodeId}/visits`, body)).status).toBe(403);
      expect((await outsider.post(`/episodes/${episodeId}/visits`, body)).status).toBe(404);
      expect((await outsider.get(`/episodes/${episodeId}/visits`)).status).toBe(404);
      expect((await gp.post(`/episodes/${episodeId}/visits`, body)).status).toBe(201);
      expect((await hospital.get(`/episodes/${episodeId}/visits`)).body.visits).toHaveLength(1);
      expect(await auditRows(patientId, 'Visit', 'denied')).toHaveLength(3);
    });
  });

  describe('TOBS', () => {
    const cases: Array<[string, TobsMeasurement]> = [
      ['a calm reading', calm],
      ['axillary 35.5 °C, read as 36.5 rectal', { ...calm, temperatureCelsius: 35.5, temperatureSite: 'axillary' }],
      ['borderline values at the card’s gaps', { pulsePerMinute: 130, respirationPerMinute: 8, temperatureCelsius: 40, temperatureSite: 'rectal', systolicMmHg: 200, consciousness: 'unresponsive' }],
      ['a low pulse and pressure, answering to pain', { pulsePerMinute: 45, respirationPerMinute: 10, temperatureCelsius: 35.0, temperatureSite: 'rectal', systolicMmHg: 75, consciousness: 'responds_to_pain' }],
    ];

    it.each(cases)('stores %s with the score the shared table gives it, SpO₂ beside it but not scored', async (_name, measurement) => {
      const { episodeId } = await discharged();
      const answer = await homeNurse.post(`/episodes/${episodeId}/tobs`, { ...measurement, observedAt: SCENARIO_NOW.toISOString() });
      expect(answer.status, answer.text).toBe(201);
      expect(answer.body.observation).toMatchObject({ ...measurement, score: scoreTobs(measurement).total, visitId: null, conferenceId: null });
      const row = await db().tobsObservation.findUniqueOrThrow({ where: { id: answer.body.observation.id } });
      expect(row.score).toBe(scoreTobs(measurement).total);
      expect(row.spo2Percent).toBe(measurement.spo2Percent ?? null);
    });

    it('gives the scores the card gives', async () => {
      expect(cases.map(([, measurement]) => scoreTobs(measurement).total)).toEqual([0, 0, 14, 8]);
    });

    it('is recorded during a call of the episode, not of another one', async () => {
      const { episodeId } = await discharged();
      const conference = await db().conference.create({ data: { episodeId, kind: 'follow_up', scheduledStart: SCENARIO_NOW, plannedDurationMinutes: 30, hostId: staffIds.homeNurse } });
      const atCall = await gp.post(`/episodes/${episodeId}/tobs`, { ...calm, observedAt: SCENARIO_NOW.toISOString(), conferenceId: conference.id });
      expect(atCall.status, atCall.text).toBe(201);
      expect(atCall.body.observation.conferenceId).toBe(conference.id);
      const other = await discharged();
      const elsewhere = await gp.post(`/episodes/${other.episodeId}/tobs`, { ...calm, observedAt: SCENARIO_NOW.toISOString(), conferenceId: conference.id });
      expect(elsewhere.status).toBe(404);
      expect(await db().tobsObservation.count({ where: { episodeId: other.episodeId } })).toBe(0);
    });

    it('refuses impossible vitals naming the field, and a hospital nurse, storing nothing', async () => {
      const { episodeId, patientId } = await discharged();
      const at = SCENARIO_NOW.toISOString();
      const refused = [
        [{ ...calm, temperatureCelsius: 378, observedAt: at }, [{ path: 'temperatureCelsius', message: 'temperature must be 25–45 °C' }]],
        [{ ...calm, temperatureCelsius: 37.85, observedAt: at }, [{ path: 'temperatureCelsius', message: 'temperature is read to one decimal, e.g. 37.8 °C' }]],
        [{ ...calm, systolicMmHg: 1200, observedAt: at }, [{ path: 'systolicMmHg', message: 'systolic blood pressure must be 40–300 mmHg' }]],
        [{ ...calm, temperatureSite: 'ear', observedAt: at }, [{ path: 'temperatureSite', message: 'temperature site must be one of rectal, oral, axillary' }]],
        [{ ...calm, spo2Percent: 101, observedAt: at }, [{ path: 'spo2Percent', message: 'SpO₂ must be 50–100 %' }]],
      ] as const;
      for (const [body, issues] of refused) {
        const answer = await homeNurse.post(`/episodes/${episodeId}/tobs`, body);
        expect(answer.status).toBe(400);
        expect(answer.body.error).toMatchObject({ code: 'BAD_REQUEST', issues });
      }
      expect((await hospital.post(`/episodes/${episodeId}/tobs`, { ...calm, observedAt: at })).status).toBe(403);
      const future = await homeNurse.post(`/episodes/${episodeId}/tobs`, { ...calm, observedAt: new Date(SCENARIO_NOW.getTime() + HOUR).toISOString() });
      expect(future.body.error.refusal).toEqual({ code: 'IN_THE_FUTURE' });
      expect(await db().tobsObservation.count({ where: { episodeId } })).toBe(0);
      expect(await auditRows(patientId, 'TobsObservation', 'denied')).toHaveLength(2);
    });
  });

  it('takes the patient off the home nurse’s day view once the reception visit is recorded, and off the follow-ups once that visit is', async () => {
    const { episodeId, dischargedAt } = await discharged();
    const listed = (day: { dischargesAwaitingReception: Array<{ episodeId: string }>; followUpsDue: Array<{ episodeId: string }> }) => ({
      awaitingReception: day.dischargesAwaitingReception.some((item) => item.episodeId === episodeId),
      followUpDue: day.followUpsDue.some((item) => item.episodeId === episodeId),
    });
    expect(listed((await homeNurse.get('/day')).body)).toEqual({ awaitingReception: true, followUpDue: true });

    // A day-after check is not the reception visit.
    await homeNurse.post(`/episodes/${episodeId}/visits`, { kind: 'day_after_check', mode: 'phone', performedAt: SCENARIO_NOW.toISOString(), checklist });
    expect(listed((await homeNurse.get('/day')).body)).toEqual({ awaitingReception: true, followUpDue: true });

    await homeNurse.post(`/episodes/${episodeId}/visits`, { kind: 'reception_visit', mode: 'at_home', performedAt: new Date(dischargedAt.getTime() + HOUR).toISOString(), checklist });
    expect(listed((await homeNurse.get('/day')).body)).toEqual({ awaitingReception: false, followUpDue: true });

    await moveClockTo(addCalendarDays(dischargedAt, 5));
    await gp.post(`/episodes/${episodeId}/visits`, { kind: 'follow_up_home_visit', mode: 'at_home', performedAt: addCalendarDays(dischargedAt, 4).toISOString(), checklist });
    expect(listed((await homeNurse.get('/day')).body)).toEqual({ awaitingReception: false, followUpDue: false });
  });

  it('exports the visits as Encounters and TOBS as LOINC-coded Observations, valid against the R4 definitions', async () => {
    const { episodeId, patientId, dischargedAt } = await discharged();
    await moveClockTo(new Date(dischargedAt.getTime() + 3 * HOUR));
    const tobs: TobsMeasurement = { ...calm, pulsePerMinute: 95, temperatureSite: 'oral' };
    const visit = (await homeNurse.post(`/episodes/${episodeId}/visits`, { kind: 'reception_visit', mode: 'at_home', performedAt: new Date(dischargedAt.getTime() + 2 * HOUR).toISOString(), checklist, tobs })).body.visit;
    const alone = (await gp.post(`/episodes/${episodeId}/tobs`, { ...calm, spo2Percent: undefined, observedAt: new Date(dischargedAt.getTime() + 3 * HOUR).toISOString() })).body.observation;

    const answer = await hospital.get(`/episodes/${episodeId}/fhir`);
    expect(answer.status, answer.text).toBe(200);
    const bundle = answer.body as Bundle;
    expect(fhirIssues(bundle)).toEqual([]);
    const resources = (bundle.entry ?? []).map((entry) => entry.resource!);
    for (const resource of resources) expect(fhirIssues(resource), `${resource.resourceType}/${resource.id}`).toEqual([]);

    const encounter = resources.find((resource): resource is Encounter => resource.resourceType === 'Encounter' && resource.id === visit.id);
    expect(encounter).toMatchObject({ status: 'finished', class: { code: 'HH' }, type: [{ text: 'Modtagebesøg' }], subject: { reference: `urn:uuid:${patientId}` } });
    const observations = resources.filter((resource): resource is Observation => resource.resourceType === 'Observation');
    expect(observations.map((observation) => observation.id)).toEqual([visit.tobs.id, alone.id]);
    const [atVisit, onItsOwn] = observations as [Observation, Observation];
    expect(atVisit).toMatchObject({
      status: 'final',
      subject: { reference: `urn:uuid:${patientId}` },
      encounter: { reference: `urn:uuid:${visit.id}` },
      performer: [{ reference: `urn:uuid:${staffIds.homeNurse}` }],
      effectiveDateTime: visit.performedAt,
      valueInteger: scoreTobs(tobs).total,
    });
    const components = (observation: Observation) =>
      Object.fromEntries((observation.component ?? []).map((component) => [component.code.coding?.[0]?.code, component.valueQuantity?.value ?? component.valueCodeableConcept?.text]));
    expect(components(atVisit)).toEqual({ '8867-4': 95, '9279-1': 16, '8310-5': 37.2, '8480-6': 135, '67775-7': 'Habituel', '59408-5': 96 });
    expect(onItsOwn.encounter).toBeUndefined();
    expect(components(onItsOwn)).not.toHaveProperty('59408-5');
  });
});
