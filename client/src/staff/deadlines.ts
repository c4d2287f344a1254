/**
 * How the day view judges time: what is overdue, what is close, and which
 * requests came in at night (when nobody may have looked yet).
 */
import { localMinuteOfDay } from '@samplan/shared';

/** Night shift hours on a ward, Copenhagen time: 22:00 to 07:00. */
const NIGHT_FROM_MINUTE = 22 * 60;
const NIGHT_UNTIL_MINUTE = 7 * 60;
/** Under this much time left, a deadline is shown as close. */
export const CLOSE_MS = 4 * 3_600_000;

export type Urgency = 'overdue' | 'close' | 'ok';

export function urgencyOf(msLeft: number): Urgency {
  if (msLeft <= 0) return 'overdue';
  return msLeft <= CLOSE_MS ? 'close' : 'ok';
}

export function cameAtNight(iso: string): boolean {
  const minute = localMinuteOfDay(new Date(iso));
  return minute >= NIGHT_FROM_MINUTE || minute < NIGHT_UNTIL_MINUTE;
}

export function msUntil(iso: string, nowIso: string): number {
  return new Date(iso).getTime() - new Date(nowIso).getTime();
}
