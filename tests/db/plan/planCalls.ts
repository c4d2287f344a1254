import type { PlanHistoryQuery, PlanPush } from '@samplan/shared';
import type { Principal } from '@samplan/server/auth/principal.ts';
import { DomainEvents } from '@samplan/server/events/domainEvents.ts';
import { systemClock } from '@samplan/server/record/clock.ts';
import { agreeToPlan } from '@samplan/server/record/plan/agreeToPlan.ts';
import { planContext } from '@samplan/server/record/plan/planContext.ts';
import { pushPlanEdits } from '@samplan/server/record/plan/pushPlanEdits.ts';
import { readAgreement } from '@samplan/server/record/plan/readAgreement.ts';
import { readPlan } from '@samplan/server/record/plan/readPlan.ts';
import { readPlanHistory } from '@samplan/server/record/plan/readPlanHistory.ts';
import type { Db } from '@samplan/server/store/database.ts';

/** Where and through what a test asks: the episode, the conference when in a call, and the route or socket event. */
export interface EpisodeScope {
  readonly episodeId: string;
  readonly conferenceId?: string;
  readonly via: string;
}

/**
 * The plan's use cases (server/src/record/plan/) as one server calls them:
 * one context, so one queue of writes per plan. Two of these on one
 * database behave as two servers.
 */
export function planCalls(db: Db) {
  const ctx = planContext({ db, now: systemClock, events: new DomainEvents(() => {}) });
  const place = ({ episodeId, conferenceId }: EpisodeScope) => (conferenceId === undefined ? { episodeId } : { episodeId, conferenceId });
  return {
    snapshot: (principal: Principal, scope: EpisodeScope) => readPlan(ctx, { principal, via: scope.via }, place(scope)),
    agreement: (principal: Principal, scope: EpisodeScope) => readAgreement(ctx, { principal, via: scope.via }, place(scope)),
    history: (principal: Principal, scope: EpisodeScope, query?: PlanHistoryQuery) => readPlanHistory(ctx, { principal, via: scope.via }, place(scope), query),
    push: (principal: Principal, scope: EpisodeScope, push: PlanPush) => pushPlanEdits(ctx, { principal, via: scope.via }, place(scope), push),
    agree: (principal: Principal, scope: { conferenceId: string; via: string }, revision: number, onBehalfOfPatient = false) =>
      agreeToPlan(ctx, { principal, via: scope.via }, scope.conferenceId, revision, onBehalfOfPatient),
  };
}

export type PlanCalls = ReturnType<typeof planCalls>;
