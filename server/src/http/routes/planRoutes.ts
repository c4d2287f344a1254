import { agreementStatusSchema, episodeParamsSchema, planHistoryQuerySchema, planHistoryResponseSchema, planPushResultSchema, planPushSchema, planSnapshotSchema } from '@samplan/shared';
import type { PlanService } from '../../plan/planService.ts';
import { type AnyRoute, route } from '../route.ts';

/** The plan outside a call; in a call the same operations go over Socket.IO (plan:open, plan:push). */
export function planRoutes(plans: PlanService): AnyRoute[] {
  return [
    route({
      method: 'get',
      path: '/episodes/:episodeId/plan',
      summary: 'The shared care plan as it stands: document, revision number, agreement, and what I may do with it.',
      tag: 'plan',
      access: 'signed-in',
      params: episodeParamsSchema,
      response: planSnapshotSchema,
      handler: ({ caller, params }) => plans.snapshot(caller.principal, { episodeId: params.episodeId, via: caller.via }),
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
      handler: async ({ caller, params, query }) => ({ revisions: await plans.history(caller.principal, { episodeId: params.episodeId, via: caller.via }, query) }),
    }),
    route({
      method: 'get',
      path: '/episodes/:episodeId/plan/agreement',
      summary: 'The last revision every party present agreed to, and whether the plan changed since.',
      tag: 'plan',
      access: 'signed-in',
      params: episodeParamsSchema,
      response: agreementStatusSchema,
      handler: ({ caller, params }) => plans.agreement(caller.principal, { episodeId: params.episodeId, via: caller.via }),
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
      handler: ({ caller, params, body }) => plans.push(caller.principal, { episodeId: params.episodeId, via: caller.via }, body),
    }),
  ];
}
