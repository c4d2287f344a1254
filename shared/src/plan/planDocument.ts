import { z } from 'zod';
import { displayNameSchema } from '../protocol/room.ts';
import { participantRoleSchema } from '../roles.ts';

/**
 * The shared care plan (*fælles plan*) of one episode: what everyone at the
 * conference sees and edits live. Every item has a client-generated id so an
 * edit names the item it means, not a position that may have shifted.
 */

export const PLAN_LIMITS = {
  shortText: 200,
  longText: 2000,
  itemsPerSection: 100,
  comments: 500,
} as const;

/** Newlines and tabs are fine in free text; other control characters are not. */
const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((value) => !/[\u0000-\u0008\u000b-\u001f\u007f]/.test(value), 'must not contain control characters');

export const shortTextSchema = text(PLAN_LIMITS.shortText);
export const longTextSchema = text(PLAN_LIMITS.longText);

export const itemIdSchema = z.uuid();
export type ItemId = z.infer<typeof itemIdSchema>;

/** Any ISO 8601 instant with an offset, stored in UTC so equal instants are equal strings. */
export const instantSchema = z.iso.datetime({ offset: true }).transform((value) => new Date(value).toISOString());

export const phoneSchema = z.string().trim().regex(/^\+?[0-9][0-9 -]{1,18}[0-9]$/, 'must be a phone number');

/** Who made a revision: shown as "changed by …" and in conflict messages. `id` identifies the editing session. */
export const editorSchema = z.object({
  id: z.string().min(1).max(100),
  name: displayNameSchema,
  role: participantRoleSchema,
});
export type Editor = z.infer<typeof editorSchema>;

const STAFF_ROLES: ReadonlySet<string> = new Set(['hospital', 'municipality', 'gp', 'geriatrician', 'out_of_hours_doctor']);

/** Who does a task: a sector, and for staff the organisation and/or the person, so "the municipality" alone is not enough. */
export const responsiblePartySchema = z
  .object({
    role: participantRoleSchema,
    organisation: shortTextSchema.optional(),
    person: shortTextSchema.optional(),
  })
  .refine((party) => !STAFF_ROLES.has(party.role) || party.organisation !== undefined || party.person !== undefined, {
    message: 'staff responsibility needs an organisation or a person',
    path: ['organisation'],
  });
export type ResponsibleParty = z.infer<typeof responsiblePartySchema>;

/** Goals in the patient's own words; `author` is the role of who wrote them down, set from their session (authorship.ts). */
export const goalSchema = z.object({ id: itemIdSchema, text: longTextSchema, author: participantRoleSchema });
export const needSchema = z.object({ id: itemIdSchema, text: longTextSchema });
/**
 * `done` and `not_done` are the responsible party's account of the task
 * (responsibility.ts); `not_done` carries why. `cancelled` is the care team
 * deciding the task is no longer needed.
 */
export const TASK_STATUSES = ['open', 'done', 'not_done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
/** The step of the pathway after discharge a task stands for: recording that visit closes it. */
export const TASK_PATHWAYS = ['reception_visit', 'follow_up_home_visit', 'day_after_check'] as const;
export type TaskPathway = (typeof TASK_PATHWAYS)[number];
export const taskSchema = z.object({
  id: itemIdSchema,
  what: longTextSchema,
  responsible: responsiblePartySchema,
  due: instantSchema.nullable(),
  status: z.enum(TASK_STATUSES),
  /** Set from the revision that marked the task done; never sent by a client. */
  doneAt: instantSchema.nullable(),
  /** Why the task was not done: present exactly while status is `not_done` (applyOperations.ts keeps it so). */
  notDoneReason: longTextSchema.optional(),
  pathway: z.enum(TASK_PATHWAYS).optional(),
});
export const medicationNoteSchema = z.object({ id: itemIdSchema, text: longTextSchema });
/** Aids (*hjælpemidler*): walker, bath chair, hospital bed… */
export const AID_STATUSES = ['needed', 'ordered', 'in_place'] as const;
export const aidSchema = z.object({ id: itemIdSchema, what: shortTextSchema, status: z.enum(AID_STATUSES) });
/** Where to call. The 7-day advice line is not stored: the UI shows it while the advice window is open. */
export const contactSchema = z.object({
  id: itemIdSchema,
  name: shortTextSchema,
  role: shortTextSchema,
  phone: phoneSchema,
  whenToCall: longTextSchema,
});
/** The patient's wishes; `author` as for goals, and who may change them too (authorship.ts). */
export const WISH_TOPICS = ['general', 'end_of_life'] as const;
export const wishSchema = z.object({
  id: itemIdSchema,
  text: longTextSchema,
  topic: z.enum(WISH_TOPICS),
  author: participantRoleSchema,
});
/** `by` and `at` come from the revision that added the comment, so nobody can write in another's name. */
export const commentSchema = z.object({ id: itemIdSchema, text: longTextSchema, by: editorSchema, at: instantSchema });

export type Goal = z.infer<typeof goalSchema>;
export type Need = z.infer<typeof needSchema>;
export type Task = z.infer<typeof taskSchema>;
export type MedicationNote = z.infer<typeof medicationNoteSchema>;
export type Aid = z.infer<typeof aidSchema>;
export type Contact = z.infer<typeof contactSchema>;
export type Wish = z.infer<typeof wishSchema>;
export type PlanComment = z.infer<typeof commentSchema>;

export const PLAN_SECTIONS = ['goals', 'needs', 'tasks', 'medication', 'aids', 'contacts', 'wishes', 'comments'] as const;
export const planSectionSchema = z.enum(PLAN_SECTIONS);
export type PlanSection = z.infer<typeof planSectionSchema>;

export const SECTION_ITEM_SCHEMAS = {
  goals: goalSchema,
  needs: needSchema,
  tasks: taskSchema,
  medication: medicationNoteSchema,
  aids: aidSchema,
  contacts: contactSchema,
  wishes: wishSchema,
  comments: commentSchema,
} as const satisfies Record<PlanSection, z.ZodType>;

export function sectionLimit(section: PlanSection): number {
  return section === 'comments' ? PLAN_LIMITS.comments : PLAN_LIMITS.itemsPerSection;
}

const section = <T extends z.ZodObject>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .refine((items) => new Set(items.map((entry) => entry.id)).size === items.length, 'item ids must be unique');

export const planDocumentSchema = z.object({
  goals: section(goalSchema, PLAN_LIMITS.itemsPerSection),
  needs: section(needSchema, PLAN_LIMITS.itemsPerSection),
  tasks: section(taskSchema, PLAN_LIMITS.itemsPerSection),
  medication: section(medicationNoteSchema, PLAN_LIMITS.itemsPerSection),
  aids: section(aidSchema, PLAN_LIMITS.itemsPerSection),
  contacts: section(contactSchema, PLAN_LIMITS.itemsPerSection),
  wishes: section(wishSchema, PLAN_LIMITS.itemsPerSection),
  comments: section(commentSchema, PLAN_LIMITS.comments),
});
export type PlanDocument = z.infer<typeof planDocumentSchema>;
export type PlanItem<S extends PlanSection = PlanSection> = PlanDocument[S][number];

/** Revision 0 of every plan. */
export function emptyPlan(): PlanDocument {
  return { goals: [], needs: [], tasks: [], medication: [], aids: [], contacts: [], wishes: [], comments: [] };
}
