import { type AgreementParties, agreementOfParties, emptyPlan, planDocumentSchema, type PlanSnapshot } from '@samplan/shared';
import type { Caller } from '../context.ts';
import { contentFlagsOf, partiesOf } from './agreements.ts';
import type { PlanContext } from './planContext.ts';
import { auditPlan, type Granted, grantOn, isRecordId, planCheck, type PlanPlace } from './planAccess.ts';
import { type PlanState, readPlanState } from './planState.ts';

/** One round trip for the plan and everything its access check and agreement need (planState.ts), checked. */
export async function readCheckedPlan(
  ctx: PlanContext,
  caller: Caller,
  place: PlanPlace,
  withDocument: boolean,
  resourceType: string,
): Promise<{ state: PlanState; granted: Granted }> {
  const readable = isRecordId(place.episodeId) && (place.conferenceId === undefined || isRecordId(place.conferenceId));
  const state = readable
    ? await readPlanState(ctx.db, place.episodeId, { ...(place.conferenceId === undefined ? {} : { conferenceId: place.conferenceId }), document: withDocument })
    : null;
  const granted = await grantOn(ctx, caller, state?.episode ?? null, planCheck(place, 'plan:read', 'read', resourceType));
  // grantOn refuses an episode that was not read, so a granted read has its state.
  if (state === null) throw new Error('access granted to an episode that was not read');
  return { state, granted };
}

/**
 * The plan as it stands, with the agreement of the conference it is looked
 * at in (or the latest one), and the inputs agreement was judged on; the
 * read is audited.
 */
export async function planSnapshotOf(
  ctx: PlanContext,
  caller: Caller,
  place: PlanPlace,
): Promise<{ snapshot: PlanSnapshot; parties: AgreementParties; flags: readonly boolean[] }> {
  const { state, granted } = await readCheckedPlan(ctx, caller, place, true, 'CarePlan');
  const flags = await contentFlagsOf(ctx.db, ctx.planContent, state);
  const parties = partiesOf(state);
  const agreement = agreementOfParties(flags, parties);
  const document = state.revision === 0 ? emptyPlan() : planDocumentSchema.parse(state.document);
  await auditPlan(ctx.db, caller, granted, { action: 'read', resourceType: 'CarePlan', resourceId: state.planId, outcome: 'ok' });
  return { snapshot: { episodeId: place.episodeId, revision: state.revision, document, agreement, allowed: [...granted.allowed] }, parties, flags };
}
