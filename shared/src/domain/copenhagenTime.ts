import { DateTime } from 'luxon';

/**
 * Every clock in the care pathway runs on Danish wall-clock time: a nurse who
 * hears "seven days" after a 14:00 discharge expects 14:00 a week later, also
 * when summer time began in between. Instants are plain `Date`s; this module
 * is the one place that knows about the zone.
 */
export const COPENHAGEN_ZONE = 'Europe/Copenhagen';

function local(instant: Date): DateTime {
  const time = DateTime.fromJSDate(instant, { zone: COPENHAGEN_ZONE });
  if (!time.isValid) throw new RangeError(`not a valid instant: ${String(instant)}`);
  return time;
}

/**
 * The same Copenhagen wall-clock time `days` calendar days later. Across a DST
 * change this is 23 h or 25 h more than `days` × 24 h. A time that does not
 * exist on the target day (02:30 on the last Sunday of March) moves one hour
 * forward; one that exists twice (02:30 on the last Sunday of October) is its
 * first occurrence.
 */
export function addCalendarDays(instant: Date, days: number): Date {
  return local(instant).plus({ days }).toJSDate();
}

/** Elapsed time: "within 24 hours" is a duration, whatever the wall clock does. */
export function addHours(instant: Date, hours: number): Date {
  return new Date(instant.getTime() + hours * 3_600_000);
}

/**
 * The instant at a Copenhagen wall-clock time on the calendar day `dayOffset`
 * days after the day of `instant` (0 = the same day).
 */
export function atLocalTime(instant: Date, dayOffset: number, hour: number, minute = 0): Date {
  return local(instant).plus({ days: dayOffset }).set({ hour, minute, second: 0, millisecond: 0 }).toJSDate();
}

/** Copenhagen midnight starting the calendar day `dayOffset` days after the day of `instant`. */
export function startOfLocalDay(instant: Date, dayOffset = 0): Date {
  return local(instant).plus({ days: dayOffset }).startOf('day').toJSDate();
}

/** Minutes since Copenhagen midnight, for "before 12:00"-style rules. */
export function localMinuteOfDay(instant: Date): number {
  const time = local(instant);
  return time.hour * 60 + time.minute;
}

/** Copenhagen midnight starting a calendar date ("2026-03-29"). */
export function startOfLocalDate(isoDate: string): Date {
  const time = DateTime.fromISO(isoDate, { zone: COPENHAGEN_ZONE });
  if (!time.isValid || !/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) throw new RangeError(`not a calendar date: ${isoDate}`);
  return time.startOf('day').toJSDate();
}
