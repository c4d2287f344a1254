import { describe, expect, it } from 'vitest';
import { rejoinDelay } from './rejoinPolicy.ts';

const middle = () => 0.5;

describe('rejoinDelay', () => {
  it.each([
    { attempt: 0, expected: 250 },
    { attempt: 1, expected: 500 },
    { attempt: 2, expected: 1000 },
    { attempt: 3, expected: 2000 },
    { attempt: 16, expected: 2000 },
    { attempt: 17, expected: null },
  ])('after failed attempt $attempt waits $expected ms', ({ attempt, expected }) => {
    expect(rejoinDelay(attempt, 'MEDIA_REJECTED', middle)).toBe(expected);
  });

  it('jitters by at most a fifth either way', () => {
    expect(rejoinDelay(3, 'INTERNAL', () => 0)).toBe(1600);
    expect(rejoinDelay(3, 'INTERNAL', () => 0.999_999)).toBe(2400);
  });

  it.each(['UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND', 'BAD_REQUEST', 'DEVICE_DENIED'] as const)('gives up at once on %s', (code) => {
    expect(rejoinDelay(0, code, middle)).toBeNull();
  });
});
