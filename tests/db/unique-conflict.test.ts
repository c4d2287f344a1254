import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SamplanError } from '@samplan/shared';
import { UniqueConflictError } from '@samplan/server/store/uniqueConflict.ts';
import { DATABASE_KINDS, openFreshDatabase, type FreshDatabase } from '../support/database-targets.ts';
import { createRecord, uniqueCprNumber, uniqueLogin } from '../support/record-fixtures.ts';

// PGlite reports a unique violation with the columns, PostgreSQL with the
// index name; both must reach callers as the same CONFLICT.
describe.each(DATABASE_KINDS)('unique violations on %s', (kind) => {
  let fresh: FreshDatabase;
  beforeAll(async () => {
    fresh = await openFreshDatabase(kind);
  });
  afterAll(() => fresh?.dispose());

  it('turns a duplicate single-column key into CONFLICT naming the field', async () => {
    const { prisma } = fresh.db;
    const { ward } = await createRecord(prisma);
    const login = uniqueLogin();
    await prisma.staffUser.create({ data: { name: 'A', role: 'doctor', organisationId: ward.id, login, passwordHash: 'h' } });

    const error = await prisma.staffUser
      .create({ data: { name: 'B', role: 'doctor', organisationId: ward.id, login, passwordHash: 'h' } })
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(UniqueConflictError);
    expect(error).toBeInstanceOf(SamplanError);
    expect(error).toMatchObject({ code: 'CONFLICT', model: 'StaffUser', fields: ['login'] });
    expect(await prisma.staffUser.count({ where: { login } })).toBe(1);
  });

  it('turns a duplicate composite key into CONFLICT naming both fields', async () => {
    const { prisma } = fresh.db;
    const { plan, nurse } = await createRecord(prisma);
    const revision = { planId: plan.id, number: 1, document: {}, operations: [], authorStaffId: nurse.id };
    await prisma.planRevision.create({ data: revision });

    await expect(prisma.planRevision.create({ data: revision })).rejects.toMatchObject({
      code: 'CONFLICT',
      model: 'PlanRevision',
      fields: ['planId', 'number'],
    });
  });

  it('turns a duplicate composite primary key into CONFLICT', async () => {
    const { prisma } = fresh.db;
    const { episode, municipality } = await createRecord(prisma);
    const member = { episodeId: episode.id, organisationId: municipality.id };
    await prisma.careTeamOrganisation.create({ data: member });

    await expect(prisma.careTeamOrganisation.create({ data: member })).rejects.toMatchObject({ code: 'CONFLICT', model: 'CareTeamOrganisation' });
  });

  it('does the same inside an interactive transaction, and rolls the transaction back', async () => {
    const { prisma } = fresh.db;
    const { municipality } = await createRecord(prisma);
    const cprNumber = uniqueCprNumber();
    const patient = { name: 'P', dateOfBirth: new Date('1940-01-01'), homeMunicipalityId: municipality.id };
    await prisma.patient.create({ data: { ...patient, cprNumber } });

    const error = await prisma
      .$transaction(async (tx) => {
        await tx.relative.create({ data: { patientId: (await tx.patient.findUniqueOrThrow({ where: { cprNumber } })).id, name: 'R', relation: 'datter' } });
        await tx.patient.create({ data: { ...patient, cprNumber } });
      })
      .catch((caught: unknown) => caught);

    expect(error).toMatchObject({ code: 'CONFLICT', fields: ['cprNumber'] });
    // The message names the field, never the value: CPR numbers must not reach logs.
    expect((error as Error).message).not.toContain(cprNumber);
    expect(await prisma.relative.count({ where: { patient: { cprNumber } } })).toBe(0);
  });

  it('leaves other errors alone', async () => {
    const { prisma } = fresh.db;
    await expect(prisma.staffUser.findUniqueOrThrow({ where: { login: uniqueLogin() } })).rejects.not.toBeInstanceOf(SamplanError);
  });
});
