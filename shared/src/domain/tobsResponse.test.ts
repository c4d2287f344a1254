import { describe, expect, it } from 'vitest';
import { DEFAULT_TOBS_RESPONSES, tobsResponse, tobsResponseTableSchema, type TobsResponseTable } from './tobsResponse.ts';

describe('the card’s default responses', () => {
  it.each([
    [0, 'repeat_at_discretion'],
    [1, 'check_and_repeat'],
    [2, 'call_nurse'],
    [3, 'call_nurse'],
    [15, 'call_nurse'],
  ])('score %i → %s', (total, code) => {
    expect(tobsResponse(total).code).toBe(code);
  });

  it('says each response in Danish and English', () => {
    expect(tobsResponse(1).text).toEqual({
      da: 'Tjek urin, blodsukker, væskeindtag og medicin, og overvej at kontakte egen læge. Gentag målingen 3 gange det næste døgn.',
      en: 'Check urine, blood sugar, fluid intake and medication, and consider calling the GP. Repeat the measurement 3 times over the next day.',
    });
  });

  it('is itself a valid table', () => {
    expect(tobsResponseTableSchema.parse(DEFAULT_TOBS_RESPONSES)).toEqual(DEFAULT_TOBS_RESPONSES);
  });

  it.each([-1, 16, 2.5, Number.NaN])('refuses a total of %d', (total) => {
    expect(() => tobsResponse(total)).toThrow(RangeError);
  });
});

describe('an organisation’s own table', () => {
  const band = (fromScore: number, code: string) => ({ fromScore, code, text: { da: `dk ${code}`, en: `en ${code}` } });
  const withDoctor: TobsResponseTable = [band(0, 'repeat'), band(1, 'check'), band(2, 'nurse'), band(5, 'doctor_now')];

  it.each([
    [0, 'repeat'],
    [1, 'check'],
    [4, 'nurse'],
    [5, 'doctor_now'],
    [15, 'doctor_now'],
  ])('score %i → %s', (total, code) => {
    expect(tobsResponse(total, tobsResponseTableSchema.parse(withDoctor)).code).toBe(code);
  });

  it.each([
    ['empty', [], 'the first band starts at score 0, so every score has a response'],
    ['no band from 0', [band(1, 'check')], 'the first band starts at score 0, so every score has a response'],
    ['out of order', [band(0, 'repeat'), band(3, 'nurse'), band(2, 'check')], 'bands are in rising order of fromScore, no two alike'],
    ['two bands from the same score', [band(0, 'repeat'), band(2, 'nurse'), band(2, 'check')], 'bands are in rising order of fromScore, no two alike'],
    ['the same code twice', [band(0, 'repeat'), band(2, 'repeat')], 'each band has its own code'],
  ])('refuses %s', (_name, table, message) => {
    const result = tobsResponseTableSchema.safeParse(table);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([message]);
  });

  it.each([
    ['a band past 15', [band(0, 'repeat'), band(16, 'never')], '1.fromScore'],
    ['a blank Danish text', [{ fromScore: 0, code: 'repeat', text: { da: ' ', en: 'Repeat' } }], '0.text.da'],
    ['a code that is not lower_snake_case', [band(0, 'Repeat now')], '0.code'],
  ])('refuses %s, naming where', (_name, table, path) => {
    const result = tobsResponseTableSchema.safeParse(table);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toContain(path);
  });
});
