import { describe, expect, it } from 'vitest';
import { clockOf, formatDuration, formatTime, fromLocalInputValue, minuteOfClock, toLocalInputValue } from './format.ts';

describe('format', () => {
  it('shows Copenhagen time whatever the instant is written in', () => {
    expect(formatTime('2026-11-24T09:05:00Z', 'da')).toBe('10.05');
    expect(formatTime('2026-07-01T09:05:00Z', 'en')).toBe('11:05');
  });

  it('writes durations as days and hours, or hours and minutes', () => {
    expect(formatDuration((2 * 24 + 3) * 3_600_000 + 59_000, 'da')).toBe('2 d 3 t');
    expect(formatDuration(90 * 60_000, 'en')).toBe('1 h 30 min');
    expect(formatDuration(-45 * 60_000, 'en')).toBe('45 min');
  });

  it('round-trips datetime-local values across the spring DST change', () => {
    expect(toLocalInputValue('2026-03-29T00:30:00Z')).toBe('2026-03-29T01:30');
    expect(fromLocalInputValue('2026-03-29T03:30')).toBe('2026-03-29T01:30:00.000Z');
    expect(fromLocalInputValue('2026-11-24T10:00')).toBe('2026-11-24T09:00:00.000Z');
    expect(fromLocalInputValue('tomorrow')).toBeNull();
  });
});

describe('clockOf and minuteOfClock', () => {
  it('write minutes since midnight as a time input shows them, and read them back', () => {
    expect(clockOf(0)).toBe('00:00');
    expect(clockOf(22 * 60 + 5)).toBe('22:05');
    expect(minuteOfClock('06:30')).toBe(390);
    for (const minute of [0, 59, 480, 1380, 1439]) expect(minuteOfClock(clockOf(minute))).toBe(minute);
  });
});
