import { z } from 'zod';
import { cprSchema } from '../domain/cpr.ts';
import { screeningScoreSchema, SCREENING_RECOMMENDATIONS } from '../domain/screening.ts';
import { phoneSchema } from '../plan/planDocument.ts';
import { freeText, isoInstantSchema, maskedCprSchema, personNameSchema, recordIdSchema } from './common.ts';
import { relativeViewSchema, representationSchema } from './relatives.ts';

/**
 * Intake: finding a patient by CPR, creating one, admitting an episode, and
 * the screening score. The full CPR number travels only in request bodies
 * (never a URL, a log line or an audit row) and comes back masked.
 */

export const LANGUAGES_SPOKEN = ['da', 'en'] as const;
export const preferredLanguageSchema = z.enum(LANGUAGES_SPOKEN);

const emailSchema = z.email().max(200);

/** A patient to find or create by CPR. The date of birth follows from the CPR number. */
export const newPatientSchema = z.object({
  cpr: cprSchema,
  name: personNameSchema,
  /** An organisation of sector municipal_unit. */
  homeMunicipalityId: recordIdSchema,
  phone: phoneSchema.nullable().default(null),
  email: emailSchema.nullable().default(null),
  preferredLanguage: preferredLanguageSchema.default('da'),
});
export type NewPatient = z.input<typeof newPatientSchema>;

/** A relative on the patient's record: the people who may later get join links. */
export const relativeInputSchema = z.object({
  name: personNameSchema,
  /** In the patient's words: "datter", "nabo". */
  relation: freeText(60),
  phone: phoneSchema.nullable().default(null),
  email: emailSchema.nullable().default(null),
  /** Guardian or power of attorney, as the papers shown say; none unless staff saw them. */
  representation: representationSchema.default('none'),
  /** The language of her invitations; left out, the patient's. */
  preferredLanguage: preferredLanguageSchema.optional(),
});
export type RelativeInput = z.input<typeof relativeInputSchema>;

export const RELATIVES_MAX = 10;

/**
 * What an admission writes, whoever admits (a screen, the hospital's systems):
 * the patient found by CPR or created, the episode, its care team (ward,
 * municipality of residence, GP practice) and relatives not yet on record.
 * An existing patient's details are not changed by an admission.
 */
export const admissionSchema = z.object({
  patient: newPatientSchema,
  /** An organisation of sector hospital_ward. */
  admittingWardId: recordIdSchema,
  /** The unit inside the ward, as the hospital names it ("Medicinsk afsnit M3"). */
  unit: freeText(120).nullable().default(null),
  admittedAt: isoInstantSchema,
  /** Municipality of residence (sector municipal_unit); the patient's home municipality when left out. */
  residenceMunicipalityId: recordIdSchema.optional(),
  /** Sector general_practice. */
  gpPracticeId: recordIdSchema.nullable().default(null),
  relatives: z.array(relativeInputSchema).max(RELATIVES_MAX).default([]),
  /** The hospital's Encounter identifier ("system|value") when the admission comes from its systems. */
  encounterIdentifier: z.string().min(3).max(300).nullable().default(null),
});
export type AdmissionInput = z.input<typeof admissionSchema>;
export type Admission = z.output<typeof admissionSchema>;

/** POST /api/episodes — a hospital staff member admits into their own ward; admitted now unless told. */
export const admitEpisodeRequestSchema = admissionSchema.omit({ admittingWardId: true, encounterIdentifier: true }).extend({ admittedAt: isoInstantSchema.optional() });
export type AdmitEpisodeRequest = z.input<typeof admitEpisodeRequestSchema>;
export const admitEpisodeResponseSchema = z.object({ episodeId: recordIdSchema, patientId: recordIdSchema, patientCreated: z.boolean() });
export type AdmitEpisodeResponse = z.infer<typeof admitEpisodeResponseSchema>;

/** POST /api/patients/lookup — the CPR number in the body, never in the URL. */
export const patientLookupRequestSchema = z.object({ cpr: cprSchema });
export type PatientLookupRequest = z.input<typeof patientLookupRequestSchema>;

export const foundPatientSchema = z.object({
  id: recordIdSchema,
  name: z.string(),
  cpr: maskedCprSchema,
  dateOfBirth: z.iso.date(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  preferredLanguage: preferredLanguageSchema,
  homeMunicipality: z.object({ id: recordIdSchema, name: z.string() }),
  relatives: z.array(relativeViewSchema),
  /** Set while the patient is admitted: a second admission is refused. */
  openEpisodeId: recordIdSchema.nullable(),
});
export type FoundPatient = z.infer<typeof foundPatientSchema>;

export const patientLookupResponseSchema = z.discriminatedUnion('found', [
  z.object({ found: z.literal(true), patient: foundPatientSchema }),
  /** Not on record: create them. The date of birth the CPR number gives, for the form. */
  z.object({ found: z.literal(false), cpr: maskedCprSchema, dateOfBirth: z.iso.date() }),
]);
export type PatientLookupResponse = z.infer<typeof patientLookupResponseSchema>;

/** POST /api/episodes/:episodeId/screenings */
export const recordScreeningRequestSchema = z.object({
  score: screeningScoreSchema,
  /** When the screening was made; now when left out. */
  screenedAt: isoInstantSchema.optional(),
});
export type RecordScreeningRequest = z.input<typeof recordScreeningRequestSchema>;

export const screeningRecordSchema = z.object({
  id: recordIdSchema,
  score: z.number().int(),
  screenedAt: isoInstantSchema,
  recordedBy: z.object({ id: recordIdSchema, name: z.string() }),
  recommendations: z.array(z.enum(SCREENING_RECOMMENDATIONS)),
});
export type ScreeningRecordView = z.infer<typeof screeningRecordSchema>;
export const screeningResponseSchema = z.object({ screening: screeningRecordSchema });
