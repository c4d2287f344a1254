import { describe, expect, it } from 'vitest';
import { knownAdviceWindow } from './adviceWindow.ts';

describe('knownAdviceWindow', () => {
  it('has no time left to show before discharge', () => {
    expect(knownAdviceWindow({ state: 'not_open' })).toEqual({ state: 'unknown' });
  });

  it('is open with the time left, closed with when it closed', () => {
    const opensAt = '2026-03-05T10:00:00.000Z';
    expect(knownAdviceWindow({ state: 'open', opensAt, closesAt: '2026-03-12T10:00:00.000Z', msLeft: 3_600_000 })).toEqual({
      state: 'open',
      closesAt: '2026-03-12T10:00:00.000Z',
      msLeft: 3_600_000,
    });
    expect(knownAdviceWindow({ state: 'closed', opensAt, closedAt: '2026-03-12T10:00:00.000Z' })).toEqual({ state: 'closed', closedAt: '2026-03-12T10:00:00.000Z' });
  });
});
