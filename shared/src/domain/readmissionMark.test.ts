import { describe, expect, it } from 'vitest';
import { readmissionMarkOf } from './readmissionMark.ts';

const at = (iso: string) => new Date(iso);

describe('readmissionMarkOf', () => {
  const first = { id: 'a', admittedAt: at('2026-03-01T10:00:00Z'), dischargedAt: at('2026-03-05T10:00:00Z') };

  it.each([
    ['29 days after', '2026-04-03T10:00:00Z', true],
    ['exactly 30 calendar days after (summer time began between)', '2026-04-04T09:00:00Z', true],
    ['an hour past the window', '2026-04-04T10:00:00Z', false],
  ])('marks both episodes when the next admission is %s the discharge', (_, admitted, expected) => {
    const second = { id: 'b', admittedAt: at(admitted), dischargedAt: null };
    expect(readmissionMarkOf('b', [first, second])).toEqual({ isReadmission: expected, readmittedWithin30Days: false });
    expect(readmissionMarkOf('a', [first, second])).toEqual({ isReadmission: false, readmittedWithin30Days: expected });
  });

  it('marks nothing for a lone episode or one the list does not hold', () => {
    expect(readmissionMarkOf('a', [first])).toEqual({ isReadmission: false, readmittedWithin30Days: false });
    expect(readmissionMarkOf('x', [first])).toEqual({ isReadmission: false, readmittedWithin30Days: false });
  });

  it('marks the middle episode of three as both', () => {
    const second = { id: 'b', admittedAt: at('2026-03-10T10:00:00Z'), dischargedAt: at('2026-03-12T10:00:00Z') };
    const third = { id: 'c', admittedAt: at('2026-03-20T10:00:00Z'), dischargedAt: null };
    expect(readmissionMarkOf('b', [third, first, second])).toEqual({ isReadmission: true, readmittedWithin30Days: true });
  });
});
