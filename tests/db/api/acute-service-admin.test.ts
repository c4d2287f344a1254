import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '@samplan/server/auth/password.ts';
import { createOrganisation } from '@samplan/server/record/organisations/createOrganisation.ts';
import { DATABASE_KINDS } from '../../support/database-targets.ts';
import { uniqueCprNumber, uniqueLogin } from '../../support/record-fixtures.ts';
import { type ApiClient, type ApiServer, startApiServer } from './harness.ts';

/*
 * A municipality's administrator keeps its acute team's hours and promise
 * through the API, from an empty database; an out-of-hours doctor is told
 * what was set from his next request on.
 */

const PASSWORD = 'acute-service-admin-tests';
/** 23:30 in Copenhagen (winter time). */
const LATE = new Date('2026-12-02T22:30:00Z');
const EIGHT_TO_ELEVEN = { fromMinute: 8 * 60, toMinute: 23 * 60, promiseMinutes: 120 };

describe.each(DATABASE_KINDS)("a municipality's acute team hours on %s", (kind) => {
  let server: ApiServer;
  let townAdmin: ApiClient;
  let townNurse: ApiClient;
  let wardAdmin: ApiClient;
  let doctor: ApiClient;
  let townId: string;
  let citizenCpr: string;

  /** An organisation and its administrator, signed in after setting a password through the operator's link. */
  const bootstrap = async (name: string, sector: 'hospital_ward' | 'municipal_unit') => {
    const login = uniqueLogin();
    const created = await createOrganisation(server.fresh.db.prisma, server.clock.now(), { name, sector, administrator: { name: `Admin of ${name}`, login, role: 'nurse' } }, 'test bootstrap');
    const token = created.administrator!.link.path.slice('/set-password/'.length);
    expect((await server.client().post(`/password-links/${token}`, { password: PASSWORD })).status).toBe(204);
    return { organisationId: created.organisationId, client: await server.login(login, PASSWORD) };
  };

  beforeAll(async () => {
    server = await startApiServer(kind, { seedDemo: false });
    server.clock.set(LATE);
    const town = await bootstrap('Testrup Kommune', 'municipal_unit');
    const ward = await bootstrap('Regionshospitalet Test, Medicinsk Afdeling', 'hospital_ward');
    townId = town.organisationId;
    townAdmin = town.client;
    wardAdmin = ward.client;
    const db = server.fresh.db.prisma;
    const passwordHash = await hashPassword(PASSWORD);
    const vagt = await db.organisation.create({ data: { sector: 'general_practice', name: 'Lægevagten' } });
    const signedIn = async (role: 'out_of_hours_doctor' | 'home_nurse', organisationId: string) => {
      const login = uniqueLogin();
      await db.staffUser.create({ data: { name: `Test ${role}`, role, organisationId, login, passwordHash } });
      return server.login(login, PASSWORD);
    };
    doctor = await signedIn('out_of_hours_doctor', vagt.id);
    townNurse = await signedIn('home_nurse', townId);
    citizenCpr = uniqueCprNumber();
    // Home from an admission in the autumn: the acute assessment belongs to an episode.
    const citizen = await db.patient.create({ data: { name: 'Ingrid Holm', cprNumber: citizenCpr, dateOfBirth: new Date('1939-02-11'), homeMunicipalityId: townId } });
    await db.episode.create({
      data: {
        patientId: citizen.id,
        admittingWardId: ward.organisationId,
        admittedAt: new Date('2026-10-01T09:00:00Z'),
        dischargedAt: new Date('2026-10-06T11:00:00Z'),
        status: 'discharged',
        careTeamOrganisations: { create: [{ organisationId: ward.organisationId }, { organisationId: townId }] },
      },
    });
  });
  afterAll(() => server?.close());

  const askForAssessment = () => doctor.post('/acute-assessments', { cpr: citizenCpr, reason: 'Faldet i hjemmet' });

  it('starts with no acute team: the doctor is told so and nothing is written', async () => {
    expect((await townAdmin.get('/admin/acute-service')).body).toEqual({ service: null });
    const refused = await askForAssessment();
    expect(refused.status).toBe(422);
    expect(refused.body.error.refusal).toEqual({ code: 'NO_ACUTE_TEAM', whenAcute: 'emergency_112' });
  });

  it('sets the hours and promise, which the next request is judged by, audited', async () => {
    const set = await townAdmin.put('/admin/acute-service', { service: EIGHT_TO_ELEVEN });
    expect(set.status, set.text).toBe(200);
    expect(set.body).toEqual({ service: EIGHT_TO_ELEVEN });
    expect((await townAdmin.get('/admin/acute-service')).body).toEqual({ service: EIGHT_TO_ELEVEN });

    const refused = await askForAssessment();
    expect(refused.status).toBe(422);
    expect(refused.body.error.refusal).toMatchObject({ code: 'ACUTE_TEAM_CLOSED', fromMinute: 480, toMinute: 1380, opensAt: '2026-12-03T07:00:00.000Z' });

    // Open through the night too, from 22:00 to 06:00: at 23:30 the request is taken.
    expect((await townAdmin.put('/admin/acute-service', { service: { fromMinute: 22 * 60, toMinute: 6 * 60, promiseMinutes: 90 } })).status).toBe(200);
    const asked = await askForAssessment();
    expect(asked.status, asked.text).toBe(201);
    expect(asked.body.acuteAssessment.answerBy).toBe(new Date(LATE.getTime() + 90 * 60_000).toISOString());

    const audited = await server.fresh.db.prisma.auditEvent.findMany({ where: { resourceType: 'Organisation', resourceId: townId, action: 'update' }, select: { outcome: true } });
    expect(audited).toEqual([{ outcome: 'ok' }, { outcome: 'ok' }]);
  });

  it('refuses hours that are not hours, and keeps what was set', async () => {
    const before = (await townAdmin.get('/admin/acute-service')).body;
    for (const service of [{ ...EIGHT_TO_ELEVEN, fromMinute: 1440 }, { ...EIGHT_TO_ELEVEN, promiseMinutes: 5 }, { fromMinute: 480, toMinute: 1380 }, { ...EIGHT_TO_ELEVEN, extra: 1 }]) {
      const bad = await townAdmin.put('/admin/acute-service', { service });
      expect(bad.status, JSON.stringify(service)).toBe(400);
      expect(bad.body.error.code).toBe('BAD_REQUEST');
      expect(bad.body.error.issues.length).toBeGreaterThan(0);
    }
    expect((await townAdmin.put('/admin/acute-service', {})).status).toBe(400);
    expect((await townAdmin.get('/admin/acute-service')).body).toEqual(before);
  });

  it('is for the municipality administrator alone: not its other staff, not a hospital', async () => {
    const before = (await townAdmin.get('/admin/acute-service')).body;
    expect((await townNurse.put('/admin/acute-service', { service: EIGHT_TO_ELEVEN })).status).toBe(403);
    expect((await townNurse.get('/admin/acute-service')).status).toBe(403);
    const hospital = await wardAdmin.put('/admin/acute-service', { service: EIGHT_TO_ELEVEN });
    expect(hospital.status).toBe(403);
    expect(hospital.body.error.code).toBe('FORBIDDEN');
    expect((await server.client().get('/admin/acute-service')).status).toBe(401);
    expect((await townAdmin.get('/admin/acute-service')).body).toEqual(before);
    const denied = await server.fresh.db.prisma.auditEvent.count({ where: { resourceType: 'Organisation', action: 'update', outcome: 'denied' } });
    expect(denied).toBeGreaterThanOrEqual(2);
  });

  it('removes the acute team with null: doctors are told there is none', async () => {
    const removed = await townAdmin.put('/admin/acute-service', { service: null });
    expect(removed.body).toEqual({ service: null });
    const refused = await askForAssessment();
    expect(refused.body.error.refusal).toEqual({ code: 'NO_ACUTE_TEAM', whenAcute: 'emergency_112' });
  });
});
