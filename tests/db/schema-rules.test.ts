import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PARTICIPANT_ROLES, REPRESENTATIONS, STANDING_PARTIES } from '@samplan/shared';
import type { DbClient } from '@samplan/server/store/database.ts';
import { AgreementParty, ParticipantRole, Representation } from '@samplan/server/store/generated/client.ts';
import { DATABASE_KINDS, openFreshDatabase, type FreshDatabase } from '../support/database-targets.ts';
import { createRecord, uniqueCprNumber, uniqueLogin } from '../support/record-fixtures.ts';

it('stores exactly the participant roles the protocol knows', () => {
  expect(Object.values(ParticipantRole)).toEqual([...PARTICIPANT_ROLES]);
});

it('stores exactly the representations and agreeing parties the protocol knows (each relative under `relative`)', () => {
  expect(Object.values(Representation)).toEqual([...REPRESENTATIONS]);
  expect(Object.values(AgreementParty).sort()).toEqual([...STANDING_PARTIES, 'relative'].sort());
});

// The rules Prisma cannot express live as CHECK constraints and triggers in
// the migration; each is tried once against both databases.
describe.each(DATABASE_KINDS)('schema rules on %s', (kind) => {
  let fresh: FreshDatabase;
  let record: Awaited<ReturnType<typeof createRecord>>;
  let conferenceId: string;
  beforeAll(async () => {
    fresh = await openFreshDatabase(kind);
    record = await createRecord(fresh.db.prisma);
    conferenceId = (
      await fresh.db.prisma.conference.create({
        data: { episodeId: record.episode.id, kind: 'discharge_conference', scheduledStart: new Date(), plannedDurationMinutes: 45, hostId: record.nurse.id },
      })
    ).id;
  });
  afterAll(() => fresh?.dispose());

  const refused: [string, string, (db: DbClient) => Promise<unknown>][] = [
    ['a login with capitals', 'StaffUser_login_lowercase_check', (db) =>
      db.staffUser.create({ data: { name: 'X', role: 'gp', organisationId: record.ward.id, login: 'Dr.Holm@Example.dk', passwordHash: 'h' } })],
    ['a CPR number not shaped DDMMYY-SSSS', 'Patient_cprNumber_format_check', (db) =>
      db.patient.create({ data: { name: 'X', cprNumber: '1204381234', dateOfBirth: new Date('1938-04-12'), homeMunicipalityId: record.municipality.id } })],
    ['a discharge time on an admitted episode', 'Episode_dischargedAt_status_check', (db) =>
      db.episode.create({ data: { patientId: record.patient.id, admittingWardId: record.ward.id, admittedAt: new Date(0), dischargedAt: new Date(), status: 'admitted' } })],
    ['a conference of zero minutes', 'Conference_plannedDurationMinutes_check', (db) =>
      db.conference.create({ data: { episodeId: record.episode.id, kind: 'follow_up', scheduledStart: new Date(), plannedDurationMinutes: 0, hostId: record.nurse.id } })],
    ['a participant who is both staff and external', 'Participant_person_check', (db) =>
      db.participant.create({ data: { conferenceId, role: 'hospital', staffUserId: record.nurse.id, externalName: 'Also Someone' } })],
    ['a raw join token instead of its hash', 'Participant_tokenHash_format_check', (db) =>
      db.participant.create({ data: { conferenceId, role: 'relative', externalName: 'Datter', tokenHash: randomBytes(32).toString('base64url'), expiresAt: new Date() } })],
    ['a join token without expiry', 'Participant_tokenHash_expiresAt_check', (db) =>
      db.participant.create({ data: { conferenceId, role: 'relative', externalName: 'Datter', tokenHash: sha256('token') } })],
    ['a session held by nobody', 'AuthSession_holder_check', (db) =>
      db.authSession.create({ data: { id: '0190a0a0-0000-7000-8000-00000000a001', notAfter: new Date() } })],
    ['a later revision without a parent', 'PlanRevision_parentId_check', (db) =>
      db.planRevision.create({ data: { planId: record.plan.id, number: 7, document: {}, operations: [], authorStaffId: record.nurse.id } })],
    ['a revision with no author', 'PlanRevision_author_check', (db) =>
      db.planRevision.create({ data: { planId: record.plan.id, number: 1, document: {}, operations: [] } })],
    ['an answered advice request nobody took', 'AdviceRequest_answered_check', (db) =>
      db.adviceRequest.create({ data: { episodeId: record.episode.id, requestedBy: 'relative', requesterName: 'Søn', channel: 'phone', question: 'Må hun tage sin pencillin?', urgency: 'urgent', answeredAt: new Date(), answerChannel: 'phone' } })],
    ['a staff audit event without the staff id', 'AuditEvent_actor_check', (db) =>
      db.auditEvent.create({ data: { actorKind: 'staff', action: 'read', resourceType: 'Patient', via: 'test', outcome: 'ok' } })],
  ];

  it.each(refused)('refuses %s (%s)', async (_, constraint, attempt) => {
    await expect(attempt(fresh.db.prisma)).rejects.toThrow(constraint);
  });

  it('accepts the valid forms of the same rows', async () => {
    const { prisma } = fresh.db;
    await prisma.staffUser.create({ data: { name: 'X', role: 'gp', organisationId: record.ward.id, login: uniqueLogin(), passwordHash: 'h' } });
    await prisma.participant.create({ data: { conferenceId, role: 'relative', externalName: 'Datter', externalPhone: '+45 12 34 56 78', tokenHash: sha256(randomBytes(32).toString('hex')), expiresAt: new Date() } });
    await prisma.participant.create({ data: { conferenceId, role: 'hospital', staffUserId: record.nurse.id } });
    const discharged = await prisma.episode.create({
      data: { patientId: record.patient.id, admittingWardId: record.ward.id, admittedAt: new Date(0), dischargedAt: new Date(), status: 'discharged', screeningScore: 31 },
    });
    expect(discharged.screeningScore).toBe(31);
  });

  it('keeps agreements: no change once given', async () => {
    const { prisma } = fresh.db;
    const participant = await prisma.participant.create({ data: { conferenceId, role: 'patient', externalName: 'Karen Jensen' } });
    const { plan, nurse } = await createRecord(prisma);
    const revision = await prisma.planRevision.create({ data: { planId: plan.id, number: 1, document: {}, operations: [], authorStaffId: nurse.id } });
    const agreement = await prisma.agreement.create({ data: { revisionId: revision.id, conferenceId, party: 'patient', partyKey: 'patient', participantId: participant.id } });

    await expect(prisma.agreement.delete({ where: { id: agreement.id } })).rejects.toThrow(/never changed or removed/);
    await expect(prisma.agreement.create({ data: { revisionId: revision.id, conferenceId, party: 'patient', partyKey: 'patient', participantId: participant.id } })).rejects.toMatchObject({ code: 'CONFLICT' });

    // Who was there when it was agreed is kept the same way.
    const presence = await prisma.agreedPresence.create({ data: { conferenceId, revisionId: revision.id, participantId: participant.id, agreementId: agreement.id } });
    await expect(prisma.agreedPresence.update({ where: { id: presence.id }, data: { agreementId: null } })).rejects.toThrow(/never changed or removed/);
    await expect(prisma.agreedPresence.delete({ where: { id: presence.id } })).rejects.toThrow(/never changed or removed/);
  });

  it("keeps an agreement's exact party in step with its kind, and a yes on the patient's behalf for the patient only", async () => {
    const { prisma } = fresh.db;
    const daughter = await prisma.participant.create({ data: { conferenceId, role: 'relative', externalName: 'Hanne Jensen' } });
    const { plan, nurse } = await createRecord(prisma);
    const revision = await prisma.planRevision.create({ data: { planId: plan.id, number: 1, document: {}, operations: [], authorStaffId: nurse.id } });
    const given = (data: { party: 'patient' | 'relative' | 'hospital'; partyKey: string; onBehalfAs?: 'none' | 'guardian' }) =>
      prisma.agreement.create({ data: { revisionId: revision.id, conferenceId, participantId: daughter.id, ...data } });

    await expect(given({ party: 'relative', partyKey: 'patient' })).rejects.toThrow(/Agreement_partyKey_matches_party/);
    await expect(given({ party: 'patient', partyKey: `relative:${daughter.id}` })).rejects.toThrow(/Agreement_partyKey_matches_party/);
    await expect(given({ party: 'relative', partyKey: `relative:${daughter.id}`, onBehalfAs: 'guardian' })).rejects.toThrow(/Agreement_onBehalfAs_for_the_patient/);
    await expect(given({ party: 'patient', partyKey: 'patient', onBehalfAs: 'none' })).rejects.toThrow(/Agreement_onBehalfAs_for_the_patient/);
    await given({ party: 'relative', partyKey: `relative:${daughter.id}` });
    await given({ party: 'patient', partyKey: 'patient', onBehalfAs: 'guardian' });
    expect(await prisma.agreement.count({ where: { revisionId: revision.id } })).toBe(2);
  });

  it('deletes a patient\'s relatives with the patient, but never a patient with a clinical history', async () => {
    const { prisma } = fresh.db;
    const lonely = await prisma.patient.create({
      data: { name: 'Y', cprNumber: uniqueCprNumber(), dateOfBirth: new Date('1930-01-01'), homeMunicipalityId: record.municipality.id, relatives: { create: { name: 'Nabo', relation: 'nabo' } } },
    });
    await prisma.patient.delete({ where: { id: lonely.id } });
    expect(await prisma.relative.count({ where: { patientId: lonely.id } })).toBe(0);

    await expect(prisma.patient.delete({ where: { id: record.patient.id } })).rejects.toThrow('Episode_patientId_fkey');
    expect(await prisma.episode.count({ where: { patientId: record.patient.id } })).toBeGreaterThan(0);
  });
});

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
