import { z } from 'zod';
import { participantRoleSchema } from '../roles.ts';
import { staffRoleSchema } from './auth.ts';
import { isoInstantSchema, recordIdSchema } from './common.ts';

/** GET /api/episodes/:episodeId/audit — "who looked at this patient", newest first. */
export const auditTrailQuerySchema = z.object({
  since: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** Who did it, as people name them: "Mette Lund, sygeplejerske, Medicinsk Afdeling M2". */
export const auditActorSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('staff'), name: z.string(), role: staffRoleSchema, organisation: z.string() }),
  z.object({ kind: z.literal('participant'), name: z.string(), role: participantRoleSchema }),
  /** A hospital system sending or fetching by its API key: its name and organisation. */
  z.object({ kind: z.literal('system'), name: z.string().nullable(), organisation: z.string().nullable() }),
  /** An id the record no longer resolves (the trail outlives what it describes). */
  z.object({ kind: z.literal('unknown') }),
]);
export type AuditActor = z.infer<typeof auditActorSchema>;

export const auditEntrySchema = z.object({
  id: recordIdSchema,
  at: isoInstantSchema,
  /** The stored ids, for the IT security reviewer; the screen shows `who`. */
  actor: z.object({
    kind: z.enum(['staff', 'participant', 'system']),
    id: recordIdSchema.nullable(),
    /** Resolved when the person is known; null for system or an unknown id. */
    name: z.string().nullable(),
  }),
  who: auditActorSchema,
  /** The stable verb and resource (shared/src/domain/auditWords.ts puts them in words). */
  action: z.string(),
  resourceType: z.string(),
  resourceId: z.string().nullable(),
  via: z.string(),
  outcome: z.enum(['ok', 'denied', 'error']),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export const auditTrailResponseSchema = z.object({ events: z.array(auditEntrySchema) });

/**
 * GET /api/episodes/:episodeId/access-log — the patient's own "who has looked
 * at my record" (as on sundhed.dk), for her and a relative who represents her:
 * who, what in plain words, when. What was done to her record, not how: no
 * routes, addresses, ids, refused attempts, or anyone else's record; her own
 * doings are left out.
 */
export const accessLogQuerySchema = z.object({
  /** Older than this entry's time, for the next page. */
  before: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const accessLogEntrySchema = z.object({
  at: isoInstantSchema,
  who: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('staff'), name: z.string(), role: staffRoleSchema, organisation: z.string() }),
    z.object({ kind: z.literal('relative'), name: z.string() }),
    z.object({ kind: z.literal('system'), organisation: z.string().nullable() }),
    z.object({ kind: z.literal('unknown') }),
  ]),
  /** The stable verb and resource: the screen puts them in words (shared/src/domain/auditWords.ts). */
  action: z.string(),
  resourceType: z.string(),
});
export type AccessLogEntry = z.infer<typeof accessLogEntrySchema>;
export const accessLogResponseSchema = z.object({ entries: z.array(accessLogEntrySchema), more: z.boolean() });
export type AccessLogResponse = z.infer<typeof accessLogResponseSchema>;
