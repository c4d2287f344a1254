import { z } from 'zod';
import { freeText, isoInstantSchema, recordIdSchema } from './common.ts';

/**
 * What a municipality's acute team can do at an acute bed (akutplads,
 * akutfunktion), the shared list every municipality answers in, so a doctor
 * compares like with like. What the list does not cover goes in the offer's
 * own words (`otherCompetences`).
 */
export const ACUTE_COMPETENCES = [
  /** Blood tests taken and answered on the spot (point of care): CRP, haemoglobin, … */
  'blood_tests_point_of_care',
  /** Blood tests taken and sent to the hospital's laboratory. */
  'blood_tests_laboratory',
  'iv_antibiotics',
  'iv_fluids',
  'oxygen',
  'urine_catheter',
  'wound_care',
  'ecg',
  'palliative_care',
  /** Observation with TOBS at set times, day and night. */
  'observation_tobs',
] as const;
export const acuteCompetenceSchema = z.enum(ACUTE_COMPETENCES);
export type AcuteCompetence = z.infer<typeof acuteCompetenceSchema>;

export const ACUTE_RESERVATION_STATUSES = ['reserved', 'confirmed', 'released'] as const;
export const acuteReservationStatusSchema = z.enum(ACUTE_RESERVATION_STATUSES);
export type AcuteReservationStatus = z.infer<typeof acuteReservationStatusSchema>;

export const ACUTE_RELEASE_REASONS = ['cancelled', 'expired', 'left'] as const;
export const acuteReleaseReasonSchema = z.enum(ACUTE_RELEASE_REASONS);
export type AcuteReleaseReason = z.infer<typeof acuteReleaseReasonSchema>;

/** A bed held now (reserved and not yet expired, or confirmed); no patient, only who holds it and until when. */
export const acuteBedHoldSchema = z.object({
  reservationId: recordIdSchema,
  status: z.enum(['reserved', 'confirmed']),
  reservedAt: isoInstantSchema,
  /** A reservation not confirmed by then is released by the record's clock. */
  expiresAt: isoInstantSchema,
  confirmedAt: isoInstantSchema.nullable(),
  reservedByName: z.string(),
  /** The asking doctor's own reservation. */
  mine: z.boolean(),
  /** What the asker may do with it now. */
  mayConfirm: z.boolean(),
  mayRelease: z.boolean(),
});
export type AcuteBedHold = z.infer<typeof acuteBedHoldSchema>;

export const acuteOfferViewSchema = z.object({
  id: recordIdSchema,
  municipalityId: recordIdSchema,
  name: z.string(),
  bedsTotal: z.number().int().nonnegative(),
  occupied: z.number().int().nonnegative(),
  reserved: z.number().int().nonnegative(),
  free: z.number().int().nonnegative(),
  competences: z.array(acuteCompetenceSchema),
  otherCompetences: z.string(),
  updatedAt: isoInstantSchema,
  holds: z.array(acuteBedHoldSchema),
});
export type AcuteOfferView = z.infer<typeof acuteOfferViewSchema>;

export const acuteMunicipalityViewSchema = z.object({
  id: recordIdSchema,
  name: z.string(),
  bedsTotal: z.number().int().nonnegative(),
  occupied: z.number().int().nonnegative(),
  reserved: z.number().int().nonnegative(),
  free: z.number().int().nonnegative(),
  /** The asker is of this municipality's staff: they keep its offers and free its beds. */
  own: z.boolean(),
  offers: z.array(acuteOfferViewSchema),
});
export type AcuteMunicipalityView = z.infer<typeof acuteMunicipalityViewSchema>;

/** GET /api/acute-beds — the shared overview: every municipality with acute offers, no patient data. */
export const acuteBedsOverviewSchema = z.object({
  municipalities: z.array(acuteMunicipalityViewSchema),
  /** Whether the asker may reserve (doctors: hospital, GP, out-of-hours). */
  mayReserve: z.boolean(),
  /** Minutes a reservation waits for confirmation (ACUTE_RESERVATION_MINUTES). */
  reservationMinutes: z.number().int().positive(),
});
export type AcuteBedsOverview = z.infer<typeof acuteBedsOverviewSchema>;

export const acuteOfferParamsSchema = z.object({ offerId: recordIdSchema });
export const acuteReservationParamsSchema = z.object({ reservationId: recordIdSchema });

/** More beds than any municipality has; a typo of 1000 is caught here. */
export const MAX_ACUTE_BEDS = 200;

/** POST /api/acute-beds/offers and PUT /api/acute-beds/offers/:offerId — by the municipality's own staff. */
export const acuteOfferInputSchema = z
  .object({
    name: freeText(120),
    bedsTotal: z.number().int().min(0).max(MAX_ACUTE_BEDS),
    competences: z.array(acuteCompetenceSchema).max(ACUTE_COMPETENCES.length).refine((list) => new Set(list).size === list.length, 'each competence once'),
    otherCompetences: z.union([freeText(1000), z.literal('')]),
  })
  .strict();
export type AcuteOfferInput = z.infer<typeof acuteOfferInputSchema>;

/** A reservation as its doctor (and the decision that uses it) sees it. */
export const acuteReservationViewSchema = z.object({
  id: recordIdSchema,
  offerId: recordIdSchema,
  offerName: z.string(),
  municipalityId: recordIdSchema,
  municipalityName: z.string(),
  status: acuteReservationStatusSchema,
  reservedAt: isoInstantSchema,
  expiresAt: isoInstantSchema,
  confirmedAt: isoInstantSchema.nullable(),
  releasedAt: isoInstantSchema.nullable(),
  releaseReason: acuteReleaseReasonSchema.nullable(),
});
export type AcuteReservationView = z.infer<typeof acuteReservationViewSchema>;

/** POST /api/acute-beds/reservations/:reservationId/release — `left`: the patient left the bed (municipality staff). */
export const acuteReleaseRequestSchema = z.object({ reason: z.enum(['cancelled', 'left']) }).strict();
export type AcuteReleaseRequest = z.infer<typeof acuteReleaseRequestSchema>;

export const acuteReservationResponseSchema = z.object({ reservation: acuteReservationViewSchema });
export const acuteOfferSavedResponseSchema = z.object({ offer: z.object({ id: recordIdSchema }) });
