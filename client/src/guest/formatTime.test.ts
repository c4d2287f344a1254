import { describe, expect, it } from 'vitest';
import { daysAndHours, formatDate, formatDateTime } from './formatTime.ts';

describe('formatTime', () => {
  it('writes Copenhagen wall-clock time, also across the summer-time change', () => {
    expect(formatDateTime('2026-10-25T00:30:00.000Z', 'da')).toBe('søndag 25. oktober kl. 02.30');
    expect(formatDateTime('2026-10-25T01:30:00.000Z', 'da')).toBe('søndag 25. oktober kl. 02.30');
    expect(formatDate('2026-03-28T23:30:00.000Z', 'en')).toBe('Sunday 29 March');
  });

  it('rounds the time left down to whole hours', () => {
    expect(daysAndHours(2 * 86_400_000 + 5 * 3_600_000 + 3_599_999)).toEqual({ days: 2, hours: 5 });
    expect(daysAndHours(-1)).toEqual({ days: 0, hours: 0 });
  });
});
