import { z } from 'zod';

/**
 * "Your day view is out of date": sent to the signed-in staff whose day an
 * admission, a discharge, a visit, a plan revision or an advice request may
 * have changed, so the day view fetches itself again (GET /api/day) at once
 * instead of at its next poll. It says what kind of thing happened and
 * nothing about whom: every socket of an organisation gets it, and the
 * fetch that follows is the access-checked, audited read.
 */
export const DAY_CHANGES = ['admitted', 'discharged', 'visit', 'plan', 'advice'] as const;
export const dayChangedSchema = z.strictObject({ change: z.enum(DAY_CHANGES) });
export type DayChanged = z.infer<typeof dayChangedSchema>;
export type DayChange = DayChanged['change'];

export const dayNotifications = {
  'day:changed': dayChangedSchema,
} as const;
