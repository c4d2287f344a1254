import { z } from 'zod';
import { actionSchema, STAFF_SECTORS } from '../domain/permissions.ts';
import { SCREENING_RECOMMENDATIONS } from '../domain/screening.ts';
import { staffRoleSchema } from './auth.ts';
import { isoInstantSchema, maskedCprSchema, recordIdSchema } from './common.ts';
import { consentSchema } from './consents.ts';
import { screeningRecordSchema } from './intake.ts';
import { dischargeDestinationSchema } from './discharge.ts';
import { relativeViewSchema } from './relatives.ts';

export const EPISODE_STATUSES = ['admitted', 'discharged', 'closed'] as const;
export const episodeStatusSchema = z.enum(EPISODE_STATUSES);

/** The patient as lists show them: enough to tell two people apart, not the full CPR number. */
export const patientRefSchema = z.object({ id: recordIdSchema, name: z.string(), cpr: maskedCprSchema });
export type PatientRef = z.infer<typeof patientRefSchema>;

export const adviceWindowViewSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('not_open') }),
  z.object({ state: z.literal('open'), opensAt: isoInstantSchema, closesAt: isoInstantSchema, msLeft: z.number().int() }),
  z.object({ state: z.literal('closed'), opensAt: isoInstantSchema, closedAt: isoInstantSchema }),
]);
export type AdviceWindowView = z.infer<typeof adviceWindowViewSchema>;

/** The pathway's clocks, derived from admission and discharge at the server's "now" (never stored). */
export const episodeClocksSchema = z.object({
  goalConversation: z.object({ from: isoInstantSchema, until: isoInstantSchema, defaultStart: isoInstantSchema }),
  adviceWindow: adviceWindowViewSchema,
  /** Null until discharge. */
  receptionVisitDue: isoInstantSchema.nullable(),
  followUpVisitDue: isoInstantSchema.nullable(),
});
export type EpisodeClocks = z.infer<typeof episodeClocksSchema>;

export const episodeSummarySchema = z.object({
  id: recordIdSchema,
  status: episodeStatusSchema,
  admittedAt: isoInstantSchema,
  dischargedAt: isoInstantSchema.nullable(),
  screeningScore: z.number().int().nullable(),
  patient: patientRefSchema,
  ward: z.object({ id: recordIdSchema, name: z.string() }),
  clocks: episodeClocksSchema,
  /** What the screening score recommends (video discharge conference ≥ 31, follow-up home visit ≥ 23). */
  recommendations: z.array(z.enum(SCREENING_RECOMMENDATIONS)),
  /** What the asking person may do in this episode now. */
  allowedActions: z.array(actionSchema),
  /** The 30-day readmission rule, from the patient's episodes (never a stored counter). */
  readmission: z.object({ isReadmission: z.boolean(), readmittedWithin30Days: z.boolean() }),
});
export type EpisodeSummary = z.infer<typeof episodeSummarySchema>;

/** GET /api/episodes */
export const episodeListQuerySchema = z.object({ status: episodeStatusSchema.optional() });
export const episodeListResponseSchema = z.object({ episodes: z.array(episodeSummarySchema) });
export type EpisodeListResponse = z.infer<typeof episodeListResponseSchema>;

export const TIMELINE_KINDS = [
  'admitted',
  'discharged',
  'conference',
  'advice_requested',
  'advice_answered',
  'consent_recorded',
  'consent_withdrawn',
  'plan_revision',
  'visit',
  'tobs',
] as const;

export const timelineEntrySchema = z.object({
  at: isoInstantSchema,
  kind: z.enum(TIMELINE_KINDS),
  /** The record the entry is about (conference, advice request, consent, revision); null for admission and discharge. */
  refId: recordIdSchema.nullable(),
  /** A short, untranslated detail: the conference kind and status, a consent scope, a revision number, the visit kind and mode, the TOBS score. */
  detail: z.string().nullable(),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

/** GET /api/episodes/:episodeId */
export const episodeDetailSchema = episodeSummarySchema.extend({
  patient: patientRefSchema.extend({
    dateOfBirth: z.iso.date(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    preferredLanguage: z.enum(['da', 'en']),
    homeMunicipality: z.object({ id: recordIdSchema, name: z.string() }),
  }),
  relatives: z.array(relativeViewSchema),
  careTeam: z.object({
    organisations: z.array(z.object({ id: recordIdSchema, name: z.string(), sector: z.enum(STAFF_SECTORS) })),
    staff: z.array(z.object({ id: recordIdSchema, name: z.string(), role: staffRoleSchema, organisation: z.string() })),
  }),
  /** The unit inside the ward, as the hospital names it. */
  unit: z.string().nullable(),
  gpPractice: z.object({ id: recordIdSchema, name: z.string() }).nullable(),
  /** Where the patient went; null while admitted. */
  dischargeDestination: dischargeDestinationSchema.nullable(),
  /** Oldest first. */
  timeline: z.array(timelineEntrySchema),
  consents: z.array(consentSchema),
  /** The screening scores recorded, newest first; the first is the episode's screeningScore. */
  screenings: z.array(screeningRecordSchema),
});
export type EpisodeDetail = z.infer<typeof episodeDetailSchema>;

/**
 * POST /api/episodes/:episodeId/patient/identify — the full CPR number, for
 * the secure identification a video consultation requires. A POST, so it is
 * never cached or prefetched, and audited as its own action.
 */
export const identifyPatientResponseSchema = z.object({ patientId: recordIdSchema, cpr: z.string().regex(/^\d{6}-\d{4}$/) });
