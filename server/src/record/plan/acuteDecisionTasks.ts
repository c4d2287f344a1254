import { randomUUID } from 'node:crypto';
import { acuteDecisionOps } from '@samplan/shared';
import type { DomainEventOf } from '../../events/domainEvents.ts';
import { applyPlanConsequence } from './applyPlanConsequence.ts';
import type { PlanContext } from './planContext.ts';

/**
 * An acute assessment's decision in the shared plan of the episode it
 * started or updated (shared/src/plan/acuteTasks.ts): a revision like any
 * other (applyPlanConsequence.ts: the same queue, retry and `plan.revised`),
 * authored by the doctor.
 */
export async function addAcuteDecisionTasks(ctx: PlanContext, event: DomainEventOf<'acute.decided'>): Promise<void> {
  await applyPlanConsequence(ctx, {
    episodeId: event.episodeId,
    staffId: event.decidedByStaffId,
    via: 'event:acute.decided',
    decide: () => acuteDecisionOps(event.plan, randomUUID),
  });
}
