import { z } from 'zod';
import { CONFERENCE_KIND_RULES, conferenceKindSchema } from '../domain/conferenceKinds.ts';
import { timingAdvisorySchema } from '../domain/conferenceTiming.ts';
import { mobileNumberSchema } from '../domain/mobileNumber.ts';
import { agreementPartySchema } from '../protocol/plan.ts';
import { actingRepresentationSchema } from './relatives.ts';
import { participantRoleSchema } from '../roles.ts';
import { isoInstantSchema, personNameSchema, recordIdSchema } from './common.ts';
import { preferredLanguageSchema } from './intake.ts';

export const CONFERENCE_STATUSES = ['scheduled', 'open', 'live', 'ended', 'cancelled'] as const;
export const conferenceStatusSchema = z.enum(CONFERENCE_STATUSES);
export type ConferenceStatus = z.infer<typeof conferenceStatusSchema>;

/**
 * Ended or cancelled: nobody joins it and nothing more is agreed in it. The
 * one spelling of that rule; queries filter with the list, code asks the function.
 */
export const CONFERENCE_OVER_STATUSES = ['ended', 'cancelled'] as const satisfies readonly ConferenceStatus[];

export function isConferenceOver(status: ConferenceStatus): boolean {
  return (CONFERENCE_OVER_STATUSES as readonly ConferenceStatus[]).includes(status);
}
export const LOBBY_STATES = ['invited', 'waiting', 'admitted', 'removed'] as const;
export const lobbyStateSchema = z.enum(LOBBY_STATES);

export const participantViewSchema = z.object({
  id: recordIdSchema,
  role: participantRoleSchema,
  name: z.string(),
  /** Set for staff, who join signed in; null for patients and relatives, who join by link. */
  staffId: recordIdSchema.nullable(),
  lobbyState: lobbyStateSchema,
  joinedAt: isoInstantSchema.nullable(),
  leftAt: isoInstantSchema.nullable(),
  /** The join link's state (never the link itself); null for staff and when a guest asks. */
  link: z.object({ expiresAt: isoInstantSchema, revokedAt: isoInstantSchema.nullable() }).nullable(),
  /** Null when a guest asks: other people's contact details are not theirs to see. */
  contact: z.object({ phone: z.string().nullable(), email: z.string().nullable() }).nullable(),
});
export type ParticipantView = z.infer<typeof participantViewSchema>;

export const conferenceSchema = z.object({
  id: recordIdSchema,
  episodeId: recordIdSchema,
  kind: conferenceKindSchema,
  status: conferenceStatusSchema,
  scheduledStart: isoInstantSchema,
  plannedDurationMinutes: z.number().int(),
  scheduledEnd: isoInstantSchema,
  host: z.object({ id: recordIdSchema, name: z.string() }),
  startedAt: isoInstantSchema.nullable(),
  endedAt: isoInstantSchema.nullable(),
  agreedRevisionId: recordIdSchema.nullable(),
  /**
   * The record of that agreement: who was in the call when the plan became
   * agreed by all present, and whose yes counted for each party (possibly given
   * earlier, to the same content). Null until it was agreed in this conference.
   */
  agreedWith: z
    .object({
      revision: z.number().int().min(1),
      present: z.array(z.object({ name: z.string(), role: participantRoleSchema })),
      /** Whose yes counted for each party: for the patient's party, a representative's is marked as given on her behalf. */
      agreedBy: z.array(
        z.object({
          party: agreementPartySchema,
          name: z.string(),
          role: participantRoleSchema,
          at: isoInstantSchema,
          onBehalfOf: z.object({ name: z.string(), as: actingRepresentationSchema }).nullable(),
        }),
      ),
    })
    .nullable(),
  participants: z.array(participantViewSchema),
});
export type ConferenceView = z.infer<typeof conferenceSchema>;

export const CONFERENCE_MINUTES = { min: 5, max: 240 } as const;

/** POST /api/episodes/:episodeId/conferences — start and length default from the pathway's rules. */
export const scheduleConferenceRequestSchema = z.object({
  kind: conferenceKindSchema,
  scheduledStart: z.iso.datetime({ offset: true }).optional(),
  plannedDurationMinutes: z.number().int().min(CONFERENCE_MINUTES.min).max(CONFERENCE_MINUTES.max).optional(),
  /** For an advice call: the request it answers. */
  adviceRequestId: recordIdSchema.optional(),
}).refine((request) => CONFERENCE_KIND_RULES[request.kind].origin !== 'acute_request', {
  // Never scheduled: the acute nurse taking the request starts it (POST /api/acute-assessments/:id/take).
  message: 'an acute assessment starts when the acute team takes the request',
  path: ['kind'],
});
export type ScheduleConferenceRequest = z.input<typeof scheduleConferenceRequestSchema>;

export const scheduleConferenceResponseSchema = z.object({
  conference: conferenceSchema,
  /** Allowed, but departs from the pathway (e.g. a goal conversation after day 2). */
  advisories: z.array(timingAdvisorySchema),
});

/** POST /api/conferences/:conferenceId/reschedule — the conference moves; its people get an update and their reminders move. */
export const rescheduleConferenceRequestSchema = z.object({
  scheduledStart: z.iso.datetime({ offset: true }),
  plannedDurationMinutes: z.number().int().min(CONFERENCE_MINUTES.min).max(CONFERENCE_MINUTES.max).optional(),
});
export type RescheduleConferenceRequest = z.input<typeof rescheduleConferenceRequestSchema>;

export const conferenceResponseSchema = z.object({ conference: conferenceSchema });
export const conferenceListResponseSchema = z.object({ conferences: z.array(conferenceSchema) });

const contactFields = {
  /** Invitations and reminders go to it by text message. */
  phone: mobileNumberSchema.optional(),
  email: z.email().max(200).optional(),
  /** The language of her messages; the patient's by default. */
  language: preferredLanguageSchema.optional(),
};

/** POST /api/conferences/:conferenceId/participants */
export const inviteRequestSchema = z.discriminatedUnion('kind', [
  /** A staff member of the care team (or, for an advice call, the geriatric team). */
  z.object({ kind: z.literal('staff'), staffId: recordIdSchema }),
  /** The patient, with name and contact from the record. */
  z.object({ kind: z.literal('patient') }),
  /** A relative on the patient's record. */
  z.object({ kind: z.literal('relative'), relativeId: recordIdSchema }),
  /** Someone close to the patient who is not on the record (a neighbour), named by the inviter. */
  z.object({ kind: z.literal('guest'), role: z.enum(['patient', 'relative']), name: personNameSchema, ...contactFields }),
]);
export type InviteRequest = z.input<typeof inviteRequestSchema>;

export const joinLinkSchema = z.object({
  /** Shown once, here: only its hash is stored. */
  token: z.string(),
  /** Where the link leads in the client, e.g. /join/<token>. */
  path: z.string(),
  expiresAt: isoInstantSchema,
});

export const inviteResponseSchema = z.object({ participant: participantViewSchema, joinLink: joinLinkSchema.nullable() });
export type InviteResponse = z.infer<typeof inviteResponseSchema>;

export const participantResponseSchema = z.object({ participant: participantViewSchema });

/** POST /api/conferences/:conferenceId/participants/:participantId/lobby — the host lets people in or out. */
export const lobbyChangeRequestSchema = z.object({ state: z.enum(['admitted', 'removed', 'waiting']) });

/** POST /api/conferences/:conferenceId/room-token */
export const roomTokenResponseSchema = z.object({ token: z.string(), roomId: z.string(), expiresAt: isoInstantSchema });
