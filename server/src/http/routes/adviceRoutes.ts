import {
  adviceQueueQuerySchema,
  adviceQueueResponseSchema,
  adviceRequestListResponseSchema,
  adviceRequestParamsSchema,
  adviceRequestResponseSchema,
  answerAdviceRequestSchema,
  callBackResponseSchema,
  conferenceParamsSchema,
  createAdviceRequestSchema,
  episodeParamsSchema,
  isbarDraftSchema,
  ringingCallBackSchema,
  roomTokenResponseSchema,
} from '@samplan/shared';
import type { OutboxSettings } from '../../messages/outbox.ts';
import { adviceQueue } from '../../record/advice/adviceQueue.ts';
import { answerAdviceRequest, saveIsbarDraft, takeAdviceRequest } from '../../record/advice/answerAdvice.ts';
import { callBackByVideo } from '../../record/advice/callBackByVideo.ts';
import { createAdviceRequest } from '../../record/advice/createAdviceRequest.ts';
import { issueCallBackToken, ringingCallBack } from '../../record/advice/joinCallBack.ts';
import { listEpisodeAdvice } from '../../record/advice/listEpisodeAdvice.ts';
import type { RecordContext } from '../../record/context.ts';
import { type AnyRoute, route } from '../route.ts';

export function adviceRoutes(ctx: RecordContext & { secret: string; outbox: OutboxSettings }): AnyRoute[] {
  return [
    route({
      method: 'post',
      path: '/episodes/:episodeId/advice-requests',
      summary: 'Ask the geriatric team for advice (patient, relative, municipality, GP); refused outside the 7-day window with when it closed and where to turn.',
      tag: 'advice',
      access: 'signed-in',
      params: episodeParamsSchema,
      body: createAdviceRequestSchema,
      response: adviceRequestResponseSchema,
      status: 201,
      handler: async ({ caller, params, body }) => ({ adviceRequest: await createAdviceRequest(ctx, caller, params.episodeId, body) }),
    }),
    route({
      method: 'get',
      path: '/episodes/:episodeId/advice-requests',
      summary: "The episode's advice requests, oldest first.",
      tag: 'advice',
      access: 'signed-in',
      params: episodeParamsSchema,
      response: adviceRequestListResponseSchema,
      handler: ({ caller, params }) => listEpisodeAdvice(ctx, caller, params.episodeId),
    }),
    route({
      method: 'get',
      path: '/advice-requests',
      summary: "The geriatric team's queue: acute first, then the longest waiting, with the time left of each advice window.",
      tag: 'advice',
      access: 'staff',
      audit: { action: 'read', resourceType: 'AdviceRequest' },
      query: adviceQueueQuerySchema,
      response: adviceQueueResponseSchema,
      handler: async ({ caller, query }) => ({ adviceRequests: await adviceQueue(ctx, caller, query) }),
    }),
    route({
      method: 'post',
      path: '/advice-requests/:adviceRequestId/take',
      summary: 'A geriatrician takes a request.',
      tag: 'advice',
      access: 'staff',
      audit: { action: 'take', resourceType: 'AdviceRequest' },
      params: adviceRequestParamsSchema,
      response: adviceRequestResponseSchema,
      handler: async ({ caller, params }) => ({ adviceRequest: await takeAdviceRequest(ctx, caller, params.adviceRequestId) }),
    }),
    route({
      method: 'put',
      path: '/advice-requests/:adviceRequestId/isbar',
      summary: 'Save the ISBAR note while writing it.',
      tag: 'advice',
      access: 'staff',
      audit: { action: 'update', resourceType: 'AdviceRequest' },
      params: adviceRequestParamsSchema,
      body: isbarDraftSchema,
      response: adviceRequestResponseSchema,
      handler: async ({ caller, params, body }) => ({ adviceRequest: await saveIsbarDraft(ctx, caller, params.adviceRequestId, body) }),
    }),
    route({
      method: 'post',
      path: '/advice-requests/:adviceRequestId/answer',
      summary: 'Answer by phone or in an advice call, with the ISBAR note.',
      tag: 'advice',
      access: 'staff',
      audit: { action: 'answer', resourceType: 'AdviceRequest' },
      params: adviceRequestParamsSchema,
      body: answerAdviceRequestSchema,
      response: adviceRequestResponseSchema,
      handler: async ({ caller, params, body }) => ({ adviceRequest: await answerAdviceRequest(ctx, caller, params.adviceRequestId, body) }),
    }),
    route({
      method: 'post',
      path: '/advice-requests/:adviceRequestId/call-back',
      summary: "Call back by video: the advice call, hosted by me; a requester who asked from her link is rung on her open page and joins with one tap.",
      tag: 'advice',
      access: 'staff',
      audit: { action: 'create', resourceType: 'Conference' },
      params: adviceRequestParamsSchema,
      response: callBackResponseSchema,
      status: 201,
      handler: ({ caller, params }) => callBackByVideo(ctx, caller, params.adviceRequestId),
    }),
    route({
      method: 'get',
      path: '/call-back',
      summary: "A guest's call-back by video ringing now, if any (for her page opening or reconnecting).",
      tag: 'advice',
      access: 'signed-in',
      response: ringingCallBackSchema,
      handler: ({ caller }) => ringingCallBack(ctx, caller),
    }),
    route({
      method: 'post',
      path: '/call-back/:conferenceId/room-token',
      summary: 'A guest joins the call-back made for her with her own session: a media-room token.',
      tag: 'advice',
      access: 'signed-in',
      audit: { action: 'join', resourceType: 'Conference' },
      params: conferenceParamsSchema,
      response: roomTokenResponseSchema,
      handler: ({ caller, params }) => issueCallBackToken(ctx, caller, params.conferenceId),
    }),
  ];
}
