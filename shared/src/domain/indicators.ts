import { startOfLocalDate } from './copenhagenTime.ts';
import { isReadmissionWindowClosed } from './readmission.ts';

/**
 * Arithmetic the indicator page and its CSV export share, so a figure on the
 * screen and the same figure in the spreadsheet can never differ.
 */

export interface Rate {
  readonly numerator: number;
  readonly denominator: number;
  /** numerator / denominator; null when there is nothing to divide by, so "no discharges" never reads as 0 %. */
  readonly value: number | null;
}

function assertCount(what: string, count: number): void {
  if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`${what} is a count, not ${count}`);
}

export function rate(numerator: number, denominator: number): Rate {
  assertCount('numerator', numerator);
  assertCount('denominator', denominator);
  if (numerator > denominator) throw new RangeError(`a rate of ${numerator} out of ${denominator} is not a share`);
  return { numerator, denominator, value: denominator === 0 ? null : numerator / denominator };
}

/**
 * The rate as a percentage with `decimals` decimals, halves rounded up
 * (1 of 8 → 12.5 %, to whole percent 13 %). Computed from the two counts, not
 * from the rounded fraction, so a half is never lost to binary floating point.
 */
export function ratePercent(share: Rate, decimals = 1): number | null {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 6) throw new RangeError(`decimals is 0–6, not ${decimals}`);
  if (share.denominator === 0) return null;
  const scale = 10 ** decimals;
  return Math.round((share.numerator * 100 * scale) / share.denominator) / scale;
}

/** The middle duration (the mean of the two middle ones for an even count); null for none. */
export function medianDuration(durationsMs: readonly number[]): number | null {
  for (const duration of durationsMs) {
    if (!Number.isFinite(duration) || duration < 0) throw new RangeError(`a duration is finite and not negative, not ${duration}`);
  }
  if (durationsMs.length === 0) return null;
  const sorted = [...durationsMs].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] as number;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] as number) + upper) / 2;
}

export interface DischargeOutcome {
  readonly dischargedAt: Date;
  readonly hadVideoDischargeConference: boolean;
  readonly readmittedWithin30Days: boolean;
}

export interface ReadmissionRatesByConference {
  readonly withConference: Rate;
  readonly withoutConference: Rate;
  /**
   * Discharges whose 30 days had not passed by `asOf`, counted in neither
   * rate: leaving them in as "not readmitted" would make the latest weeks look
   * better than they are.
   */
  readonly windowStillOpen: number;
}

/** The 30-day readmission rate of discharges with and without a video discharge conference. */
export function readmissionRatesByConference(discharges: readonly DischargeOutcome[], asOf: Date): ReadmissionRatesByConference {
  const counts = { with: { readmitted: 0, all: 0 }, without: { readmitted: 0, all: 0 } };
  let windowStillOpen = 0;
  for (const discharge of discharges) {
    if (!isReadmissionWindowClosed(discharge.dischargedAt, asOf)) {
      windowStillOpen += 1;
      continue;
    }
    const group = discharge.hadVideoDischargeConference ? counts.with : counts.without;
    group.all += 1;
    if (discharge.readmittedWithin30Days) group.readmitted += 1;
  }
  return {
    withConference: rate(counts.with.readmitted, counts.with.all),
    withoutConference: rate(counts.without.readmitted, counts.without.all),
    windowStillOpen,
  };
}

/**
 * The figures' period: from Copenhagen midnight starting `from` up to (not
 * including) Copenhagen midnight starting `to`, so a year is
 * 2026-01-01..2027-01-01 and two adjacent periods never count a discharge twice.
 */
export function indicatorPeriod(from: string, to: string): { readonly start: Date; readonly end: Date } {
  const start = startOfLocalDate(from);
  const end = startOfLocalDate(to);
  if (end <= start) throw new RangeError(`the period ends (${to}) after it starts (${from})`);
  return { start, end };
}

/**
 * Small cells. The figures are read by staff who know the patients of their
 * ward or municipality: "1 of 2 discharged on Tuesday was readmitted" names
 * someone. As in Danish official statistics, a count of 1–4 is published as
 * "fewer than 5", and a share whose denominator is under 5 is not published
 * (numerator and percentage withheld). A share's numerator over a denominator
 * of 5 or more is published as it is: the percentage would give it away, and
 * a share without it cannot be checked. Zero is published: nobody is in it.
 */
export const SMALL_CELL_LIMIT = 5;

export type PublishedCount = { readonly value: number } | { readonly fewerThan: typeof SMALL_CELL_LIMIT };

export interface PublishedShare {
  readonly numerator: PublishedCount;
  readonly denominator: PublishedCount;
  /** One decimal (ratePercent); null when withheld or nothing to divide by. */
  readonly percent: number | null;
}

export function publishedCount(count: number): PublishedCount {
  assertCount('count', count);
  return count > 0 && count < SMALL_CELL_LIMIT ? { fewerThan: SMALL_CELL_LIMIT } : { value: count };
}

export function publishedShare(share: Rate): PublishedShare {
  if (share.denominator > 0 && share.denominator < SMALL_CELL_LIMIT) {
    return { numerator: { fewerThan: SMALL_CELL_LIMIT }, denominator: { fewerThan: SMALL_CELL_LIMIT }, percent: null };
  }
  return { numerator: { value: share.numerator }, denominator: { value: share.denominator }, percent: ratePercent(share) };
}

/** A median over fewer than SMALL_CELL_LIMIT values is withheld: with one answer it is that patient's wait. */
export function publishedMedian(medianMs: number | null, count: number): number | null {
  assertCount('count', count);
  return count < SMALL_CELL_LIMIT ? null : medianMs;
}
