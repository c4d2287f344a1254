import { z } from 'zod';
import { isoInstantSchema, recordIdSchema } from './common.ts';

export const CONSENT_SCOPES = ['share_across_sectors', 'video_participation'] as const;
export const consentScopeSchema = z.enum(CONSENT_SCOPES);

export const consentSchema = z.object({
  id: recordIdSchema,
  scope: consentScopeSchema,
  /** Null: given until withdrawn, for every episode of the patient. */
  episodeId: recordIdSchema.nullable(),
  recordedAt: isoInstantSchema,
  recordedBy: z.object({ id: recordIdSchema, name: z.string() }),
  withdrawnAt: isoInstantSchema.nullable(),
  withdrawnBy: z.object({ id: recordIdSchema, name: z.string() }).nullable(),
});
export type ConsentView = z.infer<typeof consentSchema>;

/** POST /api/episodes/:episodeId/consents — recorded by staff after asking the patient. */
export const recordConsentRequestSchema = z.object({
  scope: consentScopeSchema,
  /** "this_episode" (default) or "until_withdrawn" (all the patient's episodes). */
  lasts: z.enum(['this_episode', 'until_withdrawn']).default('this_episode'),
});
export type RecordConsentRequest = z.input<typeof recordConsentRequestSchema>;

export const consentResponseSchema = z.object({ consent: consentSchema });
export const consentListResponseSchema = z.object({ consents: z.array(consentSchema) });
