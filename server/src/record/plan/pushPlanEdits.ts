import { integratePush, type PlanPush, type PlanPushResult, type PlanRejectionCode, type PlanRevision, SamplanError } from '@samplan/shared';
import { appendPlanRevision } from '../../store/planRevisions.ts';
import type { Caller } from '../context.ts';
import { editorOf, revisionAuthorOf } from './authorship.ts';
import { ensurePlan } from './ensurePlan.ts';
import { loadPlanConference } from './loadPlanConference.ts';
import type { PlanContext } from './planContext.ts';
import { auditPlan, type Granted, grant, planCheck, type PlanPlace } from './planAccess.ts';
import { commitUnlessTaken, TAKEN, untilCommitted } from './planWriteQueue.ts';
import { headOf, revisionsBetween } from './revisions.ts';

const REFUSALS: ReadonlySet<PlanRejectionCode> = new Set(['FORBIDDEN', 'NOT_AUTHOR', 'NOT_RESPONSIBLE']);

/** A client further behind than this reloads the plan instead of catching up through one push answer. */
const MAX_MISSED_REVISIONS = 500;

/**
 * POST /api/episodes/:episodeId/plan/push and plan:push — integrates a
 * person's operations into the plan (integratePush.ts): what still means
 * what they meant lands as one new revision (`plan.revised` after commit),
 * the rest comes back with a reason naming the item, the field and who
 * changed it. Every push ends with `plan.pushed`, for the operators' figures.
 */
export async function pushPlanEdits(ctx: PlanContext, caller: Caller, place: PlanPlace, push: PlanPush): Promise<PlanPushResult> {
  try {
    const result = await checkedPush(ctx, caller, place, push);
    await ctx.events.publish({ type: 'plan.pushed', outcome: result.at === null ? 'unchanged' : 'committed', rebased: result.missed.length > 0 });
    return result;
  } catch (error) {
    await ctx.events.publish({ type: 'plan.pushed', outcome: error instanceof SamplanError && error.code === 'CONFLICT' ? 'conflict' : 'failed', rebased: false });
    throw error;
  }
}

async function checkedPush(ctx: PlanContext, caller: Caller, place: PlanPlace, push: PlanPush): Promise<PlanPushResult> {
  const granted = await grant(ctx, caller, place.episodeId, planCheck(place, 'plan:read', 'update', 'PlanRevision'));
  // A revision says which call it was made in; a call that is over makes none (edit outside it instead).
  if (place.conferenceId !== undefined && (await loadPlanConference(ctx.db, place.conferenceId)).ended) {
    throw new SamplanError('ROOM_CLOSED', 'The conference has ended: the plan is edited outside it from now on.');
  }
  return ctx.planWrites.run(place.episodeId, () => integrate(ctx, caller, place, granted, push));
}

async function integrate(ctx: PlanContext, caller: Caller, place: PlanPlace, granted: Granted, push: PlanPush): Promise<PlanPushResult> {
  const { db } = ctx;
  const { principal } = caller;
  const planId = await ensurePlan(db, place.episodeId);
  const by = editorOf(principal);

  return untilCommitted(async () => {
    const head = await headOf(db, planId);
    if (push.baseRevision > head.number) throw new SamplanError('BAD_REQUEST', `The plan has no revision ${push.baseRevision}; it is at ${head.number}.`);
    if (head.number - push.baseRevision > MAX_MISSED_REVISIONS) {
      throw new SamplanError('CONFLICT', `The plan has moved on by more than ${MAX_MISSED_REVISIONS} revisions: open it again.`);
    }
    const missed = await revisionsBetween(db, planId, push.baseRevision, head.number);
    const at = ctx.now().toISOString();
    const result = integratePush({
      doc: head.document,
      ops: push.ops,
      committedSince: missed,
      stamp: { by, at },
      allowed: granted.allowed,
      ...(principal.kind === 'staff' ? { organisation: principal.organisationName } : {}),
    });
    const rejected = result.rejected.map(({ index, rejection }) => ({ index, rejection }));
    // Someone else's words (NOT_AUTHOR) or task (NOT_RESPONSIBLE) are as much a refusal of access as a section they may not edit.
    const forbidden = rejected.some(({ rejection }) => REFUSALS.has(rejection.code));
    const answer = { rejected, missed: missed.map(({ conferenceId: _, ...revision }) => revision) };

    if (result.applied.length === 0) {
      await auditPlan(db, caller, granted, { action: 'update', resourceType: 'PlanRevision', resourceId: null, outcome: forbidden ? 'denied' : 'ok' });
      return { revision: head.number, at: null, applied: [], ...answer };
    }
    // Another server may take this number first: then integrate again on top of what it committed.
    const stored = await commitUnlessTaken(() =>
      db.$transaction(async (tx) => {
        const row = await appendPlanRevision(tx, {
          planId,
          parentNumber: head.number === 0 ? null : head.number,
          document: result.doc,
          operations: [...result.applied],
          author: revisionAuthorOf(principal),
          conferenceId: place.conferenceId ?? null,
          createdAt: new Date(at),
        });
        await auditPlan(tx, caller, granted, { action: 'update', resourceType: 'PlanRevision', resourceId: row.id, outcome: 'ok' });
        if (forbidden) await auditPlan(tx, caller, granted, { action: 'update', resourceType: 'PlanRevision', resourceId: null, outcome: 'denied' });
        return row;
      }),
    );
    if (stored === TAKEN) return TAKEN;
    const revision: PlanRevision = { revision: stored.number, by, at, ops: [...result.applied] };
    await ctx.events.publish({ type: 'plan.revised', episodeId: place.episodeId, conferenceId: place.conferenceId ?? null, revision, origin: caller.origin });
    return { revision: stored.number, at, applied: [...result.applied], ...answer };
  }, 'The plan is changing too fast to apply this push; try again.');
}
