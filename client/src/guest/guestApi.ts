import { iceServersResponseSchema, meResponseSchema, type IceServer, type MeResponse } from '@samplan/shared';
import { requestJson, type HttpOptions } from '../api/http.ts';
import { meetingEndpoints } from '../api/meetingEndpoints.ts';

/**
 * The REST calls a guest makes: the calls staff make too (api/meetingEndpoints.ts), plus
 * redeeming the link. The session is the HttpOnly cookie that redeeming
 * sets, so no call carries a token of its own.
 */
export function guestApi(options: HttpOptions = {}) {
  const { conference, plan, roomToken, askForAdvice, episodeAdvice, accessLog, ringingCallBack, callBackRoomToken } = meetingEndpoints(options);
  return {
    /** Turns the link into a guest session for its one conference, and puts the guest in the lobby. */
    redeem: (linkToken: string): Promise<MeResponse> => requestJson('POST', `/api/join/${encodeURIComponent(linkToken)}`, meResponseSchema, {}, options),
    conference: async (conferenceId: string) => (await conference(conferenceId)).conference,
    /** TURN servers (with short-lived credentials) for the connection check, before she is let in. */
    iceServers: async (): Promise<IceServer[]> => (await requestJson('GET', '/api/ice-servers', iceServersResponseSchema, undefined, options)).iceServers,
    plan,
    /** Answers only once the host has let this guest in; until then FORBIDDEN. */
    roomToken,
    askForAdvice: async (...args: Parameters<typeof askForAdvice>) => (await askForAdvice(...args)).adviceRequest,
    /** The 7-day advice window of her episode: open with the time left, or when it closed. */
    adviceWindow: async (episodeId: string) => (await episodeAdvice(episodeId)).adviceWindow,
    /** Who has looked at her record (for the patient and a representative). */
    accessLog,
    /** The geriatric team's video call-back ringing for her now, if any. */
    ringingCallBack: async () => (await ringingCallBack()).callBack,
    /** Her own session's way into the call-back made for her: no link of its own. */
    callBackRoomToken,
  };
}

export type GuestApi = ReturnType<typeof guestApi>;
