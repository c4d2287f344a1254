import { z } from 'zod';
import { recordIdSchema } from '../api/common.ts';

/**
 * "Your screen is out of date": sent to the signed-in staff who may see the
 * episode an admission, a discharge, a visit, a plan revision, an advice
 * request or a conference (scheduled, a guest arriving in its lobby, let in,
 * sent back, removed, ended) changed, so the screen fetches itself again at
 * once. Each notice says what kind of thing happened and which record to
 * read again, never anything about the patient: the fetch that follows is
 * the access-checked, audited read.
 */
export const DAY_CHANGES = ['admitted', 'discharged', 'visit', 'plan', 'advice', 'conference', 'acute'] as const;
export const dayChangedSchema = z.strictObject({ change: z.enum(DAY_CHANGES) });
export type DayChanged = z.infer<typeof dayChangedSchema>;
export type DayChange = DayChanged['change'];

/** The episode page of this episode reads itself again. */
export const episodeChangedSchema = z.strictObject({ episodeId: recordIdSchema, change: z.enum(DAY_CHANGES) });
export type EpisodeChanged = z.infer<typeof episodeChangedSchema>;

/** The conference page (its lobby) of this conference reads itself again. */
export const conferenceChangedSchema = z.strictObject({ conferenceId: recordIdSchema });
export type ConferenceChanged = z.infer<typeof conferenceChangedSchema>;

/**
 * To a guest's open page (her join-link session): the geriatric team is
 * calling her back by video in this conference. One tap asks for its room
 * token (POST /api/call-back/:conferenceId/room-token), which only her
 * session gets.
 */
export const callRingingSchema = z.strictObject({ conferenceId: recordIdSchema });
export type CallRinging = z.infer<typeof callRingingSchema>;

export const dayNotifications = {
  'day:changed': dayChangedSchema,
  'episode:changed': episodeChangedSchema,
  'conference:changed': conferenceChangedSchema,
  'call:ringing': callRingingSchema,
} as const;
