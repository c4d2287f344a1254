import { z } from 'zod';
import { editorSchema, instantSchema, planSectionSchema } from '../plan/planDocument.ts';
import { planOperationSchema } from '../plan/planOperations.ts';

/**
 * HTTP bodies of the plan outside a call. A push there is the same message
 * and answer as `plan:push` (protocol/plan.ts); these are what only HTTP has.
 */

// GET /api/episodes/:id/plan answers with protocol/plan.ts's planSnapshotSchema.

/** describeChanges (plan/describeChanges.ts) on the wire. */
export const planChangeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.enum(['added', 'removed']), section: planSectionSchema, itemId: z.string(), label: z.string() }),
  z.object({ kind: z.literal('changed'), section: planSectionSchema, itemId: z.string(), label: z.string(), fields: z.array(z.string()).readonly() }),
  z.object({ kind: z.literal('reordered'), section: planSectionSchema }),
]);

export const planHistoryEntrySchema = z.object({
  revision: z.number().int().min(1),
  by: editorSchema,
  at: instantSchema,
  /** The conference it was made in; null outside a call. */
  conferenceId: z.uuid().nullable(),
  ops: z.array(planOperationSchema),
  /** What changed from the revision before, as the revision list shows it. */
  changes: z.array(planChangeSchema),
});
export type PlanHistoryEntry = z.infer<typeof planHistoryEntrySchema>;

/** GET /api/episodes/:id/plan/revisions?before=N: newest first, a page at a time. */
export const planHistoryQuerySchema = z.object({
  before: z.coerce.number().int().min(2).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type PlanHistoryQuery = z.input<typeof planHistoryQuerySchema>;

export const planHistoryResponseSchema = z.object({ revisions: z.array(planHistoryEntrySchema) });
export type PlanHistoryResponse = z.infer<typeof planHistoryResponseSchema>;
