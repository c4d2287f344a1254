import { z } from 'zod';
import { tobsMeasurementSchema } from '../domain/tobs.ts';
import { freeText, isoInstantSchema, recordIdSchema } from './common.ts';

/** The stored visit kinds (prisma VisitKind). */
export const VISIT_KINDS = ['reception_visit', 'follow_up_home_visit', 'day_after_check'] as const;
export const visitKindSchema = z.enum(VISIT_KINDS);
export type VisitKind = z.infer<typeof visitKindSchema>;

export const VISIT_MODES = ['at_home', 'phone', 'video'] as const;
export const visitModeSchema = z.enum(VISIT_MODES);
export type VisitMode = z.infer<typeof visitModeSchema>;

const yesNo = z.enum(['yes', 'no']);
/** "Not relevant": there is no home care, no relative, no medicine to dispense… */
const yesNoNotRelevant = z.enum(['yes', 'no', 'not_relevant']);
export const CHECKLIST_ANSWERS = ['yes', 'no', 'not_relevant'] as const;
export type ChecklistAnswer = (typeof CHECKLIST_ANSWERS)[number];

/**
 * What the projects ask the nurse to make sure of after discharge. Every item
 * is answered, so "not asked" never reads as "fine". The two needs are yes or
 * no: there is always an answer to whether one is needed.
 */
export const visitChecklistSchema = z
  .object({
    medicationAvailable: yesNo,
    medicationDispensed: yesNoNotRelevant,
    medicationUnderstood: yesNoNotRelevant,
    homeCareContactMade: yesNoNotRelevant,
    relativesContactMade: yesNoNotRelevant,
    gpInvolvedCorrectly: yesNoNotRelevant,
    virtualDischargeConferenceNeeded: yesNo,
    geriatricAdviceNeeded: yesNo,
  })
  .strict();
export type VisitChecklist = z.infer<typeof visitChecklistSchema>;
export const VISIT_CHECKLIST_ITEMS = Object.keys(visitChecklistSchema.shape) as ReadonlyArray<keyof VisitChecklist>;
/** The answers an item takes, for the form's choices. */
export function checklistAnswersOf(item: keyof VisitChecklist): readonly ChecklistAnswer[] {
  return visitChecklistSchema.shape[item].options;
}

/** POST /api/episodes/:episodeId/tobs — TOBS on its own, at any call (then naming its conference) or visit. */
export const recordTobsRequestSchema = tobsMeasurementSchema.extend({
  observedAt: isoInstantSchema,
  conferenceId: recordIdSchema.optional(),
});
export type RecordTobsRequest = z.infer<typeof recordTobsRequestSchema>;

/** POST /api/episodes/:episodeId/visits — with TOBS measured at the visit, if it was. */
export const recordVisitRequestSchema = z.object({
  kind: visitKindSchema,
  mode: visitModeSchema,
  performedAt: isoInstantSchema,
  /** Who made the visit ("Hanne, hjemmesygeplejerske") when not the one recording it. */
  performedBy: freeText(120).optional(),
  checklist: visitChecklistSchema,
  note: freeText(2000).optional(),
  tobs: tobsMeasurementSchema.optional(),
});
export type RecordVisitRequest = z.infer<typeof recordVisitRequestSchema>;

const staffRef = z.object({ id: recordIdSchema, name: z.string() });

export const tobsObservationSchema = tobsMeasurementSchema.extend({
  id: recordIdSchema,
  observedAt: isoInstantSchema,
  visitId: recordIdSchema.nullable(),
  conferenceId: recordIdSchema.nullable(),
  /** 0–15, computed by scoreTobs when recorded and stored beside the values. */
  score: z.number().int().min(0).max(15),
  recordedBy: staffRef,
});
export type TobsObservationView = z.infer<typeof tobsObservationSchema>;

export const visitSchema = z.object({
  id: recordIdSchema,
  kind: visitKindSchema,
  mode: visitModeSchema,
  performedAt: isoInstantSchema,
  performedBy: z.string().nullable(),
  recordedBy: staffRef,
  checklist: visitChecklistSchema,
  note: z.string().nullable(),
  /** When the pathway wants it by (24 h, 8 days); null for the day-after check, which has no promise of its own. */
  due: isoInstantSchema.nullable(),
  /** Made by its due time; null where there is none. */
  kept: z.boolean().nullable(),
  tobs: tobsObservationSchema.nullable(),
});
export type VisitView = z.infer<typeof visitSchema>;

export const visitResponseSchema = z.object({ visit: visitSchema });
export const visitListResponseSchema = z.object({ visits: z.array(visitSchema) });
export const tobsObservationResponseSchema = z.object({ observation: tobsObservationSchema });
export const tobsObservationListResponseSchema = z.object({ observations: z.array(tobsObservationSchema) });
