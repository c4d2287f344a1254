import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../../support/database-targets.ts';
import { uniqueCprNumber } from '../../support/record-fixtures.ts';
import type { Db } from '@samplan/server/store/database.ts';
import { type AcuteCast, createAcuteScene, freshOffer } from '../acute/fixtures.ts';
import { TEST_SECRET } from '../plan/fixtures.ts';
import { type ApiClient, type ApiServer, SCENARIO_NOW, startApiServer } from './harness.ts';
import { ACUTE_ALL_DAY, buildScene, freshAcute, freshAdmission, freshAdvice, freshConference, freshConsent, freshGuest, ROLES, type Role, type Scene, type Target } from './scene.ts';

// Every role × every route → the status it gets. Columns: H ward nurse, M
// Odder home nurse and G the GP (all in the care team), X a home nurse from
// Skanderborg (not in it), Go / Gc the geriatrician with the episode's advice
// window open / closed, P and R the patient's and a relative's (not her representative) link to a
// conference of the episode, O a patient's link to another episode's
// conference, A no session.
const MATRIX = `
route                 H   M   G   X   Go  Gc  P   R   O   A
me                    200 200 200 200 200 200 200 200 200 401
iceServers            200 200 200 200 200 200 200 200 200 401
episodes.list         200 200 200 200 200 200 403 403 403 401
day                   200 200 200 200 200 200 403 403 403 401
episode.get           200 200 200 404 200 404 403 403 404 401
patient.identify      200 200 200 404 200 404 403 403 403 401
conferences.list      200 200 200 404 200 404 403 403 404 401
conference.schedule   201 201 201 404 201 404 403 403 403 401
conference.get        200 200 200 404 200 404 200 200 404 401
conference.cancel     200 200 200 404 200 404 403 403 403 401
conference.end        200 200 200 404 200 404 403 403 403 401
conference.reschedule 200 200 200 404 200 404 403 403 403 401
conference.messages   200 200 200 404 200 404 403 403 403 401
participant.resend    201 201 201 404 201 404 403 403 403 401
participant.invite    201 201 201 404 201 404 403 403 403 401
participant.revoke    200 200 200 404 200 404 403 403 403 401
participant.lobby     200 200 200 404 200 404 403 403 403 401
conference.roomToken  200 200 200 404 200 404 200 200 404 401
advice.create         403 201 201 404 403 404 201 201 404 401
advice.list           200 200 200 404 200 404 200 200 404 401
advice.queue          403 403 403 403 200 200 403 403 403 401
advice.take           403 403 403 404 200 404 403 403 403 401
advice.isbar          403 403 403 404 200 404 403 403 403 401
advice.answer         403 403 403 404 200 404 403 403 403 401
advice.callBack       403 403 403 404 201 404 403 403 403 401
callBack.ringing      200 200 200 200 200 200 200 200 200 401
callBack.roomToken    404 404 404 404 404 404 404 404 404 401
consents.list         200 200 200 404 200 404 403 403 404 401
consent.record        201 403 403 404 403 404 403 403 403 401
consent.withdraw      200 403 403 404 403 404 403 403 403 401
audit.read            200 403 403 404 403 404 403 403 403 401
accessLog.read        403 403 403 404 403 404 200 403 404 401
representation.set    200 200 403 404 403 404 403 403 403 401
patients.lookup       200 403 403 403 403 403 403 403 403 401
episode.admit         201 403 403 403 403 403 403 403 403 401
screening.record      201 403 403 404 403 404 403 403 403 401
episode.discharge     201 403 403 404 404 404 403 403 403 401
visits.list           200 200 200 404 200 404 403 403 404 401
visit.record          403 201 201 404 403 404 403 403 403 401
tobs.list             200 200 200 404 200 404 403 403 404 401
tobs.record           403 201 201 404 403 404 403 403 403 401
acute.lookup          403 403 200 403 403 403 403 403 403 401
acute.create          403 403 201 403 403 403 403 403 403 401
acute.queue           403 403 403 403 403 403 403 403 403 401
acute.get             404 404 200 404 404 404 403 403 403 401
acute.take            404 404 403 404 404 404 403 403 403 401
acute.tobs            404 404 403 404 404 404 403 403 403 401
acute.decide          404 404 200 404 404 404 403 403 403 401
acute.pullIn          404 404 409 404 404 404 403 403 403 401
openapi               200 200 200 200 200 200 200 200 200 200
`;

interface Call {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  body?: unknown;
  /** The route pattern the audit trail names. */
  via: string;
  /** Reads or writes patient data, so an allowed call leaves an "ok" audit row. */
  patientData: boolean;
}

type Prepare = (target: Target, scene: Scene, server: ApiServer) => Promise<Call>;

const checklist = {
  medicationAvailable: 'yes',
  medicationDispensed: 'yes',
  medicationUnderstood: 'yes',
  homeCareContactMade: 'yes',
  relativesContactMade: 'yes',
  gpInvolvedCorrectly: 'yes',
  virtualDischargeConferenceNeeded: 'no',
  geriatricAdviceNeeded: 'no',
};
const tobs = { pulsePerMinute: 80, respirationPerMinute: 18, temperatureCelsius: 37.4, temperatureSite: 'oral', systolicMmHg: 128, consciousness: 'habitual' };

const isbar = { identify: 'Ella Sørensen, 90 år', situation: 'Mere forvirret', background: 'Udskrevet for fem dage siden', assessment: 'Mulig dehydrering', recommendation: 'Væske, egen læge i morgen' };

const call = (method: Call['method'], pattern: string, ids: Record<string, string>, body?: unknown, patientData = true): Call => ({
  method,
  path: pattern.replace(/:([A-Za-z]+)/g, (_match, name: string) => ids[name] ?? `:${name}`),
  body,
  via: `${method} /api${pattern}`,
  patientData,
});

const ROUTES: Record<string, Prepare> = {
  me: async () => call('GET', '/auth/me', {}, undefined, false),
  iceServers: async () => call('GET', '/ice-servers', {}, undefined, false),
  'episodes.list': async () => call('GET', '/episodes', {}),
  day: async () => call('GET', '/day', {}),
  'episode.get': async (t) => call('GET', '/episodes/:episodeId', { episodeId: t.episodeId }),
  'patient.identify': async (t) => call('POST', '/episodes/:episodeId/patient/identify', { episodeId: t.episodeId }),
  'conferences.list': async (t) => call('GET', '/episodes/:episodeId/conferences', { episodeId: t.episodeId }),
  'conference.schedule': async (t) => call('POST', '/episodes/:episodeId/conferences', { episodeId: t.episodeId }, { kind: 'follow_up' }),
  'conference.get': async (t) => call('GET', '/conferences/:conferenceId', { conferenceId: t.conferenceId }),
  'conference.cancel': async (t, s, v) => call('POST', '/conferences/:conferenceId/cancel', { conferenceId: await freshConference(v.fresh.db.prisma, t.episodeId, s.staffIds.nurse) }),
  'conference.end': async (t, s, v) => call('POST', '/conferences/:conferenceId/end', { conferenceId: await freshConference(v.fresh.db.prisma, t.episodeId, s.staffIds.nurse) }),
  'conference.reschedule': async (t, s, v) =>
    call('POST', '/conferences/:conferenceId/reschedule', { conferenceId: await freshConference(v.fresh.db.prisma, t.episodeId, s.staffIds.nurse) }, { scheduledStart: new Date(SCENARIO_NOW.getTime() + 7_200_000).toISOString() }),
  'conference.messages': async (t) => call('GET', '/conferences/:conferenceId/messages', { conferenceId: t.conferenceId }),
  'participant.resend': async (t, _s, v) =>
    call('POST', '/conferences/:conferenceId/participants/:participantId/messages', { conferenceId: t.conferenceId, participantId: await freshGuest(v.fresh.db.prisma, t.conferenceId) }, { channel: 'sms', recipient: '20 12 34 56' }),
  'participant.invite': async (t, s, v) =>
    call('POST', '/conferences/:conferenceId/participants', { conferenceId: await freshConference(v.fresh.db.prisma, t.episodeId, s.staffIds.nurse) }, { kind: 'guest', role: 'relative', name: 'Nabo Hansen' }),
  'participant.revoke': async (t, _s, v) =>
    call('POST', '/conferences/:conferenceId/participants/:participantId/revoke', { conferenceId: t.conferenceId, participantId: await freshGuest(v.fresh.db.prisma, t.conferenceId) }),
  'participant.lobby': async (t, _s, v) =>
    call('POST', '/conferences/:conferenceId/participants/:participantId/lobby', { conferenceId: t.conferenceId, participantId: await freshGuest(v.fresh.db.prisma, t.conferenceId) }, { state: 'admitted' }),
  'conference.roomToken': async (t) => call('POST', '/conferences/:conferenceId/room-token', { conferenceId: t.conferenceId }),
  'advice.create': async (t) => call('POST', '/episodes/:episodeId/advice-requests', { episodeId: t.episodeId }, { channel: 'video', question: 'Må hun tage sin sovemedicin i aften?' }),
  'advice.list': async (t) => call('GET', '/episodes/:episodeId/advice-requests', { episodeId: t.episodeId }),
  'advice.queue': async () => call('GET', '/advice-requests', {}),
  'advice.take': async (t, _s, v) => call('POST', '/advice-requests/:adviceRequestId/take', { adviceRequestId: await freshAdvice(v.fresh.db.prisma, t.episodeId) }),
  'advice.isbar': async (t, s, v) =>
    call('PUT', '/advice-requests/:adviceRequestId/isbar', { adviceRequestId: await freshAdvice(v.fresh.db.prisma, t.episodeId, s.staffIds.geriatrician) }, { situation: 'Mere forvirret' }),
  'advice.answer': async (t, s, v) =>
    call('POST', '/advice-requests/:adviceRequestId/answer', { adviceRequestId: await freshAdvice(v.fresh.db.prisma, t.episodeId, s.staffIds.geriatrician) }, { channel: 'phone', isbar }),
  'advice.callBack': async (t, _s, v) => call('POST', '/advice-requests/:adviceRequestId/call-back', { adviceRequestId: await freshAdvice(v.fresh.db.prisma, t.episodeId) }),
  'callBack.ringing': async () => call('GET', '/call-back', {}, undefined, false),
  // No call-back was made for anyone here: the conference's ordinary link opens nothing through this door.
  'callBack.roomToken': async (t) => call('POST', '/call-back/:conferenceId/room-token', { conferenceId: t.conferenceId }),
  'consents.list': async (t) => call('GET', '/episodes/:episodeId/consents', { episodeId: t.episodeId }),
  'consent.record': async (t) => call('POST', '/episodes/:episodeId/consents', { episodeId: t.episodeId }, { scope: 'video_participation' }),
  'consent.withdraw': async (t, s, v) =>
    call('POST', '/episodes/:episodeId/consents/:consentId/withdraw', { episodeId: t.episodeId, consentId: await freshConsent(v.fresh.db.prisma, t, s.staffIds.nurse) }),
  'audit.read': async (t) => call('GET', '/episodes/:episodeId/audit', { episodeId: t.episodeId }),
  'accessLog.read': async (t) => call('GET', '/episodes/:episodeId/access-log', { episodeId: t.episodeId }),
  // "none" leaves the relative link's standing as it is for the rows after this one.
  'representation.set': async (t, _s, v) =>
    call(
      'PUT',
      '/episodes/:episodeId/relatives/:relativeId/representation',
      { episodeId: t.episodeId, relativeId: (await v.fresh.db.prisma.relative.findFirst({ where: { patientId: t.patientId } }))?.id ?? randomUUID() },
      { representation: 'none' },
    ),
  'patients.lookup': async () => call('POST', '/patients/lookup', {}, { cpr: uniqueCprNumber() }),
  'episode.admit': async (_t, _s, v) => {
    const municipality = await v.fresh.db.prisma.organisation.findFirstOrThrow({ where: { sector: 'municipal_unit' } });
    const patient = { cpr: uniqueCprNumber(), name: 'Nina Ny', homeMunicipalityId: municipality.id };
    return call('POST', '/episodes', {}, { patient, admittedAt: new Date(SCENARIO_NOW.getTime() - 3_600_000).toISOString() });
  },
  'screening.record': async (t) => call('POST', '/episodes/:episodeId/screenings', { episodeId: t.episodeId }, { score: 27 }),
  'episode.discharge': async (t, _s, v) =>
    call('POST', '/episodes/:episodeId/discharge', { episodeId: await freshAdmission(v.fresh.db.prisma, t) }, { dischargedAt: SCENARIO_NOW.toISOString(), destination: 'home' }),
  'visits.list': async (t) => call('GET', '/episodes/:episodeId/visits', { episodeId: t.episodeId }),
  'visit.record': async (t) => call('POST', '/episodes/:episodeId/visits', { episodeId: t.episodeId }, { kind: 'day_after_check', mode: 'phone', performedAt: SCENARIO_NOW.toISOString(), checklist }),
  'tobs.list': async (t) => call('GET', '/episodes/:episodeId/tobs', { episodeId: t.episodeId }),
  'tobs.record': async (t) => call('POST', '/episodes/:episodeId/tobs', { episodeId: t.episodeId }, { ...tobs, observedAt: SCENARIO_NOW.toISOString() }),
  // The GP asks (laege@rosensgade.demo); nobody in this scene is on an acute team (tests/db/api/acute-assessment.test.ts has them).
  'acute.lookup': async (t) => call('POST', '/acute-assessments/lookup', {}, { cpr: t.cpr }),
  'acute.create': async (t, _s, v) => {
    await v.fresh.db.prisma.patient.update({ where: { id: t.patientId }, data: { homeMunicipality: { update: ACUTE_ALL_DAY } } });
    return call('POST', '/acute-assessments', {}, { cpr: t.cpr, reason: 'Faldet i nat, svimmel' });
  },
  'acute.queue': async () => call('GET', '/acute-assessments', {}),
  'acute.get': async (t, s, v) => call('GET', '/acute-assessments/:acuteAssessmentId', { acuteAssessmentId: await freshAcute(v.fresh.db.prisma, t, s.actorIds.gp as string) }),
  'acute.take': async (t, s, v) => call('POST', '/acute-assessments/:acuteAssessmentId/take', { acuteAssessmentId: await freshAcute(v.fresh.db.prisma, t, s.actorIds.gp as string) }),
  'acute.tobs': async (t, s, v) => call('POST', '/acute-assessments/:acuteAssessmentId/tobs', { acuteAssessmentId: await freshAcute(v.fresh.db.prisma, t, s.actorIds.gp as string) }, tobs),
  // The GP who asked passes the check and is told there is no call yet (the assessment is not taken).
  'acute.pullIn': async (t, s, v) =>
    call('POST', '/acute-assessments/:acuteAssessmentId/pull-in', { acuteAssessmentId: await freshAcute(v.fresh.db.prisma, t, s.actorIds.gp as string) }, { who: 'hospital_visitation' }),
  'acute.decide': async (t, s, v) =>
    call('POST', '/acute-assessments/:acuteAssessmentId/decision', { acuteAssessmentId: await freshAcute(v.fresh.db.prisma, t, s.actorIds.gp as string) }, { decision: 'other', reason: 'Egen læge ser hende i morgen' }),
  openapi: async () => call('GET', '/openapi.json', {}, undefined, false),
};

const rows = MATRIX.trim()
  .split('\n')
  .slice(1)
  .map((line) => line.trim().split(/\s+/));
const cells = rows.flatMap(([route, ...statuses]) => ROLES.map((role, index) => ({ route: route as string, role, status: Number(statuses[index]) })));

describe.each(DATABASE_KINDS)('access matrix on %s', (kind) => {
  let server: ApiServer;
  let scene: Scene;
  beforeAll(async () => {
    server = await startApiServer(kind);
    scene = await buildScene(server);
  });
  afterAll(() => server?.close());

  it('names every route once, and nothing else', () => {
    expect(new Set(rows.map(([route]) => route)).size).toBe(rows.length);
    expect(Object.keys(ROUTES).sort()).toEqual(rows.map(([route]) => route as string).sort());
  });

  it('covers every operation of the OpenAPI document with these tags', async () => {
    // The plan and FHIR routes have their own access tests beside their service (tests/db/plan).
    const tags = new Set(['auth', 'episodes', 'conferences', 'advice', 'consent', 'audit', 'visits', 'acute']);
    const openapi = (await server.client().get('/openapi.json')).body as { paths: Record<string, Record<string, { tags: string[] }>> };
    const operations = Object.entries(openapi.paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([, operation]) => operation.tags.some((tag) => tags.has(tag)))
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    expect(operations.length).toBeGreaterThan(20);
    const tested = new Set<string>();
    for (const prepare of Object.values(ROUTES)) {
      const probe = await prepare(scene.targets.open, scene, server);
      tested.add(`${probe.method} ${probe.via.split(' ')[1]?.replace(/:([A-Za-z]+)/g, '{$1}')}`);
    }
    // Login, logout and link redemption change sessions: tested in sessions.test.ts; set-password links (public, no patient data) in staff-admin.test.ts;
    // the organisations offering their own sign-in (public, names only) in oidc-sign-in.test.ts.
    const elsewhere = ['POST /api/auth/login', 'POST /api/auth/logout', 'POST /api/join/{linkToken}', 'GET /api/password-links/{linkToken}', 'POST /api/password-links/{linkToken}', 'GET /api/auth/organisations'];
    expect(operations.filter((operation) => !tested.has(operation) && !elsewhere.includes(operation))).toEqual([]);
  });

  it.each(cells)('$route as $role → $status', async ({ route, role, status }) => {
    const target = scene.targetOf(role);
    const request = await ROUTES[route]!(target, scene, server);
    const actorId = scene.actorIds[role];
    const db = server.fresh.db.prisma;
    const auditCount = (outcome: 'ok' | 'denied') => (actorId === null ? Promise.resolve(0) : db.auditEvent.count({ where: { actorId, via: request.via, outcome } }));
    const before = { ok: await auditCount('ok'), denied: await auditCount('denied') };

    const answer = await scene.clients[role].request(request.method, request.path, request.body);
    expect(answer.status, answer.text).toBe(status);

    if (status >= 400) {
      // A refusal says why in a stable code, and nothing about the patient.
      expect(Object.keys(answer.body)).toEqual(['error']);
      expect(answer.text).not.toContain(target.patientName);
      expect(answer.text).not.toContain(target.cpr.slice(0, 6));
      if (status !== 401) expect(await auditCount('denied')).toBe(before.denied + 1);
    } else if (request.patientData) {
      expect(await auditCount('ok')).toBeGreaterThan(before.ok);
    }
  });
});

// The acute beds: who sees the shared overview, reserves, confirms, releases
// and keeps a municipality's offers. Columns: D a hospital doctor, V the
// hospital's visitation nurse, N a ward nurse, G a GP, O an out-of-hours
// doctor, K the offer's municipality's acute nurse, K2 another municipality's,
// A no session. Its own cast (tests/db/acute/fixtures.ts), not the demo's.
const ACUTE_MATRIX = `
route                 D   V   N   G   O   K   K2  A
acuteBeds.read        200 200 403 200 200 200 200 401
acuteOffer.create     403 403 403 403 403 201 201 401
acuteOffer.update     403 403 403 403 403 200 403 401
acuteBed.reserve      201 403 403 201 201 403 403 401
reservation.confirm   200 403 403 403 403 200 403 401
reservation.cancel    200 403 403 403 403 200 403 401
occupied.free         403 403 403 403 403 200 403 401
`;
const ACUTE_ROLES = ['D', 'V', 'N', 'G', 'O', 'K', 'K2', 'A'] as const;
type AcuteRole = (typeof ACUTE_ROLES)[number];
type AcutePrepare = (cast: AcuteCast, db: Db) => Promise<Call>;

const offerInput = { name: 'Akutpladser, Plejecenter Syd', bedsTotal: 2, competences: ['oxygen'], otherCompetences: '' };
/** A reservation by the cast's hospital doctor on an offer of its own, confirmed when `occupied`. */
async function freshReservation(cast: AcuteCast, db: Db, occupied: boolean): Promise<string> {
  const offer = await freshOffer(db, cast.municipality.id, 1);
  const row = await db.acuteBedReservation.create({
    data: {
      offerId: offer.id,
      reservedById: cast.doctor.staffId,
      reservedAt: SCENARIO_NOW,
      expiresAt: new Date(SCENARIO_NOW.getTime() + 30 * 60_000),
      ...(occupied ? { status: 'confirmed' as const, confirmedAt: SCENARIO_NOW, confirmedById: cast.doctor.staffId } : {}),
    },
  });
  return row.id;
}

const ACUTE_ROUTES: Record<string, AcutePrepare> = {
  'acuteBeds.read': async () => call('GET', '/acute-beds', {}, undefined, false),
  'acuteOffer.create': async () => call('POST', '/acute-beds/offers', {}, offerInput, false),
  'acuteOffer.update': async (cast) => call('PUT', '/acute-beds/offers/:offerId', { offerId: cast.offer.id }, { ...offerInput, bedsTotal: 5 }, false),
  'acuteBed.reserve': async (cast, db) => call('POST', '/acute-beds/offers/:offerId/reservations', { offerId: (await freshOffer(db, cast.municipality.id, 1)).id }, undefined, false),
  'reservation.confirm': async (cast, db) => call('POST', '/acute-beds/reservations/:reservationId/confirm', { reservationId: await freshReservation(cast, db, false) }, undefined, false),
  'reservation.cancel': async (cast, db) =>
    call('POST', '/acute-beds/reservations/:reservationId/release', { reservationId: await freshReservation(cast, db, false) }, { reason: 'cancelled' }, false),
  'occupied.free': async (cast, db) => call('POST', '/acute-beds/reservations/:reservationId/release', { reservationId: await freshReservation(cast, db, true) }, { reason: 'left' }, false),
};

const acuteRows = ACUTE_MATRIX.trim()
  .split('\n')
  .slice(1)
  .map((line) => line.trim().split(/\s+/));
const acuteCells = acuteRows.flatMap(([route, ...statuses]) => ACUTE_ROLES.map((role, index) => ({ route: route as string, role, status: Number(statuses[index]) })));

describe.each(DATABASE_KINDS)('acute beds access matrix on %s', (kind) => {
  let server: ApiServer;
  let cast: AcuteCast;
  let clients: Record<AcuteRole, ApiClient>;
  beforeAll(async () => {
    server = await startApiServer(kind, { secret: TEST_SECRET, seedDemo: false });
    cast = await createAcuteScene(server.fresh.db.prisma);
    clients = {
      D: server.client(cast.doctor.cookie),
      V: server.client(cast.visitationNurse.cookie),
      N: server.client(cast.wardNurse.cookie),
      G: server.client(cast.gp.cookie),
      O: server.client(cast.outOfHoursDoctor.cookie),
      K: server.client(cast.acuteNurse.cookie),
      K2: server.client(cast.otherAcuteNurse.cookie),
      A: server.client(),
    };
  });
  afterAll(() => server?.close());

  it('covers every acute beds operation of the OpenAPI document', async () => {
    expect(Object.keys(ACUTE_ROUTES).sort()).toEqual(acuteRows.map(([route]) => route as string).sort());
    const openapi = (await server.client().get('/openapi.json')).body as { paths: Record<string, Record<string, { tags: string[] }>> };
    const operations = Object.entries(openapi.paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([, operation]) => operation.tags.includes('acute-beds'))
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    const tested = new Set<string>();
    for (const prepare of Object.values(ACUTE_ROUTES)) {
      const probe = await prepare(cast, server.fresh.db.prisma);
      tested.add(`${probe.method} ${probe.via.split(' ')[1]?.replace(/:([A-Za-z]+)/g, '{$1}')}`);
    }
    expect(operations.sort()).toEqual([...tested].sort());
  });

  it.each(acuteCells)('$route as $role → $status', async ({ route, role, status }) => {
    const request = await ACUTE_ROUTES[route]!(cast, server.fresh.db.prisma);
    const actorId = role === 'A' ? null : { D: cast.doctor, V: cast.visitationNurse, N: cast.wardNurse, G: cast.gp, O: cast.outOfHoursDoctor, K: cast.acuteNurse, K2: cast.otherAcuteNurse }[role].staffId;
    const db = server.fresh.db.prisma;
    const auditCount = (outcome: 'ok' | 'denied') => (actorId === null ? Promise.resolve(0) : db.auditEvent.count({ where: { actorId, via: request.via, outcome } }));
    const before = { ok: await auditCount('ok'), denied: await auditCount('denied') };

    const answer = await clients[role].request(request.method, request.path, request.body);
    expect(answer.status, answer.text).toBe(status);
    if (status >= 400) {
      expect(Object.keys(answer.body)).toEqual(['error']);
      if (status !== 401) expect(await auditCount('denied')).toBe(before.denied + 1);
    } else {
      expect(await auditCount('ok')).toBe(before.ok + 1);
    }
  });
});
