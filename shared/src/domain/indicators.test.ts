import { describe, expect, it } from 'vitest';
import { type DischargeOutcome, indicatorPeriod, medianDuration, publishedCount, publishedMedian, publishedShare, rate, ratePercent, readmissionRatesByConference } from './indicators.ts';

const at = (iso: string) => new Date(iso);
const HOUR = 3_600_000;

describe('rate', () => {
  it.each([
    [5, 63, 5 / 63],
    [0, 10, 0],
    [10, 10, 1],
    [0, 0, null],
  ])('%i of %i', (numerator, denominator, value) => {
    expect(rate(numerator, denominator)).toEqual({ numerator, denominator, value });
  });

  it.each([
    [6, 5],
    [-1, 5],
    [1, -5],
    [1.5, 5],
    [Number.NaN, 5],
    [1, Number.POSITIVE_INFINITY],
  ])('refuses %d of %d', (numerator, denominator) => {
    expect(() => rate(numerator, denominator)).toThrow(RangeError);
  });
});

describe('ratePercent', () => {
  it.each([
    // The Vestklyngen figure from the sources: 63 conferences, 5 readmitted.
    [5, 63, 1, 7.9],
    [17, 100, 1, 17],
    [2, 3, 1, 66.7],
    [1, 3, 1, 33.3],
    [1, 8, 1, 12.5],
    [1, 8, 0, 13],
    [1, 16, 1, 6.3],
    [3, 16, 1, 18.8],
    [1, 40, 1, 2.5],
    [1, 40, 0, 3],
    [1, 200, 1, 0.5],
    [1, 2000, 1, 0.1],
    [1, 2001, 1, 0],
    [5, 63, 2, 7.94],
    [0, 7, 1, 0],
    [7, 7, 1, 100],
  ])('%i of %i to %i decimals is %d %', (numerator, denominator, decimals, percent) => {
    expect(ratePercent(rate(numerator, denominator), decimals)).toBe(percent);
  });

  it('one decimal unless told otherwise', () => {
    expect(ratePercent(rate(1, 3))).toBe(33.3);
  });

  it('no denominator, no percentage', () => {
    expect(ratePercent(rate(0, 0))).toBeNull();
  });

  it.each([-1, 1.5, 7])('refuses %d decimals', (decimals) => {
    expect(() => ratePercent(rate(1, 3), decimals)).toThrow(RangeError);
  });
});

describe('medianDuration', () => {
  it.each([
    ['none', [], null],
    ['one', [5 * HOUR], 5 * HOUR],
    ['odd count, unsorted', [30 * HOUR, 2 * HOUR, 20 * HOUR], 20 * HOUR],
    ['even count: the mean of the two middle ones', [4 * HOUR, 1 * HOUR, 3 * HOUR, 2 * HOUR], 2.5 * HOUR],
    ['ties', [6, 6, 1, 9], 6],
    ['a zero duration counts', [0, 0, 10], 0],
  ])('%s', (_name, durations, median) => {
    expect(medianDuration(durations)).toBe(median);
  });

  it('leaves the caller’s list as it was', () => {
    const durations = [3, 1, 2];
    medianDuration(durations);
    expect(durations).toEqual([3, 1, 2]);
  });

  it.each([[[1, -1]], [[Number.NaN]], [[Number.POSITIVE_INFINITY, 1]]])('refuses %j', (durations) => {
    expect(() => medianDuration(durations)).toThrow(RangeError);
  });
});

describe('readmissionRatesByConference', () => {
  const discharge = (dischargedAt: string, hadVideoDischargeConference: boolean, readmittedWithin30Days: boolean): DischargeOutcome => ({
    dischargedAt: at(dischargedAt),
    hadVideoDischargeConference,
    readmittedWithin30Days,
  });
  const many = (count: number, row: DischargeOutcome) => Array.from({ length: count }, () => row);
  const asOf = at('2026-12-01T12:00:00+01:00');

  it('Vestklyngen: 63 conference discharges, 5 readmitted → 7.9 %; 100 others, 17 readmitted → 17 %', () => {
    const rows = [
      ...many(5, discharge('2026-03-02T11:00:00+01:00', true, true)),
      ...many(58, discharge('2026-03-02T11:00:00+01:00', true, false)),
      ...many(17, discharge('2026-05-14T10:00:00+02:00', false, true)),
      ...many(83, discharge('2026-05-14T10:00:00+02:00', false, false)),
    ];
    const rates = readmissionRatesByConference(rows, asOf);
    expect(rates.withConference).toEqual({ numerator: 5, denominator: 63, value: 5 / 63 });
    expect(rates.withoutConference).toEqual({ numerator: 17, denominator: 100, value: 0.17 });
    expect(rates.windowStillOpen).toBe(0);
    expect(ratePercent(rates.withConference)).toBe(7.9);
    expect(ratePercent(rates.withoutConference)).toBe(17);
  });

  it('leaves out discharges whose 30 days have not passed, readmitted or not', () => {
    const rows = [
      discharge('2026-10-01T10:00:00+02:00', true, true),
      discharge('2026-10-01T10:00:00+02:00', true, false),
      // Window closes 2026-12-01 12:00 Copenhagen time: still open at that instant.
      discharge('2026-11-01T12:00:00+01:00', true, false),
      discharge('2026-11-20T09:00:00+01:00', false, true),
      discharge('2026-11-25T09:00:00+01:00', false, false),
    ];
    expect(readmissionRatesByConference(rows, asOf)).toEqual({
      withConference: { numerator: 1, denominator: 2, value: 0.5 },
      withoutConference: { numerator: 0, denominator: 0, value: null },
      windowStillOpen: 3,
    });
  });

  it('a discharge counts once its window closed a millisecond ago', () => {
    const rows = [discharge('2026-11-01T12:00:00+01:00', false, false)];
    expect(readmissionRatesByConference(rows, at('2026-12-01T12:00:00.001+01:00')).withoutConference).toEqual({ numerator: 0, denominator: 1, value: 0 });
  });

  it('no discharges at all', () => {
    expect(readmissionRatesByConference([], asOf)).toEqual({
      withConference: { numerator: 0, denominator: 0, value: null },
      withoutConference: { numerator: 0, denominator: 0, value: null },
      windowStillOpen: 0,
    });
  });
});

describe('indicatorPeriod', () => {
  it('Copenhagen midnights, the end excluded', () => {
    expect(indicatorPeriod('2026-01-01', '2027-01-01')).toEqual({ start: at('2025-12-31T23:00:00Z'), end: at('2026-12-31T23:00:00Z') });
  });

  it('a day with summer time starting is 23 hours', () => {
    const { start, end } = indicatorPeriod('2026-03-29', '2026-03-30');
    expect(start).toEqual(at('2026-03-28T23:00:00Z'));
    expect(end.getTime() - start.getTime()).toBe(23 * HOUR);
  });

  it.each([
    ['2026-02-01', '2026-02-01'],
    ['2026-02-02', '2026-02-01'],
    ['2026-02-30', '2026-03-01'],
    ['2026-2-1', '2026-03-01'],
    ['2026-02-01T00:00', '2026-03-01'],
  ])('refuses %s..%s', (from, to) => {
    expect(() => indicatorPeriod(from, to)).toThrow(RangeError);
  });
});

describe('small cells', () => {
  it.each([
    [0, { value: 0 }],
    [1, { fewerThan: 5 }],
    [4, { fewerThan: 5 }],
    [5, { value: 5 }],
    [63, { value: 63 }],
  ])('a count of %i is published as %j', (count, published) => {
    expect(publishedCount(count)).toEqual(published);
  });

  it.each([
    [0, 0, { numerator: { value: 0 }, denominator: { value: 0 }, percent: null }],
    [0, 4, { numerator: { fewerThan: 5 }, denominator: { fewerThan: 5 }, percent: null }],
    [1, 1, { numerator: { fewerThan: 5 }, denominator: { fewerThan: 5 }, percent: null }],
    [0, 5, { numerator: { value: 0 }, denominator: { value: 5 }, percent: 0 }],
    [1, 5, { numerator: { value: 1 }, denominator: { value: 5 }, percent: 20 }],
    [5, 63, { numerator: { value: 5 }, denominator: { value: 63 }, percent: 7.9 }],
  ])('%i of %i is published as %j', (numerator, denominator, published) => {
    expect(publishedShare(rate(numerator, denominator))).toEqual(published);
  });

  it('a median of fewer than five answers is withheld', () => {
    expect(publishedMedian(3 * HOUR, 4)).toBeNull();
    expect(publishedMedian(3 * HOUR, 5)).toBe(3 * HOUR);
    expect(publishedMedian(null, 0)).toBeNull();
  });
});
