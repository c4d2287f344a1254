import { z } from 'zod';
import { PATHWAY_CONFERENCE_KINDS } from '../domain/conferenceKinds.ts';
import { SMALL_CELL_LIMIT } from '../domain/indicators.ts';
import { isoInstantSchema, recordIdSchema } from './common.ts';

const calendarDateSchema = z.iso.date();

/** The longest period asked for at once: three years and a leap day. */
export const INDICATOR_PERIOD_MAX_DAYS = 3 * 365 + 1;
const DAY_MS = 86_400_000;

/**
 * GET /api/indicators and /api/indicators.csv. The period is [from, to) in
 * Copenhagen calendar dates; without organisationId the figures are the
 * whole record's (every organisation).
 */
export const indicatorsQuerySchema = z
  .object({
    from: calendarDateSchema,
    to: calendarDateSchema,
    organisationId: recordIdSchema.optional(),
  })
  .refine((query) => query.from < query.to, { message: 'the period ends after it starts', path: ['to'] })
  .refine((query) => Date.parse(query.to) - Date.parse(query.from) <= INDICATOR_PERIOD_MAX_DAYS * DAY_MS, {
    message: `at most ${INDICATOR_PERIOD_MAX_DAYS} days`,
    path: ['to'],
  });
export type IndicatorsQuery = z.infer<typeof indicatorsQuerySchema>;

/** A count as published: exact, or only "fewer than 5" for 1–4 (domain/indicators.ts, small cells). */
export const publishedCountSchema = z.union([
  z.strictObject({ value: z.number().int().nonnegative() }),
  z.strictObject({ fewerThan: z.literal(SMALL_CELL_LIMIT) }),
]);

export const publishedShareSchema = z.object({
  numerator: publishedCountSchema,
  denominator: publishedCountSchema,
  /** Percent with one decimal; null when withheld (denominator under 5) or zero. */
  percent: z.number().min(0).max(100).nullable(),
});

/** A promise after discharge: kept, of those whose outcome is known (kept, or the deadline passed). */
export const visitPromiseSchema = publishedShareSchema.extend({
  /** Not visited yet and the deadline not passed: in neither count. */
  pending: publishedCountSchema,
});

export const indicatorsResponseSchema = z.object({
  period: z.object({ from: calendarDateSchema, to: calendarDateSchema }),
  /** Null: every organisation. */
  organisation: z.object({ id: recordIdSchema, name: z.string() }).nullable(),
  computedAt: isoInstantSchema,
  smallCellLimit: z.literal(SMALL_CELL_LIMIT),
  /** Conferences of the discharge pathway that took place (started and ended), by when they started. */
  conferencesHeld: z.object(
    Object.fromEntries(PATHWAY_CONFERENCE_KINDS.map((kind) => [kind, publishedCountSchema])) as Record<(typeof PATHWAY_CONFERENCE_KINDS)[number], typeof publishedCountSchema>,
  ),
  /** Discharges in the period, and the figures about them below. */
  discharges: publishedCountSchema,
  /** Reception visit within 24 elapsed hours of discharge, of all discharges. */
  receptionVisitWithin24h: visitPromiseSchema,
  /** Follow-up home visit within 8 calendar days, of discharges screened ≥ 23 (the ones it is offered to). */
  followUpVisitWithin8Days: visitPromiseSchema,
  /** Discharged before 12:00 Copenhagen time. */
  dischargedBeforeNoon: publishedShareSchema,
  advice: z.object({
    /** Requests made in the period inside their episode's 7-day window. */
    requests: publishedCountSchema,
    answered: publishedCountSchema,
    /** Median from request to answer, in minutes (one decimal); null when fewer than 5 were answered. */
    medianMinutesToAnswer: z.number().nonnegative().nullable(),
  }),
  /** Readmitted within 30 days, by whether a video discharge conference was held in the episode. */
  readmission: z.object({
    withVideoDischargeConference: publishedShareSchema,
    withoutVideoDischargeConference: publishedShareSchema,
    /** Discharges whose 30 days have not passed: counted in neither rate. */
    windowStillOpen: publishedCountSchema,
  }),
});
export type IndicatorsResponse = z.infer<typeof indicatorsResponseSchema>;

/** The CSV export: text, semicolon-separated, with a byte order mark for Excel. */
export const indicatorsCsvSchema = z.string();
