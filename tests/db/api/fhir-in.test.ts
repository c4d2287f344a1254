import type { Bundle, Encounter, OperationOutcome, Patient } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSystemClientKey } from '@samplan/server/auth/systemClientKey.ts';
import { type DomainEvent, DomainEvents } from '@samplan/server/events/domainEvents.ts';
import { receiveHospitalBundle } from '@samplan/server/fhir/receiveHospitalBundle.ts';
import { DATABASE_KINDS } from '../../support/database-targets.ts';
import { ENCOUNTER_SYSTEM, hospitalBundle, SOR_SYSTEM, withResource } from '../../support/hospital-bundles.ts';
import { uniqueCprNumber, uniqueLogin } from '../../support/record-fixtures.ts';
import { type ApiServer, SCENARIO_NOW, startApiServer } from './harness.ts';

// POST /fhir/R4 from an empty record (no demo seed): the organisations with
// their SOR codes and the system clients are made here, as an administrator
// would; a hospital system then admits and discharges through FHIR alone.

const SOR = { ward: '326671000016008', municipality: '446151000016003', gp: '512341000016002', otherMunicipality: '446161000016000' };

interface Answer {
  status: number;
  type: string | null;
  body: any;
}

let counter = 0;
/** A CPR number of ten digits (DK Core's form) nobody else in this file has. */
function freshCpr(): string {
  return uniqueCprNumber().replace('-', '');
}
function freshEncounter(): string {
  counter += 1;
  return `E-${Date.now()}-${counter}`;
}

describe.each(DATABASE_KINDS)('FHIR in (POST /fhir/R4) on %s', (kind) => {
  let server: ApiServer;
  let keys: { good: string; deactivated: string; readOnly: string };
  let clientIds: { good: string; deactivated: string; readOnly: string };
  let organisations: { ward: string; municipality: string; gp: string };

  beforeAll(async () => {
    server = await startApiServer(kind, { seedDemo: false });
    const db = server.fresh.db.prisma;
    const ward = await db.organisation.create({ data: { sector: 'hospital_ward', name: 'Regionshospitalet Horsens, Medicinsk Afdeling M2', sorCode: SOR.ward } });
    const municipality = await db.organisation.create({ data: { sector: 'municipal_unit', name: 'Odder Kommune', sorCode: SOR.municipality } });
    const gp = await db.organisation.create({ data: { sector: 'general_practice', name: 'Lægehuset Rosensgade', sorCode: SOR.gp } });
    await db.organisation.create({ data: { sector: 'municipal_unit', name: 'Skanderborg Kommune', sorCode: SOR.otherMunicipality } });
    organisations = { ward: ward.id, municipality: municipality.id, gp: gp.id };
    const admin = await db.staffUser.create({ data: { name: 'Administrator', role: 'nurse', organisationId: ward.id, login: uniqueLogin(), passwordHash: 'not-a-real-hash', administrator: true } });
    const client = async (name: string, scopes: string[], deactivatedAt: Date | null = null) => {
      const made = newSystemClientKey();
      const row = await db.systemClient.create({ data: { name, organisationId: ward.id, keyPrefix: made.keyPrefix, keyHash: made.keyHash, scopes, createdById: admin.id, deactivatedAt } });
      return { key: made.key, id: row.id };
    };
    const good = await client('Sundhedsplatformen', ['fhir:write']);
    const deactivated = await client('Gammel integration', ['fhir:write'], new Date(SCENARIO_NOW.getTime() - 86_400_000));
    const readOnly = await client('Kun læse', ['fhir:read']);
    keys = { good: good.key, deactivated: deactivated.key, readOnly: readOnly.key };
    clientIds = { good: good.id, deactivated: deactivated.id, readOnly: readOnly.id };
  });
  afterAll(() => server?.close());

  async function post(body: unknown, options: { key?: string | null; contentType?: string } = {}): Promise<Answer> {
    const key = options.key === undefined ? keys.good : options.key;
    const response = await fetch(`${server.samplan.url}/fhir/R4`, {
      method: 'POST',
      headers: { 'content-type': options.contentType ?? 'application/fhir+json', ...(key === null ? {} : { authorization: `Bearer ${key}` }) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, type: response.headers.get('content-type'), body: text.length > 0 ? JSON.parse(text) : null };
  }

  const facts = (extra: Partial<Parameters<typeof hospitalBundle>[0]> = {}) => ({
    cpr: freshCpr(),
    encounterId: freshEncounter(),
    wardSor: SOR.ward,
    municipalitySor: SOR.municipality,
    gpSor: SOR.gp,
    ...extra,
  });

  /** Everything a bundle could have written. */
  async function counts() {
    const db = server.fresh.db.prisma;
    const [patients, episodes, relatives, careTeam] = await Promise.all([db.patient.count(), db.episode.count(), db.relative.count(), db.careTeamOrganisation.count()]);
    return { patients, episodes, relatives, careTeam };
  }

  function expectOutcome(answer: Answer, status: number, code: string): OperationOutcome {
    expect(answer.status, JSON.stringify(answer.body)).toBe(status);
    expect(answer.type).toContain('application/fhir+json');
    expect(answer.body.resourceType).toBe('OperationOutcome');
    expect(answer.body.issue[0]).toMatchObject({ severity: 'error', code });
    return answer.body as OperationOutcome;
  }

  async function expectRefused(body: unknown, status: number, code: string, options: { key?: string | null } = {}): Promise<OperationOutcome> {
    const before = await counts();
    const outcome = expectOutcome(await post(body, options), status, code);
    expect(await counts()).toEqual(before);
    return outcome;
  }

  const locations = (bundle: Bundle) => bundle.entry?.map((entry) => entry.response?.location);
  const statuses = (bundle: Bundle) => bundle.entry?.map((entry) => entry.response?.status);
  const idOf = (location: string | undefined) => location?.split('/')[1] as string;

  it('admits: a new patient by CPR, the episode at the ward named by SOR, the care team, the relative; audited as the system client', async () => {
    const admission = facts();
    const answer = await post(hospitalBundle(admission));
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.type).toContain('application/fhir+json');
    expect(answer.body).toMatchObject({ resourceType: 'Bundle', type: 'transaction-response' });
    expect(statuses(answer.body)).toEqual(['201 Created', '201 Created', '201 Created']);
    const [patientAt, encounterAt, relativeAt] = locations(answer.body) ?? [];
    expect(patientAt).toMatch(/^Patient\//);
    expect(encounterAt).toMatch(/^Encounter\//);
    expect(relativeAt).toMatch(/^RelatedPerson\//);

    const db = server.fresh.db.prisma;
    const episode = await db.episode.findUniqueOrThrow({ where: { id: idOf(encounterAt) }, include: { patient: true, careTeamOrganisations: true } });
    expect(episode).toMatchObject({
      status: 'admitted',
      admittedAt: new Date('2026-03-09T07:15:00Z'),
      dischargedAt: null,
      admittingWardId: organisations.ward,
      gpPracticeId: organisations.gp,
      unit: 'Medicinsk afsnit M3',
      encounterIdentifier: `${ENCOUNTER_SYSTEM}|${admission.encounterId}`,
      admissionRecordedById: null,
    });
    expect(episode.patient).toMatchObject({ id: idOf(patientAt), name: 'Karen Margrethe Jensen', cprNumber: `${admission.cpr.slice(0, 6)}-${admission.cpr.slice(6)}`, homeMunicipalityId: organisations.municipality, phone: '+45 86 54 12 34' });
    expect(episode.careTeamOrganisations.map((row) => row.organisationId).sort()).toEqual([organisations.ward, organisations.municipality, organisations.gp].sort());
    expect(await db.relative.findUniqueOrThrow({ where: { id: idOf(relativeAt) } })).toMatchObject({ patientId: episode.patientId, name: 'Lise Jensen', relation: 'datter', phone: '+45 22 33 44 55', email: 'lise.jensen@example.dk' });

    const trail = await db.auditEvent.findMany({ where: { patientId: episode.patientId }, orderBy: { resourceType: 'asc' } });
    expect(trail.map((row) => [row.resourceType, row.action, row.resourceId])).toEqual([
      ['Episode', 'admit', episode.id],
      ['Patient', 'create', episode.patientId],
      ['Relative', 'create', idOf(relativeAt)],
    ]);
    for (const row of trail) expect(row).toMatchObject({ actorKind: 'system', actorId: clientIds.good, via: 'POST /fhir/R4', outcome: 'ok' });
  });

  it('takes the same bundle twice as one admission: 200 with the same ids, nothing new', async () => {
    const bundle = hospitalBundle(facts());
    const first = await post(bundle);
    expect(first.status).toBe(200);
    const before = await counts();
    const second = await post(bundle, { contentType: 'application/json' });
    expect(second.status, JSON.stringify(second.body)).toBe(200);
    expect(locations(second.body)).toEqual(locations(first.body));
    expect(statuses(second.body)).toEqual(['200 OK', '200 OK', '200 OK']);
    expect(await counts()).toEqual(before);
    const episodeId = idOf(locations(first.body)?.[1]);
    expect(await server.fresh.db.prisma.auditEvent.count({ where: { resourceId: episodeId, action: 'receive', actorId: clientIds.good } })).toBe(1);
  });

  it('makes one episode when the same admission arrives twice at once', async () => {
    const bundle = hospitalBundle(facts());
    const before = await counts();
    const answers = await Promise.all([post(bundle), post(bundle)]);
    // The loser of the race is told to send again (409) or, when it came second, gets the first one's ids.
    expect(answers.map((answer) => answer.status)).toContain(200);
    for (const answer of answers) expect([200, 409]).toContain(answer.status);
    expect(await counts()).toMatchObject({ episodes: before.episodes + 1, patients: before.patients + 1, relatives: before.relatives + 1 });
  });

  it('discharges the episode it admitted: finished with period.end, destination from the discharge disposition', async () => {
    const admission = facts();
    const admitted = await post(hospitalBundle(admission));
    const episodeId = idOf(locations(admitted.body)?.[1]);
    const discharge = hospitalBundle({ ...admission, dischargedAt: '2026-03-10T10:30:00+01:00', dischargeDisposition: { system: 'http://terminology.hl7.org/CodeSystem/discharge-disposition', code: 'home' } });
    const answer = await post(discharge);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(locations(answer.body)).toEqual(locations(admitted.body));
    expect(statuses(answer.body)?.[1]).toBe('200 OK');
    expect(await server.fresh.db.prisma.episode.findUniqueOrThrow({ where: { id: episodeId } })).toMatchObject({
      status: 'discharged',
      dischargedAt: new Date('2026-03-10T09:30:00Z'),
      dischargeDestination: 'home',
    });
    expect(await server.fresh.db.prisma.auditEvent.findMany({ where: { resourceId: episodeId, action: 'discharge' } })).toEqual([
      expect.objectContaining({ actorKind: 'system', actorId: clientIds.good, outcome: 'ok' }),
    ]);
    // The same discharge again changes nothing; another end for the same stay is a conflict.
    expect((await post(discharge)).status).toBe(200);
    await expectRefused(hospitalBundle({ ...admission, dischargedAt: '2026-03-10T11:30:00+01:00' }), 409, 'conflict');
    // Without a disposition the destination is "other".
    const second = facts();
    await post(hospitalBundle(second));
    // A discharge that has not happened yet (the clock stands at 13:00 Copenhagen time) is refused.
    await expectRefused(hospitalBundle({ ...second, dischargedAt: '2026-03-10T18:00:00+01:00' }), 422, 'value');
    const plain = await post(hospitalBundle({ ...second, dischargedAt: '2026-03-10T11:00:00+01:00' }));
    expect(await server.fresh.db.prisma.episode.findUniqueOrThrow({ where: { id: idOf(locations(plain.body)?.[1]) } })).toMatchObject({ dischargeDestination: 'other' });
  });

  it('refuses a discharge whose admission never arrived, and stores nothing of it', async () => {
    const outcome = await expectRefused(hospitalBundle(facts({ dischargedAt: '2026-03-10T10:30:00+01:00' })), 422, 'business-rule');
    expect(outcome.issue[0]?.diagnostics).toContain('never received the admission');
  });

  it('refuses a second open admission of the same patient (another Encounter), storing nothing', async () => {
    const admission = facts();
    expect((await post(hospitalBundle(admission))).status).toBe(200);
    await expectRefused(hospitalBundle({ ...admission, encounterId: freshEncounter() }), 409, 'conflict');
  });

  it('refuses an admission ahead of time, as the screens do', async () => {
    await expectRefused(hospitalBundle(facts({ admittedAt: '2026-03-10T18:00:00+01:00' })), 422, 'value');
  });

  it('refuses a CPR number that fails validation', async () => {
    const outcome = await expectRefused(hospitalBundle(facts({ cpr: '3102451234' })), 422, 'value');
    expect(outcome.issue[0]?.expression).toEqual(['Bundle.entry[0].resource.identifier[0].value']);
  });

  it('refuses a ward Samplan does not know by SOR, naming where it was', async () => {
    const outcome = await expectRefused(hospitalBundle(facts({ wardSor: '999999991000016001' })), 422, 'not-found');
    expect(outcome.issue[0]?.expression).toEqual(['Bundle.entry[1].resource.serviceProvider.identifier']);
    // A known organisation of the wrong kind is no ward either.
    await expectRefused(hospitalBundle(facts({ wardSor: SOR.municipality })), 422, 'value');
  });

  it('refuses resources the R4 definitions reject: an Encounter without status, a birth date "yesterday"', async () => {
    const noStatus = withResource<Encounter>(hospitalBundle(facts()), 'Encounter', (encounter) => delete (encounter as Partial<Encounter>).status);
    const outcome = await expectRefused(noStatus, 400, 'invalid');
    expect(JSON.stringify(outcome)).toContain('status');
    await expectRefused(withResource<Patient>(hospitalBundle(facts()), 'Patient', (patient) => (patient.birthDate = 'yesterday')), 400, 'invalid');
    await expectRefused('{"resourceType": "Bundle", ', 400, 'structure');
  });

  it('refuses a cancelled Encounter clearly as not supported', async () => {
    const admission = facts();
    await post(hospitalBundle(admission));
    await expectRefused(withResource<Encounter>(hospitalBundle(admission), 'Encounter', (encounter) => (encounter.status = 'cancelled')), 422, 'not-supported');
  });

  it('refuses callers without a working key or without the scope, and audits each attempt', async () => {
    const db = server.fresh.db.prisma;
    const bundle = hospitalBundle(facts());
    const deniedBefore = await db.auditEvent.count({ where: { actorKind: 'system', actorId: null, outcome: 'denied', via: 'POST /fhir/R4' } });

    await expectRefused(bundle, 401, 'login', { key: null });
    await expectRefused(bundle, 401, 'login', { key: newSystemClientKey().key });
    expect(await db.auditEvent.count({ where: { actorKind: 'system', actorId: null, outcome: 'denied', via: 'POST /fhir/R4' } })).toBe(deniedBefore + 2);

    await expectRefused(bundle, 401, 'login', { key: keys.deactivated });
    expect(await db.auditEvent.findMany({ where: { actorId: clientIds.deactivated } })).toEqual([expect.objectContaining({ actorKind: 'system', action: 'receive', resourceType: 'Bundle', outcome: 'denied' })]);

    await expectRefused(bundle, 403, 'forbidden', { key: keys.readOnly });
    expect(await db.auditEvent.findMany({ where: { actorId: clientIds.readOnly } })).toEqual([expect.objectContaining({ actorKind: 'system', outcome: 'denied', via: 'POST /fhir/R4' })]);

    const unauthenticated = await fetch(`${server.samplan.url}/fhir/R4`, { method: 'POST', headers: { 'content-type': 'application/fhir+json' }, body: JSON.stringify(bundle) });
    expect(unauthenticated.headers.get('www-authenticate')).toContain('Bearer');
  });

  it('audits a refused bundle as the system client, naming the patient Samplan knows', async () => {
    const admission = facts();
    const admitted = await post(hospitalBundle(admission));
    const patientId = idOf(locations(admitted.body)?.[0]);
    await expectRefused(hospitalBundle({ ...admission, encounterId: freshEncounter() }), 409, 'conflict');
    expect(await server.fresh.db.prisma.auditEvent.findMany({ where: { patientId, outcome: 'denied' } })).toEqual([
      expect.objectContaining({ actorKind: 'system', actorId: clientIds.good, action: 'receive', resourceType: 'Bundle', via: 'POST /fhir/R4' }),
    ]);
  });

  it('refuses a body that is not FHIR JSON', async () => {
    expectOutcome(await post('<Bundle/>', { contentType: 'application/fhir+xml' }), 415, 'not-supported');
  });

  it('is described in /api/openapi.json', async () => {
    const openapi = (await server.client().get('/openapi.json')).body;
    expect(openapi.paths['/fhir/R4'].post).toMatchObject({ tags: ['fhir'], security: [{ systemClient: ['fhir:write'] }] });
    expect(openapi.components.securitySchemes.systemClient).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('publishes episode.admitted and episode.discharged after the commit', async () => {
    const published: DomainEvent[] = [];
    const events = new DomainEvents(() => {});
    events.subscribe('episode.admitted', (event) => void published.push(event));
    events.subscribe('episode.discharged', (event) => void published.push(event));
    const ctx = { db: server.fresh.db.prisma, now: () => SCENARIO_NOW, events };
    const caller = { systemClientId: clientIds.good, name: 'Sundhedsplatformen', organisationId: organisations.ward, via: 'POST /fhir/R4' };
    const admission = facts();
    const admitted = await receiveHospitalBundle(ctx, caller, hospitalBundle(admission));
    const episodeId = idOf(locations(admitted)?.[1]);
    const patientId = idOf(locations(admitted)?.[0]);
    await receiveHospitalBundle(ctx, caller, hospitalBundle(admission));
    await receiveHospitalBundle(ctx, caller, hospitalBundle({ ...admission, dischargedAt: '2026-03-10T10:30:00+01:00' }));
    expect(published).toEqual([
      { type: 'episode.admitted', episodeId, patientId },
      { type: 'episode.discharged', episodeId, patientId, dischargedAt: new Date('2026-03-10T09:30:00Z') },
    ]);
  });

  it('finds the municipality and the GP practice in Organizations of the bundle too', async () => {
    const bundle = withResource<Patient>(hospitalBundle(facts()), 'Patient', (patient) => {
      patient.managingOrganization = { reference: 'urn:uuid:7a1f0000-0000-4000-8000-000000000001' };
    });
    bundle.entry?.push({
      fullUrl: 'urn:uuid:7a1f0000-0000-4000-8000-000000000001',
      resource: { resourceType: 'Organization', identifier: [{ system: SOR_SYSTEM, value: SOR.otherMunicipality }], name: 'Skanderborg Kommune' },
      request: { method: 'PUT', url: `Organization?identifier=${SOR_SYSTEM}|${SOR.otherMunicipality}` },
    });
    const answer = await post(bundle);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    const organisation = await server.fresh.db.prisma.organisation.findUniqueOrThrow({ where: { sorCode: SOR.otherMunicipality } });
    expect(locations(answer.body)?.[3]).toBe(`Organization/${organisation.id}`);
    const patient = await server.fresh.db.prisma.patient.findUniqueOrThrow({ where: { id: idOf(locations(answer.body)?.[0]) } });
    expect(patient.homeMunicipalityId).toBe(organisation.id);
  });
});
