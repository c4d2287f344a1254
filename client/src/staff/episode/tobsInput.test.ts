import { describe, expect, it } from 'vitest';
import { EMPTY_TOBS_DRAFT, readTobs } from './tobsInput.ts';

const filled = { ...EMPTY_TOBS_DRAFT, pulsePerMinute: '112', respirationPerMinute: '22', temperatureCelsius: '37,9', temperatureSite: 'oral' as const, systolicMmHg: '95', consciousness: 'agitated' as const };

describe('readTobs', () => {
  it('scores a complete reading with the card’s response, a comma read as the decimal point', () => {
    const reading = readTobs(filled);
    expect(reading).toMatchObject({ state: 'scored', score: { total: 7, rectalBasisCelsius: 38.4 }, response: { code: 'call_nurse' } });
  });

  it('waits for the five values; SpO₂ may stay empty', () => {
    expect(readTobs({ ...filled, systolicMmHg: '' })).toEqual({ state: 'incomplete', invalid: [] });
    expect(readTobs({ ...filled, spo2Percent: '' }).state).toBe('scored');
  });

  it('names the typed fields that are out of range, not the empty ones', () => {
    expect(readTobs({ ...filled, pulsePerMinute: '700', systolicMmHg: '' })).toEqual({ state: 'incomplete', invalid: ['pulsePerMinute'] });
    expect(readTobs({ ...filled, spo2Percent: '101', temperatureCelsius: 'abc' })).toEqual({ state: 'invalid', invalid: ['temperatureCelsius', 'spo2Percent'] });
  });
});
