/**
 * A calendar file (RFC 5545) with one event, times in UTC so every calendar
 * places it right. PUBLISH for a file staff download themselves; REQUEST and
 * CANCEL (RFC 5546, with ORGANIZER and ATTENDEE) for the files Samplan
 * e-mails, so a calendar replaces the event when the conference moves (same
 * UID, higher SEQUENCE) and takes it out when it is cancelled.
 */
export interface CalendarEvent {
  readonly uid: string;
  readonly start: string;
  readonly minutes: number;
  readonly summary: string;
  readonly description: string;
  readonly url: string;
  /** When the file is made (DTSTAMP). */
  readonly stamp: string;
  readonly method?: 'PUBLISH' | 'REQUEST' | 'CANCEL';
  /** Raised each time the event moves. */
  readonly sequence?: number;
  /** Required by REQUEST and CANCEL: who sends, and to whom. */
  readonly organizer?: string;
  readonly attendee?: string;
}

function utc(iso: string): string {
  return new Date(iso).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** Commas, semicolons, backslashes and newlines are escaped in TEXT values. */
function text(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Lines longer than 75 octets are folded with CRLF + space. */
function fold(line: string): string {
  const bytes = new TextEncoder().encode(line);
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let size = 0;
  for (const char of line) {
    const length = new TextEncoder().encode(char).length;
    if (size + length > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = '';
      size = 0;
    }
    current += char;
    size += length;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

export function icsOf(event: CalendarEvent): string {
  const end = new Date(new Date(event.start).getTime() + event.minutes * 60_000).toISOString();
  const method = event.method ?? 'PUBLISH';
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Samplan//Samplan//DA',
    'CALSCALE:GREGORIAN',
    `METHOD:${method}`,
    'BEGIN:VEVENT',
    `UID:${event.uid}@samplan`,
    `SEQUENCE:${event.sequence ?? 0}`,
    `DTSTAMP:${utc(event.stamp)}`,
    `DTSTART:${utc(event.start)}`,
    `DTEND:${utc(end)}`,
    `SUMMARY:${text(event.summary)}`,
    `DESCRIPTION:${text(event.description)}`,
    `URL:${event.url}`,
    ...(event.organizer === undefined ? [] : [`ORGANIZER:mailto:${event.organizer}`]),
    ...(event.attendee === undefined ? [] : [`ATTENDEE;RSVP=FALSE:mailto:${event.attendee}`]),
    `STATUS:${method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED'}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ]
    .map(fold)
    .join('\r\n')
    .concat('\r\n');
}
