import { describe, expect, it } from 'vitest';
import { icsOf } from './icsFile.ts';

const event = {
  uid: '0193a2b4-0000-7000-8000-000000000001',
  start: '2026-11-24T10:00:00+01:00',
  minutes: 45,
  summary: 'Målsamtale, Karen Jensen',
  description: 'Video; join from Samplan.\nRing 78 42 00 00 ved problemer',
  url: 'http://127.0.0.1:3000/conferences/0193a2b4-0000-7000-8000-000000000001',
  stamp: '2026-11-23T08:00:00.000Z',
};

describe('calendar file', () => {
  it('holds one event in UTC, ending after the planned minutes', () => {
    const ics = icsOf(event);
    expect(ics).toContain('DTSTART:20261124T090000Z\r\n');
    expect(ics).toContain('DTEND:20261124T094500Z\r\n');
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });

  it('escapes text and folds long lines at 75 octets', () => {
    const lines = icsOf(event).split('\r\n');
    expect(lines.find((line) => line.startsWith('SUMMARY'))).toBe('SUMMARY:Målsamtale\\, Karen Jensen');
    expect(lines.find((line) => line.startsWith('DESCRIPTION'))).toBe('DESCRIPTION:Video\\; join from Samplan.\\nRing 78 42 00 00 ved problemer');
    for (const line of lines) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    const unfolded = icsOf(event).replace(/\r\n /g, '');
    expect(unfolded).toContain(`URL:${event.url}`);
  });
});
