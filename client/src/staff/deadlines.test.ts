import { describe, expect, it } from 'vitest';
import { CLOSE_MS, cameAtNight, msUntil, urgencyOf } from './deadlines.ts';

describe('deadlines', () => {
  it('calls a deadline overdue from the moment it passes, close within four hours', () => {
    expect(urgencyOf(0)).toBe('overdue');
    expect(urgencyOf(-1)).toBe('overdue');
    expect(urgencyOf(CLOSE_MS)).toBe('close');
    expect(urgencyOf(CLOSE_MS + 1)).toBe('ok');
  });

  it('counts 22:00–07:00 Copenhagen time as night, in winter and summer', () => {
    expect(cameAtNight('2026-11-23T21:00:00Z')).toBe(true); // 22:00
    expect(cameAtNight('2026-11-24T05:59:00Z')).toBe(true); // 06:59
    expect(cameAtNight('2026-11-24T06:00:00Z')).toBe(false); // 07:00
    expect(cameAtNight('2026-07-01T20:30:00Z')).toBe(true); // 22:30 summer time
    expect(cameAtNight('2026-07-01T19:30:00Z')).toBe(false); // 21:30
  });

  it('measures time left against the server’s now, not the browser’s', () => {
    expect(msUntil('2026-11-24T10:00:00Z', '2026-11-24T09:00:00Z')).toBe(3_600_000);
  });
});
