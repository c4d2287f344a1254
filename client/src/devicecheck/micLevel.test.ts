import { describe, expect, it } from 'vitest';
import { HEARING_THRESHOLD, levelOf } from './micLevel.ts';

describe('levelOf', () => {
  it('is 0 for silence and for no samples', () => {
    expect(levelOf(new Uint8Array(256).fill(128))).toBe(0);
    expect(levelOf(new Uint8Array(0))).toBe(0);
  });

  it('counts quiet speech as heard and caps loud sound at 1', () => {
    const quiet = Uint8Array.from({ length: 256 }, (_, i) => 128 + (i % 2 === 0 ? 4 : -4));
    const loud = Uint8Array.from({ length: 256 }, (_, i) => (i % 2 === 0 ? 255 : 0));
    expect(levelOf(quiet)).toBeGreaterThan(HEARING_THRESHOLD);
    expect(levelOf(quiet)).toBeLessThan(1);
    expect(levelOf(loud)).toBe(1);
  });
});
