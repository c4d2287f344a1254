import { describe, expect, it } from 'vitest';
import { adviceWindowFrom } from './adviceWindow.ts';

describe('adviceWindowFrom', () => {
  it('is unknown without a request that carries the window', () => {
    expect(adviceWindowFrom([])).toEqual({ state: 'unknown' });
    expect(adviceWindowFrom([{ windowClosesAt: null, msLeft: null }])).toEqual({ state: 'unknown' });
  });

  it('is open with time left, closed when none is left', () => {
    expect(adviceWindowFrom([{ windowClosesAt: '2026-03-12T10:00:00.000Z', msLeft: 3_600_000 }])).toEqual({ state: 'open', closesAt: '2026-03-12T10:00:00.000Z', msLeft: 3_600_000 });
    expect(adviceWindowFrom([{ windowClosesAt: '2026-03-12T10:00:00.000Z', msLeft: 0 }])).toEqual({ state: 'closed', closedAt: '2026-03-12T10:00:00.000Z' });
  });
});
