import { randomUUID } from 'node:crypto';
import { dischargeTaskOps, visitTaskOps } from '@samplan/shared';
import type { DomainEventOf } from '../../events/domainEvents.ts';
import type { Logger } from '../../logger.ts';
import { applyPlanConsequence } from './applyPlanConsequence.ts';
import type { PlanContext } from './planContext.ts';

/**
 * The pathway in the plan (shared/src/plan/pathwayTasks.ts): a discharge
 * puts the reception visit and the follow-up home visit in the plan, for the
 * home nurses of the patient's municipality; recording a visit marks its task
 * done. Both are revisions of the plan like any other (applyPlanConsequence.ts:
 * the same queue and retry, and `plan.revised`), authored by whoever recorded the discharge or visit.
 */

export async function addDischargeTasks(ctx: PlanContext, logger: Logger, event: DomainEventOf<'episode.discharged'>): Promise<void> {
  const episode = await ctx.db.episode.findUniqueOrThrow({
    where: { id: event.episodeId },
    select: { dischargeRecordedById: true, patient: { select: { homeMunicipality: { select: { name: true } } } } },
  });
  // A revision has a person as its author; a discharge from the hospital's systems names none, and its tasks are added by hand.
  if (episode.dischargeRecordedById === null) {
    logger.warn({ episodeId: event.episodeId }, 'discharge without a recording staff member: no pathway tasks added');
    return;
  }
  const homeCare = { role: 'municipality' as const, organisation: episode.patient.homeMunicipality.name };
  await applyPlanConsequence(ctx, {
    episodeId: event.episodeId,
    staffId: episode.dischargeRecordedById,
    via: 'event:episode.discharged',
    decide: (doc) => dischargeTaskOps(doc, event.dischargedAt, homeCare, randomUUID),
  });
}

export async function closeVisitTask(ctx: PlanContext, event: DomainEventOf<'visit.recorded'>): Promise<void> {
  await applyPlanConsequence(ctx, {
    episodeId: event.episodeId,
    staffId: event.recordedByStaffId,
    via: 'event:visit.recorded',
    decide: (doc) => visitTaskOps(doc, event.kind),
  });
}
