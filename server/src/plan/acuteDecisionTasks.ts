import { randomUUID } from 'node:crypto';
import { acuteDecisionOps } from '@samplan/shared';
import type { DomainEventOf } from '../events/domainEvents.ts';
import type { PlanService } from './planService.ts';

/**
 * An acute assessment's decision in the shared plan of the episode it
 * started or updated (shared/src/plan/acuteTasks.ts): a revision like any
 * other (PlanService's queue, retry and broadcast), authored by the doctor.
 */
export async function addAcuteDecisionTasks({ plans }: { plans: Pick<PlanService, 'applyConsequence'> }, event: DomainEventOf<'acute.decided'>): Promise<void> {
  await plans.applyConsequence({
    episodeId: event.episodeId,
    staffId: event.decidedByStaffId,
    via: 'event:acute.decided',
    decide: () => acuteDecisionOps(event.plan, randomUUID),
  });
}
