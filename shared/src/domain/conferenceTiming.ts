import { z } from 'zod';
import { acuteRefusalSchema } from './acuteService.ts';
import { adviceRefusalAt, adviceRefusalSchema } from './adviceWindow.ts';
import type { ConferenceKind } from './conferenceKinds.ts';
import type { EpisodeTimes } from './episode.ts';
import { followUpVisitDue, goalConversationWindow, isInGoalConversationWindow } from './episodeClocks.ts';

/**
 * An ad hoc call booked "now" from a device whose clock is a little behind the
 * server's must not be refused as being in the past.
 */
export const PAST_START_TOLERANCE_MS = 5 * 60_000;

const isoInstant = z.iso.datetime();

/** Why a conference cannot be scheduled at that time; instants as ISO strings, for the wire. */
export const timingRefusalSchema = z.discriminatedUnion('code', [
  z.object({ code: z.literal('STARTS_IN_PAST') }),
  z.object({ code: z.literal('BEFORE_ADMISSION'), admittedAt: isoInstant }),
  /** Goal conversations and discharge conferences are held while the patient is admitted. */
  z.object({ code: z.literal('AFTER_DISCHARGE'), dischargedAt: isoInstant }),
  /** A follow-up is about the time at home. */
  z.object({ code: z.literal('NOT_DISCHARGED_YET') }),
  /** A discharge, visit or measurement recorded for a time that has not come yet. */
  z.object({ code: z.literal('IN_THE_FUTURE') }),
  /** An episode is discharged once; a second discharge is an error, not a correction. */
  z.object({ code: z.literal('ALREADY_DISCHARGED'), dischargedAt: isoInstant }),
  /** A visit after discharge cannot have taken place before it. */
  z.object({ code: z.literal('BEFORE_DISCHARGE'), dischargedAt: isoInstant }),
  adviceRefusalSchema,
  /** The municipal acute team takes requests only in its service hours. */
  acuteRefusalSchema,
]);
export type TimingRefusal = z.infer<typeof timingRefusalSchema>;

/** Allowed, but the organiser should see that it departs from the pathway. */
export const timingAdvisorySchema = z.discriminatedUnion('code', [
  z.object({ code: z.literal('OUTSIDE_GOAL_CONVERSATION_DAYS'), recommendedFrom: isoInstant, recommendedUntil: isoInstant }),
  z.object({ code: z.literal('LATER_THAN_FOLLOW_UP_DUE'), due: isoInstant }),
]);
export type TimingAdvisory = z.infer<typeof timingAdvisorySchema>;

export type TimingCheck =
  | { readonly ok: true; readonly advisories: readonly TimingAdvisory[] }
  | { readonly ok: false; readonly refusal: TimingRefusal };

const allowed = (...advisories: TimingAdvisory[]): TimingCheck => ({ ok: true, advisories });
const refused = (refusal: TimingRefusal): TimingCheck => ({ ok: false, refusal });

/** May a conference of this kind start at `startsAt` in this episode, asked at `now`? */
export function checkConferenceTiming(kind: ConferenceKind, episode: EpisodeTimes, startsAt: Date, now: Date): TimingCheck {
  if (startsAt.getTime() < now.getTime() - PAST_START_TOLERANCE_MS) return refused({ code: 'STARTS_IN_PAST' });
  if (startsAt < episode.admittedAt) return refused({ code: 'BEFORE_ADMISSION', admittedAt: episode.admittedAt.toISOString() });
  const { dischargedAt } = episode;

  switch (kind) {
    case 'goal_conversation':
    case 'discharge_conference': {
      if (dischargedAt !== null && startsAt >= dischargedAt) {
        return refused({ code: 'AFTER_DISCHARGE', dischargedAt: dischargedAt.toISOString() });
      }
      if (kind === 'goal_conversation' && !isInGoalConversationWindow(episode.admittedAt, startsAt)) {
        const window = goalConversationWindow(episode.admittedAt);
        return allowed({
          code: 'OUTSIDE_GOAL_CONVERSATION_DAYS',
          recommendedFrom: window.from.toISOString(),
          recommendedUntil: window.until.toISOString(),
        });
      }
      return allowed();
    }
    case 'advice_call': {
      const refusal = adviceRefusalAt(dischargedAt, startsAt);
      return refusal === null ? allowed() : refused(refusal);
    }
    case 'follow_up': {
      if (dischargedAt === null || startsAt < dischargedAt) return refused({ code: 'NOT_DISCHARGED_YET' });
      const due = followUpVisitDue(dischargedAt);
      return startsAt > due ? allowed({ code: 'LATER_THAN_FOLLOW_UP_DUE', due: due.toISOString() }) : allowed();
    }
    // Started the moment the acute nurse takes the request; its hours were judged when the doctor asked.
    case 'acute_assessment':
      return allowed();
  }
}
