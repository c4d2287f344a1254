import { describeChanges, type PlanHistoryEntry, type PlanHistoryQuery, planHistoryQuerySchema } from '@samplan/shared';
import type { Caller } from '../context.ts';
import type { PlanContext } from './planContext.ts';
import { auditPlan, grant, planCheck, type PlanPlace } from './planAccess.ts';
import { documentsBetween, headOf, revisionsBetween } from './revisions.ts';

/** GET /api/episodes/:episodeId/plan/revisions — the revision list, newest first: who, when, in which conference, and what changed. */
export async function readPlanHistory(ctx: PlanContext, caller: Caller, place: PlanPlace, query: PlanHistoryQuery = {}): Promise<PlanHistoryEntry[]> {
  const { db } = ctx;
  const { before, limit } = planHistoryQuerySchema.parse(query);
  const granted = await grant(ctx, caller, place.episodeId, planCheck(place, 'plan:read', 'read', 'PlanRevision'));
  const plan = await db.carePlan.findUnique({ where: { episodeId: place.episodeId }, select: { id: true } });
  const head = await headOf(db, plan?.id ?? null);
  const upTo = Math.min(head.number, (before ?? head.number + 1) - 1);
  const from = Math.max(1, upTo - limit + 1);
  const entries: PlanHistoryEntry[] = [];
  if (plan && upTo >= 1) {
    const revisions = await revisionsBetween(db, plan.id, from - 1, upTo);
    const documents = await documentsBetween(db, plan.id, from - 1, upTo);
    for (const revision of revisions.reverse()) {
      const previous = documents.get(revision.revision - 1);
      const current = documents.get(revision.revision);
      if (!previous || !current) throw new Error(`plan ${plan.id} is missing revision ${revision.revision - 1} or ${revision.revision}`);
      entries.push({ ...revision, changes: describeChanges(previous, current) });
    }
  }
  await auditPlan(db, caller, granted, { action: 'read', resourceType: 'PlanRevision', resourceId: plan?.id ?? null, outcome: 'ok' });
  return entries;
}
