/**
 * Dates and durations as staff read them: always Copenhagen wall-clock time
 * (the pathway's clocks are defined there, wherever the browser is), in the
 * page's language.
 */

// Not shared's COPENHAGEN_ZONE: that module also holds the luxon arithmetic, and
// importing it would make every page (the patient's join page too) load luxon.
const COPENHAGEN_ZONE = 'Europe/Copenhagen';

const LOCALES: Record<string, string> = { da: 'da-DK', en: 'en-GB' };

function localeOf(language: string): string {
  return LOCALES[language] ?? 'da-DK';
}

export function formatDateTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(localeOf(language), {
    timeZone: COPENHAGEN_ZONE,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

export function formatTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(localeOf(language), { timeZone: COPENHAGEN_ZONE, hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

export function formatDate(iso: string, language: string): string {
  return new Intl.DateTimeFormat(localeOf(language), { timeZone: COPENHAGEN_ZONE, day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(iso));
}

/** The parts of a duration a person cares about: days and hours, or hours and minutes when under a day. */
export function durationParts(ms: number): { days: number; hours: number; minutes: number } {
  const minutesTotal = Math.floor(Math.abs(ms) / 60_000);
  return { days: Math.floor(minutesTotal / 1440), hours: Math.floor((minutesTotal % 1440) / 60), minutes: minutesTotal % 60 };
}

/**
 * "2 d 3 t" / "45 min": short enough for a list row on a phone. Negative
 * durations read the same; the caller says "overdue" in words.
 */
export function formatDuration(ms: number, language: string): string {
  const { days, hours, minutes } = durationParts(ms);
  const [d, h] = language === 'en' ? ['d', 'h'] : ['d', 't'];
  if (days > 0) return `${days} ${d} ${hours} ${h}`;
  if (hours > 0) return `${hours} ${h} ${minutes} min`;
  return `${minutes} min`;
}

/** A local date and time for <input type="datetime-local">, in Copenhagen time. */
export function toLocalInputValue(iso: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: COPENHAGEN_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '00';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}

/** Back from the input: the Copenhagen wall-clock time as an ISO instant (DST-correct by probing the zone's offset). */
export function fromLocalInputValue(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  // The zone's offset at that moment, found by reading the guess back; twice settles a DST edge.
  let guess = asUtc;
  for (let i = 0; i < 2; i++) {
    const shown = toLocalInputValue(new Date(guess).toISOString());
    const [y, mo, d, h, mi] = shown.split(/[-T:]/).map(Number) as [number, number, number, number, number];
    guess += asUtc - Date.UTC(y, mo - 1, d, h, mi);
  }
  return new Date(guess).toISOString();
}

/** "08:00" from minutes since midnight, as a time input shows it. */
export function clockOf(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

/** Minutes since midnight from a time input's "HH:MM". */
export function minuteOfClock(value: string): number {
  const [hours, minutes] = value.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}
