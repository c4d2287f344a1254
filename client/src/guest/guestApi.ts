import {
  SamplanError,
  adviceRefusalSchema,
  adviceRequestResponseSchema,
  conferenceResponseSchema,
  episodeSummarySchema,
  httpErrorResponseSchema,
  meResponseSchema,
  planSnapshotSchema,
  roomTokenResponseSchema,
  type AdviceRefusal,
  type AdviceRequestView,
  type ConferenceView,
  type CreateAdviceRequest,
  type EpisodeSummary,
  type MeResponse,
  type PlanSnapshot,
} from '@samplan/shared';
import { ClientError } from '../uiError.ts';

/**
 * The few REST calls a guest makes, each answer checked against the shared
 * schema. The session is the HttpOnly cookie set by redeeming the link, so
 * every call sends credentials and none carries a token of its own.
 */
export type Fetch = (input: string, init: RequestInit) => Promise<Response>;

/** A refusal by a pathway rule (the advice window), with the rule's structured answer. */
export class RefusedError extends SamplanError {
  constructor(readonly adviceRefusal: AdviceRefusal) {
    super('REFUSED', adviceRefusal.code);
  }
}

type Parser<T> = { safeParse(value: unknown): { success: true; data: T } | { success: false } };

async function call<T>(fetchImpl: Fetch, path: string, schema: Parser<T>, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetchImpl(path, {
      credentials: 'same-origin',
      ...init,
      headers: { accept: 'application/json', ...(init.body ? { 'content-type': 'application/json' } : {}) },
    });
  } catch (error) {
    throw new ClientError('NETWORK', error instanceof Error ? error.message : String(error));
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const failure = httpErrorResponseSchema.safeParse(body);
    if (!failure.success) throw new SamplanError(response.status === 404 ? 'NOT_FOUND' : 'INTERNAL', `${path}: HTTP ${response.status}`);
    const refusal = adviceRefusalSchema.safeParse(failure.data.error.refusal);
    if (failure.data.error.code === 'REFUSED' && refusal.success) throw new RefusedError(refusal.data);
    throw new SamplanError(failure.data.error.code, failure.data.error.message);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new SamplanError('INTERNAL', `${path}: the answer does not match the protocol`);
  return parsed.data;
}

export type GuestApi = ReturnType<typeof guestApi>;

export function guestApi(fetchImpl: Fetch = (input, init) => fetch(input, init)) {
  return {
    /** Turns the link into a guest session for its one conference (and puts the guest in the lobby). */
    redeem: (linkToken: string): Promise<MeResponse> =>
      call(fetchImpl, `/api/join/${encodeURIComponent(linkToken)}`, meResponseSchema, { method: 'POST' }),
    conference: async (conferenceId: string): Promise<ConferenceView> =>
      (await call(fetchImpl, `/api/conferences/${conferenceId}`, conferenceResponseSchema)).conference,
    /** Answers only once the host has let this guest in; until then an error code (FORBIDDEN). */
    roomToken: (conferenceId: string) => call(fetchImpl, `/api/conferences/${conferenceId}/room-token`, roomTokenResponseSchema, { method: 'POST' }),
    episode: (episodeId: string): Promise<EpisodeSummary> => call(fetchImpl, `/api/episodes/${episodeId}`, episodeSummarySchema),
    plan: (episodeId: string): Promise<PlanSnapshot> => call(fetchImpl, `/api/episodes/${episodeId}/plan`, planSnapshotSchema),
    askForAdvice: async (episodeId: string, request: CreateAdviceRequest): Promise<AdviceRequestView> =>
      (await call(fetchImpl, `/api/episodes/${episodeId}/advice-requests`, adviceRequestResponseSchema, { method: 'POST', body: JSON.stringify(request) }))
        .adviceRequest,
  };
}
