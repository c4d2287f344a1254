import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bundle, CarePlan, Encounter, Patient, Provenance, Resource } from '@medplum/fhirtypes';
import { planPushSchema, type PlanOperationInput } from '@samplan/shared';
import { exportEpisode } from '@samplan/server/fhir/exportEpisode.ts';
import { CPR_SYSTEM } from '@samplan/server/fhir/episodeBundle.ts';
import { fhirIssues } from '@samplan/server/fhir/validate.ts';
import { planCalls } from './planCalls.ts';
import { DomainEvents } from '@samplan/server/events/domainEvents.ts';
import { systemClock } from '@samplan/server/record/clock.ts';
import { DATABASE_KINDS, openFreshDatabase, type FreshDatabase } from '../../support/database-targets.ts';
import { addTask, addWish, createConferenceScene, item, setTask } from './fixtures.ts';

const VIA = 'GET /api/episodes/:id/fhir';

function resources<T extends Resource>(bundle: Bundle, type: T['resourceType']): T[] {
  return (bundle.entry ?? []).flatMap((entry) => (entry.resource?.resourceType === type ? [entry.resource as T] : []));
}

describe.each(DATABASE_KINDS)('FHIR R4 export of an episode on %s', (kind) => {
  let fresh: FreshDatabase;
  beforeAll(async () => {
    fresh = await openFreshDatabase(kind);
  });
  afterAll(() => fresh?.dispose());

  async function plannedEpisode() {
    const { prisma } = fresh.db;
    const scene = await createConferenceScene(prisma);
    const { nurse, homeNurse, karen, daughter, conference, episode, patient } = scene;
    const plans = planCalls(prisma);
    const inCall = { episodeId: episode.id, conferenceId: conference.id, via: 'plan:push' };
    const push = (principal: typeof nurse | typeof karen, base: number, ops: PlanOperationInput[]) => plans.push(principal, inCall, planPushSchema.parse({ baseRevision: base, ops }));

    await push(nurse, 0, [
      { op: 'add', section: 'goals', item: { id: item(1), text: 'Gå til bageren igen' } },
      { op: 'add', section: 'needs', item: { id: item(2), text: 'Hjælp til bad' } },
      { ...addTask(3, 'Modtagebesøg inden for 24 timer'), item: { ...(addTask(3) as { item: object }).item, what: 'Modtagebesøg inden for 24 timer', due: '2026-03-29T13:00:00+01:00' } } as PlanOperationInput,
      { op: 'add', section: 'tasks', item: { id: item(4), what: 'Medicingennemgang', responsible: { role: 'gp', person: 'Dr. Lind' }, due: null, status: 'open' } },
      { op: 'add', section: 'medication', item: { id: item(5), text: 'Furix 40 mg morgen' } },
      { op: 'add', section: 'aids', item: { id: item(6), what: 'Rollator', status: 'ordered' } },
      { op: 'add', section: 'contacts', item: { id: item(7), name: 'Hjemmesygeplejen', role: 'Hjemmesygepleje', phone: '87 13 00 00', whenToCall: 'Ved forværring, døgnet rundt' } },
    ]);
    await push(karen, 1, [addWish(8, 'Jeg vil dø hjemme'), { op: 'add', section: 'comments', item: { id: item(9), text: 'Min datter hjælper om tirsdagen' } }]);
    // The daughter holds her mother's power of attorney: she says yes for herself and, as such, for Karen.
    const mette = await prisma.relative.create({ data: { patientId: patient.id, name: 'Mette Jensen', relation: 'datter', representation: 'power_of_attorney' } });
    await prisma.participant.update({ where: { id: daughter.participantId }, data: { relativeId: mette.id } });
    const agreeIn = { conferenceId: conference.id, via: 'plan:agree' };
    for (const principal of [nurse, homeNurse, daughter]) await plans.agree(principal, agreeIn, 2);
    await plans.agree(daughter, agreeIn, 2, true);
    await push(homeNurse, 2, [setTask(3, { status: 'done' })]);
    await prisma.consent.create({ data: { patientId: patient.id, episodeId: episode.id, scope: 'share_across_sectors', recordedById: nurse.staffId } });
    await prisma.consent.create({ data: { patientId: patient.id, scope: 'video_participation', recordedById: nurse.staffId, withdrawnAt: new Date(), withdrawnById: nurse.staffId } });
    await prisma.conference.update({ where: { id: conference.id }, data: { status: 'ended', startedAt: new Date(Date.now() - 3_600_000), endedAt: new Date() } });
    return { ...scene, prisma };
  }

  it('is a Bundle whose every resource is valid against the R4 definitions', async () => {
    const { prisma, nurse, episode } = await plannedEpisode();
    const bundle = await exportEpisode({ db: prisma, now: systemClock, events: new DomainEvents(() => {}) }, { principal: nurse, via: VIA }, episode.id);

    expect(fhirIssues(bundle)).toEqual([]);
    for (const entry of bundle.entry ?? []) {
      expect(entry.resource && fhirIssues(entry.resource), `${entry.resource?.resourceType}/${entry.resource?.id}`).toEqual([]);
    }
    const types = new Set((bundle.entry ?? []).map((entry) => entry.resource?.resourceType));
    expect([...types].sort()).toEqual(['CarePlan', 'CareTeam', 'Consent', 'Encounter', 'Goal', 'Organization', 'Patient', 'Practitioner', 'Provenance']);
  });

  it('says what the plan says: status, activities with performer and time, notes, earlier agreed version replaced', async () => {
    const { prisma, nurse, homeNurse, episode, patient, conference } = await plannedEpisode();
    const bundle = await exportEpisode({ db: prisma, now: systemClock, events: new DomainEvents(() => {}) }, { principal: nurse, via: VIA }, episode.id);

    const [person] = resources<Patient>(bundle, 'Patient');
    expect(person?.identifier).toEqual([{ system: CPR_SYSTEM, value: patient.cprNumber.replace('-', '') }]);
    const [encounter] = resources<Encounter>(bundle, 'Encounter');
    expect(encounter).toMatchObject({ id: conference.id, status: 'finished', class: { code: 'VR' } });

    const plans = resources<CarePlan>(bundle, 'CarePlan');
    expect(plans.map((plan) => [plan.title, plan.status])).toEqual([
      ['Fælles plan, version 2', 'revoked'],
      ['Fælles plan, version 3', 'active'],
    ]);
    const current = plans[1]!;
    expect(current.replaces?.[0]?.reference).toBe(`urn:uuid:${plans[0]!.id}`);
    expect(current).toMatchObject({ intent: 'plan', subject: { reference: `urn:uuid:${patient.id}` }, author: { reference: `urn:uuid:${homeNurse.staffId}` } });
    expect(current.goal).toEqual([{ reference: `urn:uuid:${item(1)}`, type: 'Goal' }]);
    expect(current.activity?.map((activity) => activity.detail)).toEqual([
      {
        kind: 'Task',
        status: 'completed',
        description: 'Modtagebesøg inden for 24 timer',
        performer: [{ reference: expect.stringMatching(/^urn:uuid:/), type: 'Organization', display: 'Hjemmeplejen Vest' }],
        scheduledPeriod: { end: '2026-03-29T12:00:00.000Z' },
      },
      { kind: 'Task', status: 'not-started', description: 'Medicingennemgang', performer: [{ display: 'Dr. Lind' }] },
      { kind: 'DeviceRequest', status: 'in-progress', description: 'Rollator' },
    ]);
    expect(current.note?.map((note) => note.text)).toEqual([
      'Behov: Hjælp til bad',
      'Medicin: Furix 40 mg morgen',
      'Kontakt: Hjemmesygeplejen (Hjemmesygepleje), 87 13 00 00: Ved forværring, døgnet rundt',
      'Ønske: Jeg vil dø hjemme',
      'Min datter hjælper om tirsdagen',
    ]);
    // Every urn:uuid reference points at a resource in the bundle.
    const ids = new Set((bundle.entry ?? []).map((entry) => entry.fullUrl));
    const references = JSON.stringify(bundle).match(/"reference":"urn:uuid:[^"]+"/g) ?? [];
    expect(references.map((reference) => reference.slice('"reference":"'.length, -1)).filter((url) => !ids.has(url))).toEqual([]);
  });

  it('says whose yes made a version agreed: one Provenance each, a representative\'s on behalf of the patient', async () => {
    const { prisma, nurse, episode, patient } = await plannedEpisode();
    const bundle = await exportEpisode({ db: prisma, now: systemClock, events: new DomainEvents(() => {}) }, { principal: nurse, via: VIA }, episode.id);
    const [agreedVersion] = resources<CarePlan>(bundle, 'CarePlan');
    const yeses = resources<Provenance>(bundle, 'Provenance');
    expect(yeses.every((yes) => yes.target[0]?.reference === `urn:uuid:${agreedVersion!.id}`)).toBe(true);
    expect(yeses.map((yes) => [yes.agent[0]?.who.display, yes.agent[0]?.onBehalfOf?.reference ?? null, yes.agent[0]?.role?.[0]?.text ?? null])).toEqual([
      ['Sygeplejerske Hansen', null, null],
      ['Anna Holm', null, null],
      ['Mette Jensen (pårørende)', null, null],
      ['Mette Jensen (pårørende)', `urn:uuid:${patient.id}`, 'Fremtidsfuldmagt'],
    ]);
  });

  it('is really validated: a broken resource fails with where and why', async () => {
    const { prisma, nurse, episode } = await plannedEpisode();
    const bundle = await exportEpisode({ db: prisma, now: systemClock, events: new DomainEvents(() => {}) }, { principal: nurse, via: VIA }, episode.id);
    const [plan] = resources<CarePlan>(bundle, 'CarePlan');
    const [person] = resources<Patient>(bundle, 'Patient');

    const { subject: _, ...withoutSubject } = plan!;
    expect(fhirIssues(withoutSubject as CarePlan)).toEqual([expect.objectContaining({ expression: 'CarePlan.subject' })]);
    expect(fhirIssues({ ...person!, birthDate: '12-04-1938' })).toEqual([expect.objectContaining({ expression: 'Patient.birthDate' })]);
    expect(fhirIssues({ ...bundle, entry: [...(bundle.entry ?? []), { resource: { ...person!, gender: 'female', colour: 'blue' } as Patient }] })).not.toEqual([]);
  });

  it('is for the care team only, and every export is audited', async () => {
    const { prisma, nurse, karen, outsider, episode, patient } = await plannedEpisode();
    await expect(exportEpisode({ db: prisma, now: systemClock, events: new DomainEvents(() => {}) }, { principal: karen, via: VIA }, episode.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(exportEpisode({ db: prisma, now: systemClock, events: new DomainEvents(() => {}) }, { principal: outsider, via: VIA }, episode.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await exportEpisode({ db: prisma, now: systemClock, events: new DomainEvents(() => {}) }, { principal: nurse, via: VIA }, episode.id);

    const exports = await prisma.auditEvent.findMany({ where: { patientId: patient.id, action: 'export' }, orderBy: { at: 'asc' } });
    expect(exports.map((row) => [row.actorId, row.outcome, row.via])).toEqual([
      [karen.participantId, 'denied', VIA],
      [outsider.staffId, 'denied', VIA],
      [nurse.staffId, 'ok', VIA],
    ]);
  });
});
