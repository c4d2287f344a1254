import {
  acuteAssessmentParamsSchema,
  acuteAssessmentResponseSchema,
  acuteDecisionRequestSchema,
  acuteLookupRequestSchema,
  acutePullInRequestSchema,
  acuteLookupResponseSchema,
  acuteQueueQuerySchema,
  acuteQueueResponseSchema,
  acuteTobsRequestSchema,
  createAcuteAssessmentSchema,
} from '@samplan/shared';
import { acuteQueue } from '../../record/acute/acuteQueue.ts';
import { decideAcuteAssessment } from '../../record/acute/decideAcuteAssessment.ts';
import { pullIntoAcuteCall } from '../../record/acute/pullIntoAcuteCall.ts';
import { readAcuteAssessment } from '../../record/acute/readAcuteAssessment.ts';
import { recordAcuteTobs } from '../../record/acute/recordAcuteTobs.ts';
import { lookupForAcuteAssessment, requestAcuteAssessment } from '../../record/acute/requestAcuteAssessment.ts';
import { takeAcuteAssessment } from '../../record/acute/takeAcuteAssessment.ts';
import type { RecordContext } from '../../record/context.ts';
import { type AnyRoute, route } from '../route.ts';

/** The acute assessment: a doctor asks the municipal acute team, the team takes it into a call, TOBS live, the doctor decides. */
export function acuteRoutes(ctx: RecordContext): AnyRoute[] {
  return [
    route({
      method: 'post',
      path: '/acute-assessments/lookup',
      summary: "A GP or out-of-hours doctor finds the citizen by CPR (in the body): her age and whether her municipality's acute team takes requests now.",
      tag: 'acute',
      access: 'staff',
      audit: { action: 'lookup', resourceType: 'Patient' },
      body: acuteLookupRequestSchema,
      response: acuteLookupResponseSchema,
      handler: ({ caller, body }) => lookupForAcuteAssessment(ctx, caller, body),
    }),
    route({
      method: 'post',
      path: '/acute-assessments',
      summary: "Ask the citizen's municipal acute team for an assessment at home; refused outside the team's hours (ACUTE_TEAM_CLOSED) with when it opens and what to do instead.",
      tag: 'acute',
      access: 'staff',
      audit: { action: 'create', resourceType: 'AcuteAssessment' },
      body: createAcuteAssessmentSchema,
      response: acuteAssessmentResponseSchema,
      status: 201,
      handler: async ({ caller, body }) => ({ acuteAssessment: await requestAcuteAssessment(ctx, caller, body) }),
    }),
    route({
      method: 'get',
      path: '/acute-assessments',
      summary: "The acute team's queue: its municipality's undecided requests, oldest first, with the time waited, the promise and the team's hours.",
      tag: 'acute',
      access: 'staff',
      audit: { action: 'read', resourceType: 'AcuteAssessment' },
      query: acuteQueueQuerySchema,
      response: acuteQueueResponseSchema,
      handler: ({ caller, query }) => acuteQueue(ctx, caller, query),
    }),
    route({
      method: 'get',
      path: '/acute-assessments/:acuteAssessmentId',
      summary: 'One assessment: its call, the TOBS entered in it with score and escalation, and the decision.',
      tag: 'acute',
      access: 'staff',
      audit: { action: 'read', resourceType: 'AcuteAssessment' },
      params: acuteAssessmentParamsSchema,
      response: acuteAssessmentResponseSchema,
      handler: async ({ caller, params }) => ({ acuteAssessment: await readAcuteAssessment(ctx, caller, params.acuteAssessmentId) }),
    }),
    route({
      method: 'post',
      path: '/acute-assessments/:acuteAssessmentId/take',
      summary: 'An acute nurse takes the request: its call starts, hosted by her, with the doctor let in.',
      tag: 'acute',
      access: 'staff',
      audit: { action: 'take', resourceType: 'AcuteAssessment' },
      params: acuteAssessmentParamsSchema,
      response: acuteAssessmentResponseSchema,
      handler: async ({ caller, params }) => ({ acuteAssessment: await takeAcuteAssessment(ctx, caller, params.acuteAssessmentId) }),
    }),
    route({
      method: 'post',
      path: '/acute-assessments/:acuteAssessmentId/pull-in',
      summary: "One click in the call: the hospital's visitation or the municipal visitation nurses join the episode's care team and the call.",
      tag: 'acute',
      access: 'staff',
      audit: { action: 'invite', resourceType: 'AcuteAssessment' },
      params: acuteAssessmentParamsSchema,
      body: acutePullInRequestSchema,
      response: acuteAssessmentResponseSchema,
      handler: async ({ caller, params, body }) => ({ acuteAssessment: await pullIntoAcuteCall(ctx, caller, params.acuteAssessmentId, body.who) }),
    }),
    route({
      method: 'post',
      path: '/acute-assessments/:acuteAssessmentId/tobs',
      summary: "The acute nurse enters TOBS in the home during the call; the doctor's screen shows the score and escalation at once.",
      tag: 'acute',
      access: 'staff',
      audit: { action: 'create', resourceType: 'TobsObservation' },
      params: acuteAssessmentParamsSchema,
      body: acuteTobsRequestSchema,
      response: acuteAssessmentResponseSchema,
      status: 201,
      handler: async ({ caller, params, body }) => ({ acuteAssessment: await recordAcuteTobs(ctx, caller, params.acuteAssessmentId, body) }),
    }),
    route({
      method: 'post',
      path: '/acute-assessments/:acuteAssessmentId/decision',
      summary: "The doctor's decision with its reason: admission (a new episode at the ward), treatment at home with a plan and a follow-up, or other; the episode's plan carries it on.",
      tag: 'acute',
      access: 'staff',
      audit: { action: 'decide', resourceType: 'AcuteAssessment' },
      params: acuteAssessmentParamsSchema,
      body: acuteDecisionRequestSchema,
      response: acuteAssessmentResponseSchema,
      handler: async ({ caller, params, body }) => ({ acuteAssessment: await decideAcuteAssessment(ctx, caller, params.acuteAssessmentId, body) }),
    }),
  ];
}
