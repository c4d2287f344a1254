import { issuesFromZod } from '../errors.ts';
import { sectionLimit, type Editor, type PlanDocument, type PlanItem, type PlanSection } from './planDocument.ts';
import { planOperationSchema, targetId, type PlanOperation } from './planOperations.ts';
import type { PlanRejection } from './planRejection.ts';

/** The revision an operation lands in: it stamps comments and the time a task was done. */
export interface RevisionStamp {
  readonly by: Editor;
  /** ISO instant (UTC). */
  readonly at: string;
}

export type ApplyResult =
  /** `op` is the operation as parsed: instants in UTC, text trimmed — the form to store. */
  | { readonly ok: true; readonly doc: PlanDocument; readonly op: PlanOperation }
  | { readonly ok: false; readonly rejection: PlanRejection };

type AnyItem = PlanItem & Record<string, unknown>;

function items(doc: PlanDocument, section: PlanSection): readonly AnyItem[] {
  return doc[section] as readonly AnyItem[];
}

function withSection(doc: PlanDocument, section: PlanSection, next: readonly AnyItem[]): PlanDocument {
  return { ...doc, [section]: next };
}

/**
 * The stored item for an added one: comments get their author and time, tasks
 * their doneAt, goals and wishes the role of who added them. (A goal or wish
 * that names its author is either from before authorship was enforced or was
 * checked by integratePush to name the pusher's own role.)
 */
function materialise(op: Extract<PlanOperation, { op: 'add' }>, stamp: RevisionStamp): AnyItem {
  switch (op.section) {
    case 'comments':
      return { ...op.item, by: stamp.by, at: stamp.at };
    case 'tasks':
      return { ...op.item, doneAt: op.item.status === 'done' ? stamp.at : null };
    case 'goals':
    case 'wishes':
      return { ...op.item, author: op.item.author ?? stamp.by.role };
    default:
      return op.item as AnyItem;
  }
}

/**
 * doneAt follows status: kept while a done task stays done, set when it
 * becomes done, cleared otherwise. A reason for not doing it goes when the
 * task is no longer "not done".
 */
function updated(section: PlanSection, item: AnyItem, set: Record<string, unknown>, stamp: RevisionStamp): AnyItem {
  const next = { ...item, ...set };
  if (section === 'tasks' && 'status' in set) {
    next.doneAt = set.status !== 'done' ? null : item.status === 'done' ? item.doneAt : stamp.at;
    // A reason sent with another status is refused below, not dropped.
    if (set.status !== 'not_done' && !('notDoneReason' in set)) delete next.notDoneReason;
  }
  return next;
}

/** "Not done" always says why, and only "not done" has a reason: checked on the task as it would stand. */
function taskReasonRejection(task: AnyItem): PlanRejection | null {
  const hasReason = task.notDoneReason !== undefined;
  if (task.status === 'not_done' && !hasReason) {
    return { code: 'INVALID_VALUE', issues: [{ path: 'notDoneReason', message: 'Say why the task was not done.' }] };
  }
  if (task.status !== 'not_done' && hasReason) {
    return { code: 'INVALID_VALUE', issues: [{ path: 'notDoneReason', message: 'Only a task that was not done has a reason.' }] };
  }
  return null;
}

/**
 * One operation, or why it cannot apply to this document. (Plain slices, not
 * Array#with/toSpliced: patients join from old tablets whose browsers lack them.)
 */
export function applyOperation(doc: PlanDocument, input: PlanOperation, stamp: RevisionStamp): ApplyResult {
  // Re-checked here so a client that builds an op from a form gets INVALID_VALUE, and instants are normalised.
  const parsed = planOperationSchema.safeParse(input);
  if (!parsed.success) return { ok: false, rejection: { code: 'INVALID_VALUE', issues: issuesFromZod(parsed.error) } };
  const op = parsed.data;
  const { section } = op;
  const id = targetId(op);
  const list = items(doc, section);
  const index = list.findIndex((item) => item.id === id);
  const notFound: ApplyResult = { ok: false, rejection: { code: 'ITEM_NOT_FOUND', section, itemId: id } };

  switch (op.op) {
    case 'add': {
      if (index !== -1) return { ok: false, rejection: { code: 'DUPLICATE_ID', section, itemId: id } };
      const max = sectionLimit(section);
      if (list.length >= max) return { ok: false, rejection: { code: 'SECTION_FULL', section, max } };
      const added = materialise(op, stamp);
      const invalid = section === 'tasks' ? taskReasonRejection(added) : null;
      if (invalid) return { ok: false, rejection: invalid };
      return { ok: true, op, doc: withSection(doc, section, [...list, added]) };
    }
    case 'update': {
      const item = list[index];
      if (item === undefined) return notFound;
      const next = updated(section, item, op.set, stamp);
      const invalid = section === 'tasks' ? taskReasonRejection(next) : null;
      if (invalid) return { ok: false, rejection: invalid };
      return { ok: true, op, doc: withSection(doc, section, list.map((other, i) => (i === index ? next : other))) };
    }
    case 'remove': {
      if (index === -1) return notFound;
      return { ok: true, op, doc: withSection(doc, section, list.filter((_, i) => i !== index)) };
    }
    case 'move': {
      const item = list[index];
      if (item === undefined) return notFound;
      const rest = list.filter((_, i) => i !== index);
      const at = op.after === null ? 0 : rest.findIndex((other) => other.id === op.after) + 1;
      if (at === 0 && op.after !== null) return { ok: false, rejection: { code: 'ITEM_NOT_FOUND', section, itemId: op.after } };
      return { ok: true, op, doc: withSection(doc, section, [...rest.slice(0, at), item, ...rest.slice(at)]) };
    }
  }
}

export type ApplyAllResult =
  | { readonly ok: true; readonly doc: PlanDocument }
  | { readonly ok: false; readonly index: number; readonly rejection: PlanRejection };

/**
 * All operations or none: for replaying stored revisions and for a client's
 * optimistic view. Pushes from clients go through integratePush, which lets
 * the operations that can land, land.
 */
export function applyOperations(doc: PlanDocument, ops: readonly PlanOperation[], stamp: RevisionStamp): ApplyAllResult {
  let current = doc;
  for (const [index, op] of ops.entries()) {
    const result = applyOperation(current, op, stamp);
    if (!result.ok) return { ok: false, index, rejection: result.rejection };
    current = result.doc;
  }
  return { ok: true, doc: current };
}
