import type { AgreementStatusView } from '@samplan/shared';
import type { Caller } from '../context.ts';
import { agreementOf } from './agreements.ts';
import type { PlanContext } from './planContext.ts';
import { auditPlan, type PlanPlace } from './planAccess.ts';
import { readCheckedPlan } from './planSnapshot.ts';

/** GET /api/episodes/:episodeId/plan/agreement — where agreement stands: with the parties of the conference it is looked at in, or of the latest one. */
export async function readAgreement(ctx: PlanContext, caller: Caller, place: PlanPlace): Promise<AgreementStatusView> {
  const { state, granted } = await readCheckedPlan(ctx, caller, place, false, 'Agreement');
  const agreement = await agreementOf(ctx.db, ctx.planContent, state);
  await auditPlan(ctx.db, caller, granted, { action: 'read', resourceType: 'Agreement', resourceId: state.planId, outcome: 'ok' });
  return agreement;
}
