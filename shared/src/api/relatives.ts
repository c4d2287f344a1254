import { z } from 'zod';
import { recordIdSchema } from './common.ts';

/**
 * Whether a relative may act for the patient: a guardian (værgemål) or the
 * holder of a lasting power of attorney (fremtidsfuldmagt) may agree to the
 * plan on her behalf and read who has looked at her record. Staff record it,
 * from the papers shown to them, where relatives are recorded (intake, the
 * episode page); every change is audited. The same list as the database's
 * Representation (a test compares them).
 */
export const REPRESENTATIONS = ['none', 'guardian', 'power_of_attorney'] as const;
export const representationSchema = z.enum(REPRESENTATIONS);
export type Representation = z.infer<typeof representationSchema>;
/** The standing a representative holds: what an agreement on the patient's behalf records. */
export const actingRepresentationSchema = representationSchema.exclude(['none']);
export type ActingRepresentation = z.infer<typeof actingRepresentationSchema>;

/** A relative on the patient's record, as staff see her. */
export const relativeViewSchema = z.object({
  id: recordIdSchema,
  name: z.string(),
  relation: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  representation: representationSchema,
});
export type RelativeView = z.infer<typeof relativeViewSchema>;

/** PUT /api/episodes/:episodeId/relatives/:relativeId/representation */
export const relativeParamsSchema = z.object({ episodeId: recordIdSchema, relativeId: recordIdSchema });
export const setRepresentationRequestSchema = z.object({ representation: representationSchema });
export type SetRepresentationRequest = z.input<typeof setRepresentationRequestSchema>;
