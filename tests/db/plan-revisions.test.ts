import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SamplanError } from '@samplan/shared';
import { appendPlanRevision, latestPlanRevision } from '@samplan/server/store/planRevisions.ts';
import { DATABASE_KINDS, openFreshDatabase, type FreshDatabase } from '../support/database-targets.ts';
import { createRecord } from '../support/record-fixtures.ts';

describe.each(DATABASE_KINDS)('plan revisions on %s', (kind) => {
  let fresh: FreshDatabase;
  beforeAll(async () => {
    fresh = await openFreshDatabase(kind);
  });
  afterAll(() => fresh?.dispose());

  it('numbers revisions 1, 2, 3 and links each to its parent', async () => {
    const { prisma } = fresh.db;
    const { plan, nurse } = await createRecord(prisma);
    const author = { staffId: nurse.id };

    const first = await appendPlanRevision(prisma, { planId: plan.id, parentNumber: null, document: { goals: ['Hjem til haven'] }, operations: [], author });
    const second = await appendPlanRevision(prisma, { planId: plan.id, parentNumber: 1, document: { goals: ['Hjem til haven', 'Gå til bageren'] }, operations: [{ op: 'add' }], author });
    const third = await appendPlanRevision(prisma, { planId: plan.id, parentNumber: 2, document: { goals: [] }, operations: [{ op: 'remove' }], author });

    expect([first.number, second.number, third.number]).toEqual([1, 2, 3]);
    expect([first.parentId, second.parentId, third.parentId]).toEqual([null, first.id, second.id]);
    expect((await latestPlanRevision(prisma, plan.id))?.id).toBe(third.id);
  });

  it('refuses a parent that does not exist', async () => {
    const { prisma } = fresh.db;
    const { plan, nurse } = await createRecord(prisma);
    await expect(
      appendPlanRevision(prisma, { planId: plan.id, parentNumber: 4, document: {}, operations: [], author: { staffId: nurse.id } }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('lets exactly one of several concurrent appends on the same parent win; the others get CONFLICT', async () => {
    const { prisma } = fresh.db;
    const { plan, nurse } = await createRecord(prisma);
    const author = { staffId: nurse.id };
    await appendPlanRevision(prisma, { planId: plan.id, parentNumber: null, document: { writer: 'start' }, operations: [], author });

    const rounds = 5;
    const writers = 4;
    const winners: string[] = [];
    for (let parentNumber = 1; parentNumber <= rounds; parentNumber += 1) {
      const results = await Promise.allSettled(
        Array.from({ length: writers }, (_, writer) =>
          appendPlanRevision(prisma, { planId: plan.id, parentNumber, document: { writer: `${parentNumber}/${writer}` }, operations: [], author }),
        ),
      );
      const fulfilled = results.filter((result) => result.status === 'fulfilled');
      const rejected = results.filter((result) => result.status === 'rejected');
      expect(fulfilled).toHaveLength(1);
      expect(rejected).toHaveLength(writers - 1);
      for (const { reason } of rejected) {
        expect(reason).toBeInstanceOf(SamplanError);
        expect(reason).toMatchObject({ code: 'CONFLICT' });
      }
      winners.push((fulfilled[0]!.value.document as { writer: string }).writer);
    }

    // No duplicate and no gap; every stored revision is the one its writer was told had won.
    const stored = await prisma.planRevision.findMany({ where: { planId: plan.id }, orderBy: { number: 'asc' } });
    expect(stored.map((revision) => revision.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(stored.slice(1).map((revision) => (revision.document as { writer: string }).writer)).toEqual(winners);
    stored.slice(1).forEach((revision, index) => expect(revision.parentId).toBe(stored[index]!.id));
  });

  it('never changes or removes a stored revision', async () => {
    const { prisma } = fresh.db;
    const { plan, nurse } = await createRecord(prisma);
    const revision = await appendPlanRevision(prisma, { planId: plan.id, parentNumber: null, document: { v: 1 }, operations: [], author: { staffId: nurse.id } });

    await expect(prisma.planRevision.update({ where: { id: revision.id }, data: { document: { v: 2 } } })).rejects.toThrow(/never changed or removed/);
    await expect(prisma.planRevision.delete({ where: { id: revision.id } })).rejects.toThrow(/never changed or removed/);
    await expect(prisma.$executeRawUnsafe('TRUNCATE "PlanRevision" CASCADE')).rejects.toThrow(/never changed or removed/);
    expect((await prisma.planRevision.findUniqueOrThrow({ where: { id: revision.id } })).document).toEqual({ v: 1 });
  });
});
