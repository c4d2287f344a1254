import {
  dischargeResponseSchema,
  episodeParamsSchema,
  recordDischargeRequestSchema,
  recordTobsRequestSchema,
  recordVisitRequestSchema,
  tobsObservationListResponseSchema,
  tobsObservationResponseSchema,
  visitListResponseSchema,
  visitResponseSchema,
} from '@samplan/shared';
import type { RecordContext } from '../../record/context.ts';
import { recordDischarge } from '../../record/episodes/recordDischarge.ts';
import { listTobs, recordTobs } from '../../record/visits/recordTobs.ts';
import { listVisits, recordVisit } from '../../record/visits/recordVisit.ts';
import { type AnyRoute, route } from '../route.ts';

/** Discharge and the days after: the discharge itself, the visits after it, and TOBS. */
export function visitRoutes(ctx: RecordContext): AnyRoute[] {
  return [
    route({
      method: 'post',
      path: '/episodes/:episodeId/discharge',
      summary: 'Record the discharge (time and destination): the 24 h, 8-day and 7-day clocks start.',
      tag: 'episodes',
      access: 'staff',
      audit: { action: 'discharge', resourceType: 'Episode' },
      params: episodeParamsSchema,
      body: recordDischargeRequestSchema,
      response: dischargeResponseSchema,
      status: 201,
      handler: async ({ caller, params, body }) => ({ discharge: await recordDischarge(ctx, caller, params.episodeId, body) }),
    }),
    route({
      method: 'get',
      path: '/episodes/:episodeId/visits',
      summary: 'The visits and checks after discharge, each kept or late against its due time.',
      tag: 'visits',
      access: 'signed-in',
      params: episodeParamsSchema,
      response: visitListResponseSchema,
      handler: async ({ caller, params }) => ({ visits: await listVisits(ctx, caller, params.episodeId) }),
    }),
    route({
      method: 'post',
      path: '/episodes/:episodeId/visits',
      summary: 'Record a reception visit, follow-up home visit or day-after check with its checklist (and TOBS measured at it).',
      tag: 'visits',
      access: 'staff',
      audit: { action: 'create', resourceType: 'Visit' },
      params: episodeParamsSchema,
      body: recordVisitRequestSchema,
      response: visitResponseSchema,
      status: 201,
      handler: async ({ caller, params, body }) => ({ visit: await recordVisit(ctx, caller, params.episodeId, body) }),
    }),
    route({
      method: 'get',
      path: '/episodes/:episodeId/tobs',
      summary: 'Every TOBS measured in the episode, with its score.',
      tag: 'visits',
      access: 'signed-in',
      params: episodeParamsSchema,
      response: tobsObservationListResponseSchema,
      handler: async ({ caller, params }) => ({ observations: await listTobs(ctx, caller, params.episodeId) }),
    }),
    route({
      method: 'post',
      path: '/episodes/:episodeId/tobs',
      summary: 'Record TOBS on its own (at a call, naming its conference, or at any time); the 0–15 score is computed and stored.',
      tag: 'visits',
      access: 'staff',
      audit: { action: 'create', resourceType: 'TobsObservation' },
      params: episodeParamsSchema,
      body: recordTobsRequestSchema,
      response: tobsObservationResponseSchema,
      status: 201,
      handler: async ({ caller, params, body }) => ({ observation: await recordTobs(ctx, caller, params.episodeId, body) }),
    }),
  ];
}
