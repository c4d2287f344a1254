import { describe, expect, it } from 'vitest';
import { mayReadIndicators } from './indicatorAccess.ts';

describe('mayReadIndicators', () => {
  it.each([
    ['discharge_coordinator', false, true],
    ['visitator', false, true],
    ['doctor', false, true],
    ['nurse', false, false],
    ['home_nurse', false, false],
    ['therapist', false, false],
    ['gp', false, false],
    ['geriatrician', false, false],
    ['nurse', true, true],
    ['home_nurse', true, true],
    ['geriatrician', true, true],
  ])('%s, administrator %s → %s', (role, administrator, allowed) => {
    expect(mayReadIndicators({ role, administrator })).toBe(allowed);
  });
});
