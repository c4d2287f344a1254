import { z } from 'zod';
import type { Action } from '../domain/permissions.ts';
import { participantRoleSchema } from '../roles.ts';
import {
  aidSchema,
  commentSchema,
  contactSchema,
  editorSchema,
  goalSchema,
  instantSchema,
  itemIdSchema,
  medicationNoteSchema,
  needSchema,
  taskSchema,
  wishSchema,
  type PlanSection,
} from './planDocument.ts';

/**
 * Edits are small and name exactly what they touch — one item, and for an
 * update the fields it sets — so two people editing different tasks, or
 * different fields of one task, both land. An update's fields land together
 * or not at all (status "done" is one decision, not two).
 *
 * Unknown keys are refused rather than stripped: a field the server does not
 * know must not vanish silently.
 */

/** An update sets some of the fields given here; ids, comments' stamps and doneAt are not among them. */
function editable<Shape extends z.ZodRawShape>(fields: z.ZodObject<Shape>) {
  return fields
    .partial()
    .strict()
    .refine((set) => Object.keys(set).length > 0, 'must set at least one field');
}

/** `item` is strict: an added item with a field the server does not know is refused, not trimmed. */
function sectionOps<S extends Exclude<PlanSection, 'comments'>, I extends z.ZodType, U extends z.ZodType>(section: S, item: I, set: U) {
  const target = { section: z.literal(section), id: itemIdSchema };
  return z.discriminatedUnion('op', [
    z.strictObject({ op: z.literal('add'), section: z.literal(section), item }),
    z.strictObject({ op: z.literal('update'), ...target, set }),
    z.strictObject({ op: z.literal('remove'), ...target }),
    /** Place the item right after `after`; null puts it first. */
    z
      .strictObject({ op: z.literal('move'), ...target, after: itemIdSchema.nullable() })
      .refine((move) => move.after !== move.id, { message: 'cannot place an item after itself', path: ['after'] }),
  ]);
}

const taskInputSchema = taskSchema.omit({ doneAt: true });
/**
 * A goal or wish is added without its author, or with the pusher's own role:
 * the author comes from the session (authorship.ts). `author` stays in the
 * update's fields only so that revisions stored before that rule still parse;
 * authorship.ts refuses a change of author.
 */
const ownAuthor = { author: participantRoleSchema.optional() };

export const planOperationSchema = z.discriminatedUnion('section', [
  sectionOps('goals', goalSchema.extend(ownAuthor).strict(), editable(goalSchema.pick({ text: true, author: true }))),
  sectionOps('needs', needSchema.strict(), editable(needSchema.pick({ text: true }))),
  sectionOps('tasks', taskInputSchema.strict(), editable(taskInputSchema.pick({ what: true, responsible: true, due: true, status: true, notDoneReason: true }))),
  sectionOps('medication', medicationNoteSchema.strict(), editable(medicationNoteSchema.pick({ text: true }))),
  sectionOps('aids', aidSchema.strict(), editable(aidSchema.pick({ what: true, status: true }))),
  sectionOps('contacts', contactSchema.strict(), editable(contactSchema.pick({ name: true, role: true, phone: true, whenToCall: true }))),
  sectionOps('wishes', wishSchema.extend(ownAuthor).strict(), editable(wishSchema.pick({ text: true, topic: true, author: true }))),
  /**
   * Comments are the record of what was said: added, never edited or removed;
   * a correction is a new comment.
   */
  z.discriminatedUnion('op', [
    z.strictObject({ op: z.literal('add'), section: z.literal('comments'), item: commentSchema.pick({ id: true, text: true }).strict() }),
  ]),
]);
export type PlanOperation = z.infer<typeof planOperationSchema>;
export type PlanOperationInput = z.input<typeof planOperationSchema>;
export type UpdateOperation = Extract<PlanOperation, { op: 'update' }>;

export const MAX_OPS_PER_PUSH = 100;

/** What a client sends: its edits since the last revision it had. */
export const planPushSchema = z.object({
  baseRevision: z.number().int().min(0),
  ops: z.array(planOperationSchema).min(1).max(MAX_OPS_PER_PUSH),
});
export type PlanPush = z.infer<typeof planPushSchema>;

/** One stored revision: who, when, and the operations that landed. */
export const planRevisionSchema = z.object({
  revision: z.number().int().min(1),
  by: editorSchema,
  at: instantSchema,
  ops: z.array(planOperationSchema).min(1),
});
export type PlanRevision = z.infer<typeof planRevisionSchema>;

/** The item an operation is about. */
export function targetId(op: PlanOperation): string {
  return op.op === 'add' ? op.item.id : op.id;
}

/** The fields an operation sets, for conflict checks and messages. */
export function fieldsSet(op: UpdateOperation): string[] {
  return Object.keys(op.set);
}

export type PlanPermission = Extract<Action, 'plan:edit-tasks' | 'plan:edit-wishes' | 'plan:comment'>;

/**
 * The professional parts of the plan are edited under `plan:edit-tasks`; the
 * patient's wishes and comments are open to patients and relatives too.
 */
export const SECTION_PERMISSION: Readonly<Record<PlanSection, PlanPermission>> = {
  goals: 'plan:edit-tasks',
  needs: 'plan:edit-tasks',
  tasks: 'plan:edit-tasks',
  medication: 'plan:edit-tasks',
  aids: 'plan:edit-tasks',
  contacts: 'plan:edit-tasks',
  wishes: 'plan:edit-wishes',
  comments: 'plan:comment',
};

export function permissionFor(op: PlanOperation): PlanPermission {
  return SECTION_PERMISSION[op.section];
}

/** Whether a revision changes what parties agree to; comments alone do not (see domain/agreement.ts). */
export function changesPlanContent(ops: readonly PlanOperation[]): boolean {
  return ops.some((op) => op.section !== 'comments');
}
