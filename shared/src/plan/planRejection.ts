import { z } from 'zod';
import { actionSchema } from '../domain/permissions.ts';
import { participantRoleSchema } from '../roles.ts';
import { editorSchema, planSectionSchema, responsiblePartySchema } from './planDocument.ts';

/**
 * Why one operation of a push did not land. Sent back to the person who made
 * it, so each names the item, the field and who got there first; the UI
 * words it ("Anna (home nurse) changed the due date a moment ago").
 */
const item = { section: planSectionSchema, itemId: z.string() };
const change = z.object({ field: z.string(), by: editorSchema, revision: z.number().int() });

export const planRejectionSchema = z.discriminatedUnion('code', [
  /** Someone else set the same field(s) to something else since the base revision; the first writer wins. */
  z.object({ code: z.literal('FIELD_CHANGED'), ...item, changes: z.array(change).min(1) }),
  /** The item was removed since the base revision. */
  z.object({ code: z.literal('ITEM_REMOVED'), ...item, by: editorSchema, revision: z.number().int() }),
  /** A removal of an item someone else edited since: removing it would throw their edit away unseen. */
  z.object({ code: z.literal('ITEM_CHANGED'), ...item, changes: z.array(change).min(1) }),
  /** A move placed the item after one that was removed since. */
  z.object({ code: z.literal('ANCHOR_REMOVED'), ...item, anchorId: z.string(), by: editorSchema, revision: z.number().int() }),
  z.object({ code: z.literal('ITEM_NOT_FOUND'), ...item }),
  z.object({ code: z.literal('DUPLICATE_ID'), ...item }),
  z.object({ code: z.literal('SECTION_FULL'), section: planSectionSchema, max: z.number().int() }),
  z.object({ code: z.literal('INVALID_VALUE'), issues: z.array(z.object({ path: z.string(), message: z.string() })) }),
  z.object({ code: z.literal('FORBIDDEN'), ...item, permission: actionSchema }),
  /** A change or removal of another's goal or wish (plan/authorship.ts); `author` is whose words they are. */
  z.object({ code: z.literal('NOT_AUTHOR'), ...item, author: participantRoleSchema }),
  /** Done or not done is said by the task's responsible party only (plan/responsibility.ts); `responsible` is who that is. */
  z.object({ code: z.literal('NOT_RESPONSIBLE'), ...item, responsible: responsiblePartySchema }),
]);
export type PlanRejection = z.infer<typeof planRejectionSchema>;
export type PlanRejectionCode = PlanRejection['code'];
