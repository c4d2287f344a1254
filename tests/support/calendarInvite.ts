import ICAL from 'ical.js';

/** A calendar file as a calendar program reads it (parsed by ical.js, which throws on a malformed file). */
export interface CalendarInvite {
  readonly method: string;
  readonly uid: string;
  readonly start: Date;
  readonly end: Date;
  readonly sequence: number;
  readonly status: string;
  readonly summary: string;
  readonly url: string;
}

export function readCalendarInvite(content: string): CalendarInvite {
  const calendar = new ICAL.Component(ICAL.parse(content));
  const vevent = calendar.getFirstSubcomponent('vevent');
  if (vevent === null) throw new Error('the calendar file has no event');
  const event = new ICAL.Event(vevent);
  return {
    method: String(calendar.getFirstPropertyValue('method')),
    uid: event.uid,
    start: event.startDate.toJSDate(),
    end: event.endDate.toJSDate(),
    sequence: event.sequence,
    status: String(vevent.getFirstPropertyValue('status')),
    summary: event.summary,
    url: String(vevent.getFirstPropertyValue('url')),
  };
}
