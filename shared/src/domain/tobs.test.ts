import { describe, expect, it } from 'vitest';
import { scoreTobs, tobsMeasurementSchema, type TobsMeasurement } from './tobs.ts';

/** Scores 0 on every parameter, so each table below sees only the value it varies. */
const calm: TobsMeasurement = {
  pulsePerMinute: 70,
  respirationPerMinute: 16,
  temperatureCelsius: 37,
  temperatureSite: 'rectal',
  systolicMmHg: 130,
  consciousness: 'habitual',
};

const score = (change: Partial<TobsMeasurement>) => scoreTobs(tobsMeasurementSchema.parse({ ...calm, ...change }));

describe('pulse /min — card: < 39 (2), 40–49 (1), 50–89 (0), 90–109 (1), 110–129 (2), > 130 (3)', () => {
  it.each([
    [20, 2],
    [38, 2],
    [39, 2], // gap between "< 39" and "40–49": the more extreme band
    [40, 1],
    [49, 1],
    [50, 0],
    [89, 0],
    [90, 1],
    [109, 1],
    [110, 2],
    [129, 2],
    [130, 3], // gap between "110–129" and "> 130": the more extreme band
    [131, 3],
    [250, 3],
  ])('pulse %i gives %i', (pulsePerMinute, points) => {
    const result = score({ pulsePerMinute });
    expect(result.points.pulse).toBe(points);
    expect(result.total).toBe(points);
  });
});

describe('respiration /min — card: < 8 (3), 9–11 (1), 12–20 (0), 21–24 (2), > 25 (3)', () => {
  it.each([
    [4, 3],
    [7, 3],
    [8, 3], // gap between "< 8" and "9–11"
    [9, 1],
    [11, 1],
    [12, 0],
    [20, 0],
    [21, 2],
    [24, 2],
    [25, 3], // gap between "21–24" and "> 25"
    [26, 3],
    [70, 3],
  ])('respiration %i gives %i', (respirationPerMinute, points) => {
    const result = score({ respirationPerMinute });
    expect(result.points.respiration).toBe(points);
    expect(result.total).toBe(points);
  });
});

describe('rectal temperature °C — card: < 33.9 (3), 34–35.9 (2), 36–37.9 (0), 38–38.9 (1), 39–39.9 (2), > 40 (3)', () => {
  it.each([
    [25, 3],
    [33.8, 3],
    [33.9, 3], // gap between "< 33.9" and "34–35.9"
    [34, 2],
    [35.9, 2],
    [36, 0],
    [37.9, 0],
    [38, 1],
    [38.9, 1],
    [39, 2],
    [39.9, 2],
    [40, 3], // gap between "39–39.9" and "> 40"
    [40.1, 3],
    [45, 3],
  ])('%d °C gives %i', (temperatureCelsius, points) => {
    const result = score({ temperatureCelsius });
    expect(result.points.temperature).toBe(points);
    expect(result.total).toBe(points);
    expect(result.rectalBasisCelsius).toBe(temperatureCelsius);
    expect(result.measureRectally).toBe(false);
  });
});

describe('systolic blood pressure mmHg — card: < 69 (3), 70–79 (2), 80–99 (1), 100–199 (0), > 200 (2)', () => {
  it.each([
    [40, 3],
    [68, 3],
    [69, 3], // gap between "< 69" and "70–79"
    [70, 2],
    [79, 2],
    [80, 1],
    [99, 1],
    [100, 0],
    [199, 0],
    [200, 2], // gap between "100–199" and "> 200"
    [201, 2],
    [300, 2],
  ])('systolic %i gives %i', (systolicMmHg, points) => {
    const result = score({ systolicMmHg });
    expect(result.points.systolic).toBe(points);
    expect(result.total).toBe(points);
  });
});

describe('consciousness — card: habitual 0, agitated 1, voice 1, pain 2, no response 3', () => {
  it.each([
    ['habitual', 0],
    ['agitated', 1],
    ['responds_to_voice', 1],
    ['responds_to_pain', 2],
    ['unresponsive', 3],
  ] as const)('%s gives %i', (consciousness, points) => {
    const result = score({ consciousness });
    expect(result.points.consciousness).toBe(points);
    expect(result.total).toBe(points);
  });
});

describe('temperature site: oral + 0.5 °C, armpit + 1 °C to the rectal basis', () => {
  it.each([
    ['rectal', 37.9, 37.9, 0, false],
    ['oral', 37.4, 37.9, 0, false],
    ['oral', 37.5, 38, 1, false],
    ['oral', 36, 36.5, 0, false],
    ['oral', 39.4, 39.9, 2, false],
    ['oral', 39.5, 40, 3, false],
    ['axillary', 36.9, 37.9, 0, false],
    ['axillary', 37, 38, 1, false],
    ['axillary', 38.9, 39.9, 2, false],
    ['axillary', 39, 40, 3, false],
    ['axillary', 40, 41, 3, false],
    // Outside 36–40 as read, the card asks for a rectal measurement; the corrected reading is still scored.
    ['oral', 35.9, 36.4, 0, true],
    ['oral', 35.4, 35.9, 2, true],
    ['axillary', 35.9, 36.9, 0, true],
    ['axillary', 32.9, 33.9, 3, true],
    ['axillary', 40.1, 41.1, 3, true],
    ['oral', 40.1, 40.6, 3, true],
    ['rectal', 35.9, 35.9, 2, false],
    ['rectal', 40.1, 40.1, 3, false],
  ] as const)('%s %d °C reads as rectal %d °C: %i points, measure rectally: %s', (temperatureSite, temperatureCelsius, rectal, points, measureRectally) => {
    const result = score({ temperatureSite, temperatureCelsius });
    expect(result.rectalBasisCelsius).toBe(rectal);
    expect(result.points.temperature).toBe(points);
    expect(result.measureRectally).toBe(measureRectally);
  });
});

describe('total: the sum of the five, 0–15', () => {
  it.each([
    ['all calm', {}, 0],
    [
      'a little of everything',
      { pulsePerMinute: 112, respirationPerMinute: 22, temperatureCelsius: 37.6, temperatureSite: 'axillary', systolicMmHg: 95, consciousness: 'responds_to_voice' },
      2 + 2 + 1 + 1 + 1,
    ],
    [
      'the worst the card knows',
      { pulsePerMinute: 135, respirationPerMinute: 30, temperatureCelsius: 33, systolicMmHg: 60, consciousness: 'unresponsive' },
      15,
    ],
    ['SpO₂ is recorded, never scored', { spo2Percent: 82 }, 0],
  ] as const)('%s: %i', (_name, change, total) => {
    expect(score(change).total).toBe(total);
  });

  it('keeps SpO₂ on the parsed measurement', () => {
    expect(tobsMeasurementSchema.parse({ ...calm, spo2Percent: 94 }).spo2Percent).toBe(94);
    expect(tobsMeasurementSchema.parse(calm)).not.toHaveProperty('spo2Percent');
  });
});

describe('tobsMeasurementSchema refuses what cannot be a reading, naming the field', () => {
  it.each([
    ['pulse 700 (typing error)', { pulsePerMinute: 700 }, 'pulsePerMinute', 'pulse must be 20–250 beats/min'],
    ['pulse 19', { pulsePerMinute: 19 }, 'pulsePerMinute', 'pulse must be 20–250 beats/min'],
    ['pulse 72.5', { pulsePerMinute: 72.5 }, 'pulsePerMinute', 'pulse is a whole number of beats/min'],
    ['pulse as text', { pulsePerMinute: '72' }, 'pulsePerMinute', 'pulse must be a number (beats/min)'],
    ['pulse missing', { pulsePerMinute: undefined }, 'pulsePerMinute', 'pulse must be a number (beats/min)'],
    ['respiration 160', { respirationPerMinute: 160 }, 'respirationPerMinute', 'respiration must be 4–70 breaths/min'],
    ['respiration 3', { respirationPerMinute: 3 }, 'respirationPerMinute', 'respiration must be 4–70 breaths/min'],
    ['temperature 378 (comma lost)', { temperatureCelsius: 378 }, 'temperatureCelsius', 'temperature must be 25–45 °C'],
    ['temperature in Fahrenheit', { temperatureCelsius: 99.5 }, 'temperatureCelsius', 'temperature must be 25–45 °C'],
    ['temperature 24.9', { temperatureCelsius: 24.9 }, 'temperatureCelsius', 'temperature must be 25–45 °C'],
    ['temperature 37.85', { temperatureCelsius: 37.85 }, 'temperatureCelsius', 'temperature is read to one decimal, e.g. 37.8 °C'],
    ['temperature NaN', { temperatureCelsius: Number.NaN }, 'temperatureCelsius', 'temperature must be a number (°C)'],
    ['ear: the notes give no correction', { temperatureSite: 'ear' }, 'temperatureSite', 'temperature site must be one of rectal, oral, axillary'],
    ['systolic 1200', { systolicMmHg: 1200 }, 'systolicMmHg', 'systolic blood pressure must be 40–300 mmHg'],
    ['systolic 39', { systolicMmHg: 39 }, 'systolicMmHg', 'systolic blood pressure must be 40–300 mmHg'],
    [
      'consciousness not on the card',
      { consciousness: 'sleepy' },
      'consciousness',
      'consciousness must be one of habitual, agitated, responds_to_voice, responds_to_pain, unresponsive',
    ],
    ['SpO₂ 101', { spo2Percent: 101 }, 'spo2Percent', 'SpO₂ must be 50–100 %'],
    ['SpO₂ 9 (digit lost)', { spo2Percent: 9 }, 'spo2Percent', 'SpO₂ must be 50–100 %'],
  ])('%s', (_name, change, path, message) => {
    const result = tobsMeasurementSchema.safeParse({ ...calm, ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }))).toEqual([{ path, message }]);
  });

  it.each([
    ['lowest bounds', { pulsePerMinute: 20, respirationPerMinute: 4, temperatureCelsius: 25, systolicMmHg: 40, spo2Percent: 50 }],
    ['highest bounds', { pulsePerMinute: 250, respirationPerMinute: 70, temperatureCelsius: 45, systolicMmHg: 300, spo2Percent: 100 }],
  ])('accepts the %s', (_name, change) => {
    expect(tobsMeasurementSchema.safeParse({ ...calm, ...change }).success).toBe(true);
  });
});
