import { z } from 'zod';
import { conferenceKindSchema } from '../domain/conferenceKinds.ts';
import { taskSchema } from '../plan/planDocument.ts';
import { ADVICE_URGENCIES } from './advice.ts';
import { isoInstantSchema, recordIdSchema } from './common.ts';
import { conferenceStatusSchema, lobbyStateSchema } from './conferences.ts';
import { participantRoleSchema } from '../roles.ts';
import { patientRefSchema } from './episodes.ts';

/**
 * GET /api/day — what a staff member's day holds, as data: conferences,
 * advice requests waiting, discharges still without a reception visit,
 * follow-up home visits coming due, and the plan tasks that are mine.
 * Computed at the server's "now".
 */
export const dayViewSchema = z.object({
  now: isoInstantSchema,
  conferences: z.array(
    z.object({
      id: recordIdSchema,
      episodeId: recordIdSchema,
      patient: patientRefSchema,
      kind: conferenceKindSchema,
      status: conferenceStatusSchema,
      scheduledStart: isoInstantSchema,
      plannedDurationMinutes: z.number().int(),
      /** Today (Copenhagen) or later this week (the next 7 days). */
      when: z.enum(['today', 'this_week']),
      /** I host it or am invited. */
      involvesMe: z.boolean(),
      /** Who is invited and where they are (a relative waiting to be let in); only in conferences that involve me. */
      people: z.array(z.object({ name: z.string(), role: participantRoleSchema, lobbyState: lobbyStateSchema })).nullable(),
    }),
  ),
  openAdviceRequests: z.array(
    z.object({
      id: recordIdSchema,
      episodeId: recordIdSchema,
      patient: patientRefSchema,
      urgency: z.enum(ADVICE_URGENCIES),
      createdAt: isoInstantSchema,
      taken: z.boolean(),
      windowClosesAt: isoInstantSchema,
      msLeft: z.number().int(),
    }),
  ),
  /**
   * Discharged in the last 24 h with no reception visit recorded since (a
   * Visit of kind reception_visit, at home, by phone or by video).
   */
  dischargesAwaitingReception: z.array(
    z.object({
      episodeId: recordIdSchema,
      patient: patientRefSchema,
      dischargedAt: isoInstantSchema,
      receptionVisitDue: isoInstantSchema,
      msLeft: z.number().int(),
    }),
  ),
  /** Discharged episodes whose follow-up home visit (by day 8) is still ahead and not yet recorded. */
  followUpsDue: z.array(
    z.object({
      episodeId: recordIdSchema,
      patient: patientRefSchema,
      dischargedAt: isoInstantSchema,
      due: isoInstantSchema,
      /** The screening score recommends it (≥ 23). */
      recommended: z.boolean(),
      followUpConferenceId: recordIdSchema.nullable(),
    }),
  ),
  /** Open plan tasks named to me, or to my organisation with nobody named; soonest due first (shared/src/plan/myTasks.ts). */
  myTasks: z.array(z.object({ episodeId: recordIdSchema, patient: patientRefSchema, task: taskSchema })),
});
export type DayView = z.infer<typeof dayViewSchema>;
