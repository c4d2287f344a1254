import { z } from 'zod';
import { addCalendarDays, addHours, atLocalTime, localMinuteOfDay, startOfLocalDay } from './copenhagenTime.ts';

/**
 * The promises of the pathway, as instants. Durations stated in hours are
 * elapsed time ("within 24 hours"); durations stated in days are calendar days
 * at the same Copenhagen wall-clock time (see adviceWindow.ts).
 */

/** A municipal nurse visits (*modtagebesøg*) or calls within 24 h of discharge. */
export const RECEPTION_VISIT_HOURS = 24;
/** GP and home nurse visit at home (*opfølgende hjemmebesøg*); the effect is largest within 8 days. */
export const FOLLOW_UP_VISIT_DAYS = 8;
/** The goal conversation belongs on day 1 or 2 of the admission (day 1 = the day of admission). */
export const GOAL_CONVERSATION_LAST_DAY = 2;
/**
 * Suggested start: day 2 at 10:00 — always inside the window whatever the hour
 * of admission, and it leaves relatives and the municipal visitator time to
 * arrange to join.
 */
export const GOAL_CONVERSATION_DEFAULT_TIME = { day: 2, hour: 10, minute: 0 } as const;
/** Discharge is preferably before noon, so home care can be in place the same day. */
export const PREFERRED_DISCHARGE_BEFORE = { hour: 12, minute: 0 } as const;

export function receptionVisitDue(dischargedAt: Date): Date {
  return addHours(dischargedAt, RECEPTION_VISIT_HOURS);
}

export function followUpVisitDue(dischargedAt: Date): Date {
  return addCalendarDays(dischargedAt, FOLLOW_UP_VISIT_DAYS);
}

/** The visits after discharge whose promise the pathway measures. */
export const PATHWAY_VISIT_KINDS = ['reception_visit', 'follow_up_home_visit'] as const;
export const pathwayVisitKindSchema = z.enum(PATHWAY_VISIT_KINDS);
export type PathwayVisitKind = z.infer<typeof pathwayVisitKindSchema>;

export function visitDue(kind: PathwayVisitKind, dischargedAt: Date): Date {
  switch (kind) {
    case 'reception_visit':
      return receptionVisitDue(dischargedAt);
    case 'follow_up_home_visit':
      return followUpVisitDue(dischargedAt);
  }
}

/**
 * Kept when the visit took place from the discharge instant up to and
 * including the due instant, which is in time here as it is for a follow-up
 * conference (conferenceTiming.ts).
 */
export function visitKept(kind: PathwayVisitKind, dischargedAt: Date, visitAt: Date): boolean {
  return visitAt >= dischargedAt && visitAt <= visitDue(kind, dischargedAt);
}

export interface GoalConversationWindow {
  /** The admission itself. */
  readonly from: Date;
  /** Copenhagen midnight at the end of day 2 (exclusive). */
  readonly until: Date;
  readonly defaultStart: Date;
}

export function goalConversationWindow(admittedAt: Date): GoalConversationWindow {
  const { day, hour, minute } = GOAL_CONVERSATION_DEFAULT_TIME;
  return {
    from: admittedAt,
    until: startOfLocalDay(admittedAt, GOAL_CONVERSATION_LAST_DAY),
    defaultStart: atLocalTime(admittedAt, day - 1, hour, minute),
  };
}

export function isInGoalConversationWindow(admittedAt: Date, startsAt: Date): boolean {
  const window = goalConversationWindow(admittedAt);
  return startsAt >= window.from && startsAt < window.until;
}

/** True when a (planned) discharge is before 12:00 Copenhagen time. */
export function isPreferredDischargeTime(dischargeAt: Date): boolean {
  return localMinuteOfDay(dischargeAt) < PREFERRED_DISCHARGE_BEFORE.hour * 60 + PREFERRED_DISCHARGE_BEFORE.minute;
}
