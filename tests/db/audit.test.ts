import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { patientAuditTrail, recordAudit } from '@samplan/server/store/auditLog.ts';
import { DATABASE_KINDS, openFreshDatabase, type FreshDatabase } from '../support/database-targets.ts';
import { createRecord } from '../support/record-fixtures.ts';

describe.each(DATABASE_KINDS)('audit trail on %s', (kind) => {
  let fresh: FreshDatabase;
  beforeAll(async () => {
    fresh = await openFreshDatabase(kind);
  });
  afterAll(() => fresh?.dispose());

  it('answers "who looked at this patient", newest first, and only for that patient', async () => {
    const { prisma } = fresh.db;
    const { patient, nurse, episode } = await createRecord(prisma);
    const other = await createRecord(prisma);
    const participantId = randomUUID();

    await recordAudit(prisma, { actor: { kind: 'staff', staffId: nurse.id }, action: 'read', resourceType: 'Episode', resourceId: episode.id, patientId: patient.id, via: 'GET /api/episodes/:id', outcome: 'ok' });
    await recordAudit(prisma, { actor: { kind: 'participant', participantId }, action: 'update', resourceType: 'PlanRevision', patientId: patient.id, via: 'plan:push', outcome: 'denied' });
    await recordAudit(prisma, { actor: { kind: 'staff', staffId: other.nurse.id }, action: 'read', resourceType: 'Episode', resourceId: other.episode.id, patientId: other.patient.id, via: 'GET /api/episodes/:id', outcome: 'ok' });
    await recordAudit(prisma, { actor: { kind: 'system' }, action: 'read', resourceType: 'Patient', resourceId: patient.id, patientId: patient.id, via: 'job:reminders', outcome: 'error' });

    const trail = await patientAuditTrail(prisma, patient.id);
    expect(trail.map((event) => [event.actorKind, event.actorId, event.action, event.via, event.outcome])).toEqual([
      ['system', null, 'read', 'job:reminders', 'error'],
      ['participant', participantId, 'update', 'plan:push', 'denied'],
      ['staff', nurse.id, 'read', 'GET /api/episodes/:id', 'ok'],
    ]);
    expect(trail.every((event) => event.at instanceof Date)).toBe(true);
    expect(await patientAuditTrail(prisma, patient.id, { since: new Date(Date.now() + 60_000) })).toEqual([]);
  });

  it('commits with the write it describes, or not at all', async () => {
    const { prisma } = fresh.db;
    const { patient, nurse, ward } = await createRecord(prisma);
    const failing = prisma.$transaction(async (tx) => {
      await recordAudit(tx, { actor: { kind: 'staff', staffId: nurse.id }, action: 'create', resourceType: 'Episode', patientId: patient.id, via: 'POST /api/episodes', outcome: 'ok' });
      // Discharged before admitted: refused by a CHECK, so the transaction rolls back.
      await tx.episode.create({ data: { patientId: patient.id, admittingWardId: ward.id, admittedAt: new Date(), dischargedAt: new Date(0), status: 'discharged' } });
    });
    await expect(failing).rejects.toThrow();
    expect(await prisma.auditEvent.count({ where: { patientId: patient.id, action: 'create' } })).toBe(0);
  });

  it('is append-only: no update, delete or truncate', async () => {
    const { prisma } = fresh.db;
    const { patient, nurse } = await createRecord(prisma);
    const event = await recordAudit(prisma, { actor: { kind: 'staff', staffId: nurse.id }, action: 'read', resourceType: 'Patient', resourceId: patient.id, patientId: patient.id, via: 'GET /api/patients/:id', outcome: 'ok' });

    await expect(prisma.auditEvent.update({ where: { id: event.id }, data: { outcome: 'denied' } })).rejects.toThrow(/never changed or removed/);
    await expect(prisma.auditEvent.deleteMany({ where: { patientId: patient.id } })).rejects.toThrow(/never changed or removed/);
    await expect(prisma.$executeRawUnsafe('TRUNCATE "AuditEvent"')).rejects.toThrow(/never changed or removed/);
    expect(await prisma.auditEvent.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({ outcome: 'ok' });
  });

  it('keeps the trail of a denied attempt on a record that does not exist', async () => {
    const { prisma } = fresh.db;
    const unknownPatientId = randomUUID();
    await recordAudit(prisma, { actor: { kind: 'participant', participantId: randomUUID() }, action: 'read', resourceType: 'Patient', resourceId: unknownPatientId, patientId: unknownPatientId, via: 'GET /api/patients/:id', outcome: 'denied' });
    expect(await patientAuditTrail(prisma, unknownPatientId)).toHaveLength(1);
  });
});
