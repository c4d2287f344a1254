import { z } from 'zod';
import { isoInstantSchema, recordIdSchema } from './common.ts';

/** Where the patient went on discharge (prisma DischargeDestination). */
export const DISCHARGE_DESTINATIONS = ['home', 'nursing_home', 'municipal_acute_bed', 'other'] as const;
export const dischargeDestinationSchema = z.enum(DISCHARGE_DESTINATIONS);
export type DischargeDestination = z.infer<typeof dischargeDestinationSchema>;

/**
 * POST /api/episodes/:episodeId/discharge — from the episode page, and the
 * same input when the hospital's systems send a finished Encounter.
 */
export const recordDischargeRequestSchema = z.object({
  dischargedAt: isoInstantSchema,
  destination: dischargeDestinationSchema,
});
export type RecordDischargeRequest = z.infer<typeof recordDischargeRequestSchema>;

export const dischargeViewSchema = z.object({
  episodeId: recordIdSchema,
  dischargedAt: isoInstantSchema,
  destination: dischargeDestinationSchema,
  /** Before 12:00 Copenhagen time, as the pathway prefers (episodeClocks.ts). */
  beforeNoon: z.boolean(),
  receptionVisitDue: isoInstantSchema,
  followUpVisitDue: isoInstantSchema,
});
export type DischargeView = z.infer<typeof dischargeViewSchema>;

export const dischargeResponseSchema = z.object({ discharge: dischargeViewSchema });
