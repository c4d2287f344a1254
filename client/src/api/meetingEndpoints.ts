/**
 * The calls a guest makes as well as staff: the conference, its plan, the
 * room token, the episode's advice requests, a call-back ringing for her and
 * the patient's access log. The guest's pages use these (guest/guestApi.ts)
 * without the staff screens' endpoints (endpoints.ts).
 */
import {
  accessLogResponseSchema,
  adviceRequestListResponseSchema,
  adviceRequestResponseSchema,
  conferenceResponseSchema,
  planSnapshotSchema,
  ringingCallBackSchema,
  roomTokenResponseSchema,
  type CreateAdviceRequest,
} from '@samplan/shared';
import { requestJson, type HttpOptions } from './http.ts';

const id = encodeURIComponent;

export function meetingEndpoints(options: HttpOptions = {}) {
  return {
    plan: (episodeId: string) => requestJson('GET', `/api/episodes/${id(episodeId)}/plan`, planSnapshotSchema, undefined, options),
    episodeAdvice: (episodeId: string) =>
      requestJson('GET', `/api/episodes/${id(episodeId)}/advice-requests`, adviceRequestListResponseSchema, undefined, options),
    askForAdvice: (episodeId: string, request: CreateAdviceRequest) =>
      requestJson('POST', `/api/episodes/${id(episodeId)}/advice-requests`, adviceRequestResponseSchema, request, options),
    conference: (conferenceId: string) => requestJson('GET', `/api/conferences/${id(conferenceId)}`, conferenceResponseSchema, undefined, options),
    roomToken: (conferenceId: string) => requestJson('POST', `/api/conferences/${id(conferenceId)}/room-token`, roomTokenResponseSchema, {}, options),
    ringingCallBack: () => requestJson('GET', '/api/call-back', ringingCallBackSchema, undefined, options),
    callBackRoomToken: (conferenceId: string) => requestJson('POST', `/api/call-back/${id(conferenceId)}/room-token`, roomTokenResponseSchema, {}, options),
    /** The patient's own "who has looked at my record" (her link, or a representative's). */
    accessLog: (episodeId: string, before?: string) =>
      requestJson('GET', `/api/episodes/${id(episodeId)}/access-log?limit=50${before ? `&before=${encodeURIComponent(before)}` : ''}`, accessLogResponseSchema, undefined, options),
  };
}
