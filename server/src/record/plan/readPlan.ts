import type { PlanSnapshot } from '@samplan/shared';
import type { Caller } from '../context.ts';
import type { PlanContext } from './planContext.ts';
import type { PlanPlace } from './planAccess.ts';
import { planSnapshotOf } from './planSnapshot.ts';

/** GET /api/episodes/:episodeId/plan — the plan as it stands, its agreement, and what the caller may do with it. */
export async function readPlan(ctx: PlanContext, caller: Caller, place: PlanPlace): Promise<PlanSnapshot> {
  return (await planSnapshotOf(ctx, caller, place)).snapshot;
}
