import { z } from 'zod';
import { acuteServiceSchema } from '../domain/acuteService.ts';
import { cprSchema } from '../domain/cpr.ts';
import { tobsMeasurementSchema } from '../domain/tobs.ts';
import { freeText, isoInstantSchema, maskedCprSchema, recordIdSchema } from './common.ts';
import { conferenceSchema } from './conferences.ts';
import { tobsObservationSchema } from './visits.ts';

/**
 * The acute assessment: a GP or out-of-hours doctor asks the citizen's
 * municipal acute team to assess her at home, by video with the acute nurse
 * there. The CPR number travels only in request bodies, as at intake.
 */

export const acuteAssessmentParamsSchema = z.object({ acuteAssessmentId: recordIdSchema });

/** POST /api/acute-assessments/lookup — who the citizen is and whether her team takes requests now. */
export const acuteLookupRequestSchema = z.object({ cpr: cprSchema });
export type AcuteLookupRequest = z.input<typeof acuteLookupRequestSchema>;

export const acuteTeamViewSchema = z.object({
  id: recordIdSchema,
  name: z.string(),
  /** Null: the municipality has no acute team on record. */
  service: acuteServiceSchema.nullable(),
  /** Whether it takes requests at the server's now; when it opens next if not. */
  openNow: z.boolean(),
  opensAt: isoInstantSchema.nullable(),
});
export type AcuteTeamView = z.infer<typeof acuteTeamViewSchema>;

export const acuteLookupResponseSchema = z.discriminatedUnion('found', [
  z.object({
    found: z.literal(true),
    patient: z.object({ id: recordIdSchema, name: z.string(), cpr: maskedCprSchema, dateOfBirth: z.iso.date(), ageYears: z.number().int() }),
    team: acuteTeamViewSchema,
  }),
  z.object({ found: z.literal(false), cpr: maskedCprSchema }),
]);
export type AcuteLookupResponse = z.infer<typeof acuteLookupResponseSchema>;

/** POST /api/acute-assessments — refused (REFUSED, ACUTE_TEAM_CLOSED) outside the team's hours. */
export const createAcuteAssessmentSchema = z.object({
  cpr: cprSchema,
  /** What the doctor wants assessed, in a few words. */
  reason: freeText(1000),
});
export type CreateAcuteAssessment = z.input<typeof createAcuteAssessmentSchema>;

export const ACUTE_STATES = ['open', 'taken', 'decided'] as const;
export const ACUTE_DECISIONS = ['admission', 'municipal_acute_bed', 'home_treatment', 'other'] as const;
export type AcuteDecisionKind = (typeof ACUTE_DECISIONS)[number];

/** Who does a task of the home-treatment plan. */
export const ACUTE_TASK_OWNERS = ['acute_team', 'home_nurse'] as const;

export const acuteTaskSchema = z.object({ what: freeText(500), owner: z.enum(ACUTE_TASK_OWNERS) });

/** POST /api/acute-assessments/:id/decision — the doctor's decision with its reason. */
export const acuteDecisionRequestSchema = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('admission'), reason: freeText(1800), wardId: recordIdSchema }),
  /** The bed the doctor reserved on the acute-beds overview; the decision confirms the reservation. */
  z.object({ decision: z.literal('municipal_acute_bed'), reason: freeText(1800), reservationId: recordIdSchema }),
  z.object({
    decision: z.literal('home_treatment'),
    reason: freeText(1800),
    tasks: z.array(acuteTaskSchema).min(1).max(20),
    followUpAt: isoInstantSchema,
  }),
  z.object({ decision: z.literal('other'), reason: freeText(1800) }),
]);
export type AcuteDecisionRequest = z.input<typeof acuteDecisionRequestSchema>;

const staffRef = z.object({ id: recordIdSchema, name: z.string() });

export const acuteAssessmentViewSchema = z.object({
  id: recordIdSchema,
  /** The episode the call runs in. */
  episodeId: recordIdSchema,
  patient: z.object({ id: recordIdSchema, name: z.string(), cpr: maskedCprSchema, ageYears: z.number().int() }),
  team: acuteTeamViewSchema,
  state: z.enum(ACUTE_STATES),
  reason: z.string(),
  requestedBy: staffRef,
  createdAt: isoInstantSchema,
  /** Minutes since it came, at the server's now. */
  waitedMinutes: z.number().int(),
  /** The team's promise for this request. */
  answerBy: isoInstantSchema,
  takenBy: staffRef.nullable(),
  takenAt: isoInstantSchema.nullable(),
  conference: conferenceSchema.nullable(),
  /** TOBS entered during the call, oldest first, with the score and what it calls for. */
  observations: z.array(tobsObservationSchema.extend({ responseCode: z.string(), response: z.object({ da: z.string(), en: z.string() }) })),
  decision: z
    .object({
      decision: z.enum(ACUTE_DECISIONS),
      reason: z.string(),
      ward: z.object({ id: recordIdSchema, name: z.string() }).nullable(),
      bedReservationId: recordIdSchema.nullable(),
      followUpAt: isoInstantSchema.nullable(),
      /** The episode the decision started or updated; its plan carries the decision on. */
      episodeId: recordIdSchema.nullable(),
      decidedBy: staffRef,
      decidedAt: isoInstantSchema,
    })
    .nullable(),
});
export type AcuteAssessmentView = z.infer<typeof acuteAssessmentViewSchema>;

export const acuteAssessmentResponseSchema = z.object({ acuteAssessment: acuteAssessmentViewSchema });
export const acuteQueueQuerySchema = z.object({ state: z.enum(['open', 'taken', 'undecided']).default('undecided') });
export const acuteQueueResponseSchema = z.object({ acuteAssessments: z.array(acuteAssessmentViewSchema), team: acuteTeamViewSchema });

/** POST /api/acute-assessments/:id/tobs — entered by the nurse during the call. */
export const acuteTobsRequestSchema = tobsMeasurementSchema;

/**
 * POST /api/acute-assessments/:id/pull-in — one click: the hospital's
 * visitation (the visitation nurses of the episode's hospital) or the
 * municipal visitation nurse (those of the team's municipality).
 */
export const ACUTE_PULL_INS = ['hospital_visitation', 'municipal_visitation'] as const;
export type AcutePullIn = (typeof ACUTE_PULL_INS)[number];
export const acutePullInRequestSchema = z.object({ who: z.enum(ACUTE_PULL_INS) });
export type AcutePullInRequest = z.infer<typeof acutePullInRequestSchema>;
