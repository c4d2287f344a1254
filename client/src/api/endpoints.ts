/**
 * Every REST route the staff screens use, one typed function each. Bodies
 * and answers are the shared schemas (shared/src/api); nothing is redeclared
 * here. All functions throw what http.ts throws.
 */
import {
  adviceQueueResponseSchema,
  adviceRequestListResponseSchema,
  adviceRequestResponseSchema,
  auditTrailResponseSchema,
  conferenceListResponseSchema,
  conferenceResponseSchema,
  dayViewSchema,
  episodeDetailSchema,
  episodeListResponseSchema,
  inviteResponseSchema,
  meResponseSchema,
  participantResponseSchema,
  planHistoryResponseSchema,
  planSnapshotSchema,
  planPushResultSchema,
  type PlanPush,
  roomTokenResponseSchema,
  scheduleConferenceResponseSchema,
  type AnswerAdviceRequest,
  type CreateAdviceRequest,
  type InviteRequest,
  type Isbar,
  type LoginRequest,
  type ScheduleConferenceRequest,
} from '@samplan/shared';
import { requestJson, requestVoid, type HttpOptions } from './http.ts';

const id = encodeURIComponent;

export function createApi(options: HttpOptions = {}) {
  return {
    login: (request: LoginRequest) => requestJson('POST', '/api/auth/login', meResponseSchema, request, options),
    me: () => requestJson('GET', '/api/auth/me', meResponseSchema, undefined, options),
    logout: () => requestVoid('POST', '/api/auth/logout', options),

    day: () => requestJson('GET', '/api/day', dayViewSchema, undefined, options),
    episodes: () => requestJson('GET', '/api/episodes', episodeListResponseSchema, undefined, options),
    episode: (episodeId: string) => requestJson('GET', `/api/episodes/${id(episodeId)}`, episodeDetailSchema, undefined, options),
    plan: (episodeId: string) => requestJson('GET', `/api/episodes/${id(episodeId)}/plan`, planSnapshotSchema, undefined, options),
    planPush: (episodeId: string, push: PlanPush) => requestJson('POST', `/api/episodes/${id(episodeId)}/plan/push`, planPushResultSchema, push, options),
    planRevisions: (episodeId: string) =>
      requestJson('GET', `/api/episodes/${id(episodeId)}/plan/revisions?limit=50`, planHistoryResponseSchema, undefined, options),
    auditTrail: (episodeId: string) => requestJson('GET', `/api/episodes/${id(episodeId)}/audit?limit=50`, auditTrailResponseSchema, undefined, options),
    episodeConferences: (episodeId: string) =>
      requestJson('GET', `/api/episodes/${id(episodeId)}/conferences`, conferenceListResponseSchema, undefined, options),
    episodeAdvice: (episodeId: string) =>
      requestJson('GET', `/api/episodes/${id(episodeId)}/advice-requests`, adviceRequestListResponseSchema, undefined, options),

    scheduleConference: (episodeId: string, request: ScheduleConferenceRequest) =>
      requestJson('POST', `/api/episodes/${id(episodeId)}/conferences`, scheduleConferenceResponseSchema, request, options),
    conference: (conferenceId: string) => requestJson('GET', `/api/conferences/${id(conferenceId)}`, conferenceResponseSchema, undefined, options),
    invite: (conferenceId: string, request: InviteRequest) =>
      requestJson('POST', `/api/conferences/${id(conferenceId)}/participants`, inviteResponseSchema, request, options),
    setLobbyState: (conferenceId: string, participantId: string, state: 'admitted' | 'removed' | 'waiting') =>
      requestJson('POST', `/api/conferences/${id(conferenceId)}/participants/${id(participantId)}/lobby`, participantResponseSchema, { state }, options),
    roomToken: (conferenceId: string) => requestJson('POST', `/api/conferences/${id(conferenceId)}/room-token`, roomTokenResponseSchema, {}, options),
    endConference: (conferenceId: string) => requestJson('POST', `/api/conferences/${id(conferenceId)}/end`, conferenceResponseSchema, {}, options),

    adviceQueue: () => requestJson('GET', '/api/advice-requests', adviceQueueResponseSchema, undefined, options),
    askForAdvice: (episodeId: string, request: CreateAdviceRequest) =>
      requestJson('POST', `/api/episodes/${id(episodeId)}/advice-requests`, adviceRequestResponseSchema, request, options),
    takeAdvice: (adviceRequestId: string) => requestJson('POST', `/api/advice-requests/${id(adviceRequestId)}/take`, adviceRequestResponseSchema, {}, options),
    saveIsbarDraft: (adviceRequestId: string, note: Partial<Isbar>) =>
      requestJson('PUT', `/api/advice-requests/${id(adviceRequestId)}/isbar`, adviceRequestResponseSchema, note, options),
    answerAdvice: (adviceRequestId: string, answer: AnswerAdviceRequest) =>
      requestJson('POST', `/api/advice-requests/${id(adviceRequestId)}/answer`, adviceRequestResponseSchema, answer, options),
  };
}

export type Api = ReturnType<typeof createApi>;

/** The page's API; tests make their own with createApi({ fetch }). */
export const api: Api = createApi();
