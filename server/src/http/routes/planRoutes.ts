import { agreementStatusSchema, episodeParamsSchema, planHistoryQuerySchema, planHistoryResponseSchema, planPushResultSchema, planPushSchema, planSnapshotSchema } from '@samplan/shared';
import type { PlanContext } from '../../record/plan/planContext.ts';
import { pushPlanEdits } from '../../record/plan/pushPlanEdits.ts';
import { readAgreement } from '../../record/plan/readAgreement.ts';
import { readPlan } from '../../record/plan/readPlan.ts';
import { readPlanHistory } from '../../record/plan/readPlanHistory.ts';
import { type AnyRoute, route } from '../route.ts';

/** The plan outside a call; in a call the same operations go over Socket.IO (plan:open, plan:push). */
export function planRoutes(plan: PlanContext): AnyRoute[] {
  return [
    route({
      method: 'get',
      path: '/episodes/:episodeId/plan',
      summary: 'The shared care plan as it stands: document, revision number, agreement, and what I may do with it.',
      tag: 'plan',
      access: 'signed-in',
      params: episodeParamsSchema,
      response: planSnapshotSchema,
      handler: ({ caller, params }) => readPlan(plan, caller, { episodeId: params.episodeId }),
    }),
    route({
      method: 'get',
      path: '/episodes/:episodeId/plan/revisions',
      summary: 'The revisions, newest first: who, when, in which conference, and what changed.',
      tag: 'plan',
      access: 'signed-in',
      params: episodeParamsSchema,
      query: planHistoryQuerySchema,
      response: planHistoryResponseSchema,
      handler: async ({ caller, params, query }) => ({ revisions: await readPlanHistory(plan, caller, { episodeId: params.episodeId }, query) }),
    }),
    route({
      method: 'get',
      path: '/episodes/:episodeId/plan/agreement',
      summary: 'The last revision every party present agreed to, and whether the plan changed since.',
      tag: 'plan',
      access: 'signed-in',
      params: episodeParamsSchema,
      response: agreementStatusSchema,
      handler: ({ caller, params }) => readAgreement(plan, caller, { episodeId: params.episodeId }),
    }),
    route({
      method: 'post',
      path: '/episodes/:episodeId/plan/push',
      summary: 'Edits made against a revision: what still applies lands as a new revision; the rest comes back with a reason.',
      tag: 'plan',
      access: 'signed-in',
      params: episodeParamsSchema,
      body: planPushSchema,
      response: planPushResultSchema,
      handler: ({ caller, params, body }) => pushPlanEdits(plan, caller, { episodeId: params.episodeId }, body),
    }),
  ];
}
