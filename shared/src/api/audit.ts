import { z } from 'zod';
import { isoInstantSchema, recordIdSchema } from './common.ts';

/** GET /api/episodes/:episodeId/audit — "who looked at this patient", newest first. */
export const auditTrailQuerySchema = z.object({
  since: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const auditEntrySchema = z.object({
  id: recordIdSchema,
  at: isoInstantSchema,
  actor: z.object({
    kind: z.enum(['staff', 'participant', 'system']),
    id: recordIdSchema.nullable(),
    /** Resolved when the person is known; null for system or an unknown id. */
    name: z.string().nullable(),
  }),
  action: z.string(),
  resourceType: z.string(),
  resourceId: z.string().nullable(),
  via: z.string(),
  outcome: z.enum(['ok', 'denied', 'error']),
});
export const auditTrailResponseSchema = z.object({ events: z.array(auditEntrySchema) });
