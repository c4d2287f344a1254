import { z } from 'zod';
import { freeText, isoInstantSchema, personNameSchema, recordIdSchema } from './common.ts';
import { conferenceSchema } from './conferences.ts';
import { adviceWindowViewSchema, patientRefSchema } from './episodes.ts';
import { phoneSchema } from '../plan/planDocument.ts';

export const ADVICE_CHANNELS = ['video', 'phone'] as const;
export const ADVICE_URGENCIES = ['acute', 'urgent', 'routine'] as const;
export const ADVICE_REQUESTERS = ['patient', 'relative', 'municipality', 'gp'] as const;

/** POST /api/episodes/:episodeId/advice-requests — who asks follows from the session, not the body. */
export const createAdviceRequestSchema = z.object({
  channel: z.enum(ADVICE_CHANNELS),
  question: freeText(2000),
  urgency: z.enum(ADVICE_URGENCIES).default('routine'),
  /** Staff asking for a colleague, or a guest giving the name to call back; defaults to the session's name. */
  requesterName: personNameSchema.optional(),
  /** Where to call back; required for phone advice. */
  requesterContact: phoneSchema.optional(),
}).refine((request) => request.channel !== 'phone' || request.requesterContact !== undefined, {
  message: 'a phone number to call back is required for phone advice',
  path: ['requesterContact'],
});
export type CreateAdviceRequest = z.input<typeof createAdviceRequestSchema>;

/** The geriatrician's note, structured as ISBAR. */
export const isbarSchema = z.object({
  identify: freeText(500),
  situation: freeText(2000),
  background: freeText(2000),
  assessment: freeText(2000),
  recommendation: freeText(2000),
});
export type Isbar = z.infer<typeof isbarSchema>;

export const ADVICE_STATES = ['open', 'taken', 'answered'] as const;

export const adviceRequestViewSchema = z.object({
  id: recordIdSchema,
  episodeId: recordIdSchema,
  patient: patientRefSchema,
  state: z.enum(ADVICE_STATES),
  requestedBy: z.enum(ADVICE_REQUESTERS),
  requesterName: z.string(),
  requesterContact: z.string().nullable(),
  channel: z.enum(ADVICE_CHANNELS),
  urgency: z.enum(ADVICE_URGENCIES),
  question: z.string(),
  createdAt: isoInstantSchema,
  /** When the episode's 7-day advice window closes, and how long is left of it now. */
  windowClosesAt: isoInstantSchema.nullable(),
  msLeft: z.number().int().nullable(),
  takenBy: z.object({ id: recordIdSchema, name: z.string() }).nullable(),
  takenAt: isoInstantSchema.nullable(),
  answeredAt: isoInstantSchema.nullable(),
  answerChannel: z.enum(ADVICE_CHANNELS).nullable(),
  adviceConferenceId: recordIdSchema.nullable(),
  /** Null until written; hidden from patients and relatives until answered. */
  isbar: isbarSchema.partial().nullable(),
});
export type AdviceRequestView = z.infer<typeof adviceRequestViewSchema>;

export const adviceRequestResponseSchema = z.object({ adviceRequest: adviceRequestViewSchema });
/** GET /api/advice-requests — the geriatric team's queue across episodes. */
export const adviceQueueResponseSchema = z.object({ adviceRequests: z.array(adviceRequestViewSchema) });
/** One episode's requests, with its window, so a patient's link can show the time left before she has asked anything. */
export const adviceRequestListResponseSchema = z.object({ adviceRequests: z.array(adviceRequestViewSchema), adviceWindow: adviceWindowViewSchema });

/** GET /api/advice-requests — the geriatric team's queue: acute first, then oldest. */
export const adviceQueueQuerySchema = z.object({ state: z.enum(['open', 'taken', 'unanswered']).default('unanswered') });

/** PUT /api/advice-requests/:adviceRequestId/isbar — a draft note while the request is taken. */
export const isbarDraftSchema = isbarSchema.partial().refine((note) => Object.keys(note).length > 0, 'write at least one part');

/** POST /api/advice-requests/:adviceRequestId/answer */
export const answerAdviceRequestSchema = z.discriminatedUnion('channel', [
  z.object({ channel: z.literal('phone'), isbar: isbarSchema }),
  /** Answered in an advice call: the conference of kind advice_call it was given in. */
  z.object({ channel: z.literal('video'), conferenceId: recordIdSchema, isbar: isbarSchema }),
]);
export type AnswerAdviceRequest = z.input<typeof answerAdviceRequestSchema>;

/**
 * POST /api/advice-requests/:adviceRequestId/call-back — the advice call,
 * made and hosted by the calling geriatrician. `ringing`: the request came
 * from a guest's link, so her open page rings and she joins with one tap;
 * otherwise the requester is invited as for any conference.
 */
export const callBackResponseSchema = z.object({ conference: conferenceSchema, ringing: z.boolean() });
export type CallBackResponse = z.infer<typeof callBackResponseSchema>;

/** GET /api/call-back — a guest's call-back ringing now, if any (what `call:ringing` said, for a page that was away). */
export const ringingCallBackSchema = z.object({ callBack: z.object({ conferenceId: recordIdSchema }).nullable() });
export type RingingCallBack = z.infer<typeof ringingCallBackSchema>;
