import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hashPassword } from '@samplan/server/auth/password.ts';
import { DATABASE_KINDS } from '../../support/database-targets.ts';
import { uniqueCprNumber, uniqueLogin } from '../../support/record-fixtures.ts';
import { waitUntil } from '../../support/waitUntil.ts';
import { freshOffer } from '../acute/fixtures.ts';
import { connectClient } from '../plan/planServer.ts';
import { type ApiClient, type ApiServer, startApiServer } from './harness.ts';

/*
 * The acute assessment, on data of its own (not the demo's): Randers'
 * acute team takes requests 08–23 Copenhagen time and promises to be there
 * within 2 h. An out-of-hours doctor asks at 22:30 for an 86-year-old; the
 * acute nurse takes it into a call, enters TOBS that reach the doctor's
 * screen at once, and the doctor's decision flows into the episode and its plan.
 */

const PASSWORD = 'acute-assessment-tests';
/** 22:30 in Copenhagen (winter time), inside the team's hours. */
const EVENING = new Date('2026-12-02T21:30:00Z');
/** 23:30: the team has closed. */
const LATE = new Date('2026-12-02T22:30:00Z');
const MINUTE = 60_000;
const tobs = { pulsePerMinute: 112, respirationPerMinute: 22, temperatureCelsius: 38.6, temperatureSite: 'rectal', systolicMmHg: 98, consciousness: 'habitual', spo2Percent: 93 } as const;

describe.each(DATABASE_KINDS)('the acute assessment on %s', (kind) => {
  let server: ApiServer;
  let people: { doctor: ApiClient; nurse: ApiClient; secondNurse: ApiClient; homeNurse: ApiClient; hospitalVisitation: ApiClient };
  let ids: { randers: string; ward: string; doctor: string; nurse: string; doctorLogin: string; hospitalVisitation: string; municipalVisitation: string };
  let patient: () => Promise<{ cpr: string; patientId: string; episodeId: string }>;

  beforeAll(async () => {
    server = await startApiServer(kind);
    // Signed in on the evening itself: a session from the scenario's March would have ended by December.
    server.clock.set(EVENING);
    const db = server.fresh.db.prisma;
    const passwordHash = await hashPassword(PASSWORD);
    const randers = await db.organisation.create({
      data: { sector: 'municipal_unit', name: 'Randers Kommune', acuteServiceFromMinute: 8 * 60, acuteServiceToMinute: 23 * 60, acutePromiseMinutes: 120 },
    });
    const ward = await db.organisation.create({ data: { sector: 'hospital_ward', name: 'Regionshospitalet Randers, Medicinsk afdeling' } });
    const vagt = await db.organisation.create({ data: { sector: 'general_practice', name: 'Lægevagten Region Midtjylland' } });
    const gp = await db.organisation.create({ data: { sector: 'general_practice', name: 'Lægehuset Vestergade' } });
    const staff = async (name: string, role: 'out_of_hours_doctor' | 'acute_nurse' | 'home_nurse' | 'visitation_nurse', organisationId: string) => {
      const login = uniqueLogin();
      const row = await db.staffUser.create({ data: { name, role, organisationId, login, passwordHash } });
      return { id: row.id, login, client: await server.login(login, PASSWORD) };
    };
    const doctor = await staff('Vagtlæge Mads Holm', 'out_of_hours_doctor', vagt.id);
    const nurse = await staff('Akutsygeplejerske Rikke Dam', 'acute_nurse', randers.id);
    const secondNurse = await staff('Akutsygeplejerske Bo Lund', 'acute_nurse', randers.id);
    const homeNurse = await staff('Hjemmesygeplejerske Lis Kjær', 'home_nurse', randers.id);
    const hospitalVisitation = await staff('Visitationssygeplejerske Hanne Vestergaard', 'visitation_nurse', ward.id);
    const municipalVisitation = await staff('Visitationssygeplejerske Jonas Bech', 'visitation_nurse', randers.id);
    people = { doctor: doctor.client, nurse: nurse.client, secondNurse: secondNurse.client, homeNurse: homeNurse.client, hospitalVisitation: hospitalVisitation.client };
    ids = {
      randers: randers.id,
      ward: ward.id,
      doctor: doctor.id,
      nurse: nurse.id,
      doctorLogin: doctor.login,
      hospitalVisitation: hospitalVisitation.id,
      municipalVisitation: municipalVisitation.id,
    };
    // An 86-year-old citizen of Randers, home from an admission in the autumn.
    patient = async () => {
      const cpr = uniqueCprNumber();
      const row = await db.patient.create({ data: { name: 'Gerda Mikkelsen', cprNumber: cpr, dateOfBirth: new Date('1940-05-17'), homeMunicipalityId: randers.id } });
      const episode = await db.episode.create({
        data: {
          patientId: row.id,
          admittingWardId: ward.id,
          admittedAt: new Date('2026-10-01T09:00:00Z'),
          dischargedAt: new Date('2026-10-06T11:00:00Z'),
          status: 'discharged',
          gpPracticeId: gp.id,
          careTeamOrganisations: { create: [{ organisationId: ward.id }, { organisationId: randers.id }, { organisationId: gp.id }] },
        },
      });
      return { cpr, patientId: row.id, episodeId: episode.id };
    };
  });
  afterAll(() => server?.close());
  beforeEach(() => server.clock.set(EVENING));

  const ask = async (cpr: string) => {
    const asked = await people.doctor.post('/acute-assessments', { cpr, reason: 'Faldet, svimmel og feber siden i eftermiddags' });
    expect(asked.status, asked.text).toBe(201);
    return asked.body.acuteAssessment as { id: string; conference: null | { id: string } };
  };

  it('at 22:30 finds the citizen and her team open, takes the request with the promise, and shows it in the queue with the time waited', async () => {
    const gerda = await patient();
    const found = await people.doctor.post('/acute-assessments/lookup', { cpr: gerda.cpr });
    expect(found.body).toMatchObject({ found: true, patient: { name: 'Gerda Mikkelsen', ageYears: 86 }, team: { name: 'Randers Kommune', openNow: true, opensAt: null, service: { fromMinute: 480, toMinute: 1380, promiseMinutes: 120 } } });

    const asked = await ask(gerda.cpr);
    expect(asked).toMatchObject({ state: 'open', waitedMinutes: 0, answerBy: new Date(EVENING.getTime() + 120 * MINUTE).toISOString(), requestedBy: { id: ids.doctor } });

    server.clock.set(new Date(EVENING.getTime() + 17 * MINUTE));
    const queue = await people.nurse.get('/acute-assessments');
    expect(queue.status, queue.text).toBe(200);
    expect(queue.body.team).toMatchObject({ name: 'Randers Kommune', openNow: true });
    expect(queue.body.acuteAssessments.find((row: { id: string }) => row.id === asked.id)).toMatchObject({ state: 'open', waitedMinutes: 17, patient: { name: 'Gerda Mikkelsen', ageYears: 86 } });
    // A home nurse of the same municipality is not on its acute team.
    expect((await people.homeNurse.get('/acute-assessments')).status).toBe(403);
  });

  it('at 23:30 tells the doctor at once that the team has closed, when it opens and what to do instead, and writes nothing', async () => {
    const gerda = await patient();
    server.clock.set(LATE);
    // An hour without a request ends a session: he signs in again.
    const doctor = await server.login(ids.doctorLogin, PASSWORD);
    expect((await doctor.post('/acute-assessments/lookup', { cpr: gerda.cpr })).body.team).toMatchObject({ openNow: false, opensAt: '2026-12-03T07:00:00.000Z' });
    const refused = await doctor.post('/acute-assessments', { cpr: gerda.cpr, reason: 'Faldet' });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({
      code: 'REFUSED',
      refusal: { code: 'ACUTE_TEAM_CLOSED', fromMinute: 480, toMinute: 1380, opensAt: '2026-12-03T07:00:00.000Z', whenAcute: 'emergency_112' },
    });
    const db = server.fresh.db.prisma;
    expect(await db.acuteAssessment.count({ where: { patientId: gerda.patientId } })).toBe(0);
    expect(await db.auditEvent.count({ where: { patientId: gerda.patientId, resourceType: 'AcuteAssessment', action: 'create', outcome: 'denied' } })).toBe(1);
  });

  it('one acute nurse takes it into a call with the doctor let in; a second is told who has it', async () => {
    const gerda = await patient();
    const asked = await ask(gerda.cpr);
    const answers = await Promise.all([people.nurse.post(`/acute-assessments/${asked.id}/take`), people.secondNurse.post(`/acute-assessments/${asked.id}/take`)]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    const taken = answers.find((answer) => answer.status === 200)!.body.acuteAssessment;
    expect(taken.state).toBe('taken');
    expect(taken.conference).toMatchObject({ kind: 'acute_assessment', episodeId: gerda.episodeId, host: { id: taken.takenBy.id } });
    expect(taken.conference.participants.map((p: { role: string; lobbyState: string }) => [p.role, p.lobbyState]).sort()).toEqual([
      ['municipality', 'admitted'],
      ['out_of_hours_doctor', 'admitted'],
    ]);
    expect(await server.fresh.db.prisma.conference.count({ where: { episodeId: gerda.episodeId, kind: 'acute_assessment' } })).toBe(1);
    // The doctor joins from his desk: his room token.
    expect((await people.doctor.post(`/conferences/${taken.conference.id}/room-token`)).status).toBe(200);
  });

  it("pulls the hospital's visitation and the municipal visitation nurse into the call with one click each: care team, participants, audited", async () => {
    const gerda = await patient();
    const asked = await ask(gerda.cpr);
    const pullIn = (client: ApiClient, who: string) => client.post(`/acute-assessments/${asked.id}/pull-in`, { who });
    // Before it is taken there is no call to pull anyone into (refused, audited).
    expect((await pullIn(people.nurse, 'hospital_visitation')).status).toBe(409);
    const taken = (await people.nurse.post(`/acute-assessments/${asked.id}/take`)).body.acuteAssessment;
    // The visitation cannot see it yet, and nobody but the doctor and the team pulls others in.
    expect((await people.hospitalVisitation.get(`/acute-assessments/${asked.id}`)).status).toBe(404);
    expect((await pullIn(people.homeNurse, 'municipal_visitation')).status).toBe(404);
    expect((await pullIn(people.doctor, 'everyone')).status).toBe(400);

    const byDoctor = await pullIn(people.doctor, 'hospital_visitation');
    expect(byDoctor.status, byDoctor.text).toBe(200);
    const byNurse = await pullIn(people.nurse, 'municipal_visitation');
    expect(byNurse.status, byNurse.text).toBe(200);
    // A second click changes nothing.
    expect((await pullIn(people.nurse, 'municipal_visitation')).status).toBe(200);

    const db = server.fresh.db.prisma;
    const participants = await db.participant.findMany({ where: { conferenceId: taken.conference.id }, select: { staffUserId: true, role: true, lobbyState: true } });
    expect(participants.filter((p) => p.staffUserId === ids.hospitalVisitation)).toEqual([{ staffUserId: ids.hospitalVisitation, role: 'hospital', lobbyState: 'admitted' }]);
    expect(participants.filter((p) => p.staffUserId === ids.municipalVisitation)).toEqual([{ staffUserId: ids.municipalVisitation, role: 'municipality', lobbyState: 'admitted' }]);
    const careTeam = await db.careTeamStaff.findMany({ where: { episodeId: gerda.episodeId }, select: { staffUserId: true } });
    expect(careTeam.map((member) => member.staffUserId)).toEqual(expect.arrayContaining([ids.hospitalVisitation, ids.municipalVisitation]));
    // Now in the care team: she reads the assessment and enters the call.
    expect((await people.hospitalVisitation.get(`/acute-assessments/${asked.id}`)).status).toBe(200);
    expect((await people.hospitalVisitation.post(`/conferences/${taken.conference.id}/room-token`)).status).toBe(200);
    expect(await db.auditEvent.count({ where: { patientId: gerda.patientId, resourceType: 'AcuteAssessment', action: 'invite', outcome: 'ok' } })).toBe(3);
    expect(await db.auditEvent.count({ where: { patientId: gerda.patientId, resourceType: 'Participant', action: 'invite', outcome: 'ok' } })).toBe(2);
    expect(await db.auditEvent.count({ where: { patientId: gerda.patientId, resourceType: 'AcuteAssessment', action: 'invite', outcome: 'denied' } })).toBe(2);
  });

  it("TOBS entered by the nurse reaches the doctor's screen at once, with the score and what it calls for", async () => {
    const gerda = await patient();
    const asked = await ask(gerda.cpr);
    const taken = (await people.nurse.post(`/acute-assessments/${asked.id}/take`)).body.acuteAssessment;
    expect((await people.doctor.post(`/acute-assessments/${asked.id}/tobs`, tobs)).status).toBe(403);

    const socket = await connectClient(server.samplan.url, people.doctor.cookie as string);
    try {
      const told: string[] = [];
      socket.on('conference:changed', ({ conferenceId }: { conferenceId: string }) => told.push(conferenceId));
      const entered = await people.nurse.post(`/acute-assessments/${asked.id}/tobs`, tobs);
      expect(entered.status, entered.text).toBe(201);
      await waitUntil(() => told.includes(taken.conference.id), 5_000, () => `notices: ${told.join(', ')}`);
    } finally {
      socket.close();
    }
    const seen = (await people.doctor.get(`/acute-assessments/${asked.id}`)).body.acuteAssessment;
    // Pulse 112 → 2, respiration 22 → 2, 38.6 °C → 1, systolic 98 → 1, habitual → 0.
    expect(seen.observations).toHaveLength(1);
    expect(seen.observations[0]).toMatchObject({ score: 6, spo2Percent: 93, responseCode: 'call_nurse', conferenceId: taken.conference.id });
  });

  it('treatment at home puts the tasks to the acute team and the home nurse, with the follow-up, in the plan of her episode', async () => {
    const gerda = await patient();
    const asked = await ask(gerda.cpr);
    await people.nurse.post(`/acute-assessments/${asked.id}/take`);
    const followUpAt = new Date(EVENING.getTime() + 10 * 60 * MINUTE).toISOString();
    const decision = { decision: 'home_treatment', reason: 'Let dehydreret; klarer sig hjemme med væske', followUpAt, tasks: [{ what: 'Væskeskema, 1,5 l i døgnet', owner: 'home_nurse' }] };
    expect((await people.nurse.post(`/acute-assessments/${asked.id}/decision`, decision)).status).toBe(403);
    const decided = await people.doctor.post(`/acute-assessments/${asked.id}/decision`, decision);
    expect(decided.status, decided.text).toBe(200);
    expect(decided.body.acuteAssessment).toMatchObject({ state: 'decided', decision: { decision: 'home_treatment', episodeId: gerda.episodeId, followUpAt, decidedBy: { id: ids.doctor } } });

    const plan = await people.homeNurse.get(`/episodes/${gerda.episodeId}/plan`);
    expect(plan.status, plan.text).toBe(200);
    expect(plan.body.document.needs.map((need: { text: string }) => need.text)).toContain('Akut vurdering: Let dehydreret; klarer sig hjemme med væske');
    expect(plan.body.document.tasks.map((task: { what: string; due: string; responsible: { person?: string } }) => [task.what, task.responsible.person, task.due])).toEqual([
      ['Væskeskema, 1,5 l i døgnet', 'hjemmesygeplejen', followUpAt],
      ['Opfølgning efter akut vurdering', 'akutteamet', followUpAt],
    ]);
    expect((await people.doctor.post(`/acute-assessments/${asked.id}/decision`, { decision: 'other', reason: 'Igen' })).status).toBe(409);
    expect(await server.fresh.db.prisma.auditEvent.count({ where: { patientId: gerda.patientId, resourceType: 'AcuteAssessment', action: 'decide', outcome: 'ok' } })).toBe(1);
  });

  it('admission starts a new episode at the ward, the doctor in its care team, its plan with the reception', async () => {
    const gerda = await patient();
    const asked = await ask(gerda.cpr);
    await people.nurse.post(`/acute-assessments/${asked.id}/take`);
    const decided = await people.doctor.post(`/acute-assessments/${asked.id}/decision`, { decision: 'admission', reason: 'TOBS 6 og faldende blodtryk', wardId: ids.ward });
    expect(decided.status, decided.text).toBe(200);
    const episodeId = decided.body.acuteAssessment.decision.episodeId as string;
    expect(episodeId).not.toBe(gerda.episodeId);
    const db = server.fresh.db.prisma;
    const episode = await db.episode.findUniqueOrThrow({ where: { id: episodeId }, include: { careTeamStaff: true, careTeamOrganisations: true } });
    expect(episode).toMatchObject({ patientId: gerda.patientId, admittingWardId: ids.ward, status: 'admitted', admittedAt: EVENING });
    expect(episode.careTeamStaff.map((member) => member.staffUserId)).toEqual([ids.doctor]);
    expect(episode.careTeamOrganisations.map((member) => member.organisationId)).toContain(ids.randers);
    const plan = (await people.doctor.get(`/episodes/${episodeId}/plan`)).body;
    expect(plan.document.tasks.map((task: { what: string; responsible: { role: string } }) => [task.what, task.responsible.role])).toEqual([
      ['Modtag patienten indlagt efter akut vurdering i hjemmet', 'hospital'],
    ]);

    // Admitted now: a second admission from another assessment is refused as any would be.
    const again = await ask(gerda.cpr);
    const refused = await people.doctor.post(`/acute-assessments/${again.id}/decision`, { decision: 'admission', reason: 'Igen', wardId: ids.ward });
    expect(refused.body.error.code).toBe('EPISODE_ALREADY_OPEN');
  });

  it('a municipal acute bed confirms the bed the doctor reserved, with the decision, and the episode goes on there with its plan', async () => {
    const gerda = await patient();
    const asked = await ask(gerda.cpr);
    await people.nurse.post(`/acute-assessments/${asked.id}/take`);
    const db = server.fresh.db.prisma;
    const offer = await freshOffer(db, ids.randers, 1);
    const reserved = await people.doctor.post(`/acute-beds/offers/${offer.id}/reservations`);
    expect(reserved.status, reserved.text).toBe(201);
    const reservationId = reserved.body.reservation.id as string;
    // Only the doctor's own reservation: the nurse's decision is refused before any bed is touched.
    expect((await people.nurse.post(`/acute-assessments/${asked.id}/decision`, { decision: 'municipal_acute_bed', reason: 'Akutplads', reservationId })).status).toBe(403);

    const decided = await people.doctor.post(`/acute-assessments/${asked.id}/decision`, { decision: 'municipal_acute_bed', reason: 'Kan ikke være alene i nat; ilt og observation', reservationId });
    expect(decided.status, decided.text).toBe(200);
    expect(decided.body.acuteAssessment.decision).toMatchObject({ decision: 'municipal_acute_bed', bedReservationId: reservationId, episodeId: gerda.episodeId });
    expect(await db.acuteBedReservation.findUniqueOrThrow({ where: { id: reservationId }, select: { status: true, confirmedById: true } })).toEqual({ status: 'confirmed', confirmedById: ids.doctor });
    const plan = (await people.homeNurse.get(`/episodes/${gerda.episodeId}/plan`)).body;
    expect(plan.document.tasks.map((task: { what: string; responsible: { organisation?: string } }) => [task.what, task.responsible.organisation])).toEqual([
      ['Tilse borgeren på den kommunale akutplads', `Randers Kommune, ${offer.name}`],
    ]);

    // A confirmed reservation is not confirmed twice: another assessment's decision on it is refused, and that decision is not recorded.
    const again = await ask(gerda.cpr);
    const refused = await people.doctor.post(`/acute-assessments/${again.id}/decision`, { decision: 'municipal_acute_bed', reason: 'Igen', reservationId });
    expect(refused.body.error.code).toBe('RESERVATION_NOT_ACTIVE');
    expect((await people.doctor.get(`/acute-assessments/${again.id}`)).body.acuteAssessment.decision).toBeNull();
  });
});
