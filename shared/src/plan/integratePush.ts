import type { Action } from '../domain/permissions.ts';
import { issuesFromZod } from '../errors.ts';
import { applyOperation, type RevisionStamp } from './applyOperations.ts';
import { authorshipRejection } from './authorship.ts';
import type { PlanDocument } from './planDocument.ts';
import { permissionFor, planOperationSchema, targetId, type PlanOperation, type PlanRevision } from './planOperations.ts';
import type { PlanRejection } from './planRejection.ts';
import { conflictChecker, type RejectedOperation } from './rebase.ts';
import { responsibilityRejection } from './responsibility.ts';

export interface PushInput {
  /** The plan at the server's current revision. */
  readonly doc: PlanDocument;
  /** The client's operations, made against its base revision. */
  readonly ops: readonly PlanOperation[];
  /** Revisions committed after the client's base revision, oldest first. */
  readonly committedSince: readonly PlanRevision[];
  /** The pushing person and the time of the revision this push becomes. */
  readonly stamp: RevisionStamp;
  /** What the pushing actor may do in this episode (domain/permissions.ts: allowedActions). */
  readonly allowed: readonly Action[];
  /** The pusher's organisation's name, for staff: whether a task is theirs to close (responsibility.ts). */
  readonly organisation?: string;
}

export interface PushResult {
  readonly doc: PlanDocument;
  /** What landed, normalised as stored: the new revision's operations (none → no new revision). */
  readonly applied: readonly PlanOperation[];
  /** What did not, each with its reason, in the client's order. */
  readonly rejected: readonly RejectedOperation[];
}

/**
 * The server's answer to a push, and the client's prediction of it.
 *
 * A push is not atomic: each operation lands or is rejected on its own. A
 * push is whatever one person typed since the last acknowledgement, batched by
 * the network, not one decision; making it all-or-nothing would throw away a
 * nurse's three unrelated task edits because a relative changed the due date
 * of a fourth. What must stay together is one operation (a task's status and
 * its doneAt), and an operation is never split. An operation that depended on
 * a rejected one (an edit of an item whose addition was refused) is rejected
 * in turn as ITEM_NOT_FOUND. Another's goal or wish is not rewritten or
 * removed (authorship.ts: NOT_AUTHOR), nor another's task marked done or not
 * done (responsibility.ts: NOT_RESPONSIBLE), and those refusals too cost the
 * push nothing else.
 */
export function integratePush({ doc, ops, committedSince, stamp, allowed, organisation }: PushInput): PushResult {
  const actor = { role: stamp.by.role, name: stamp.by.name, ...(organisation === undefined ? {} : { organisation }) };
  const conflictWith = conflictChecker(committedSince, stamp.by.id);
  const rejected: RejectedOperation[] = [];
  const applied: PlanOperation[] = [];
  let current = doc;

  ops.forEach((op, index) => {
    const reject = (rejection: PlanRejection): void => {
      rejected.push({ index, op, rejection });
    };
    // Parsed first so conflicts compare stored forms (a due time in UTC equals the same instant with an offset).
    const parsed = planOperationSchema.safeParse(op);
    if (!parsed.success) return reject({ code: 'INVALID_VALUE', issues: issuesFromZod(parsed.error) });
    const permission = permissionFor(parsed.data);
    if (!allowed.includes(permission)) return reject({ code: 'FORBIDDEN', section: op.section, itemId: targetId(op), permission });
    const notTheirs = authorshipRejection(current, parsed.data, stamp.by.role);
    if (notTheirs) return reject(notTheirs);
    const notTheirTask = responsibilityRejection(current, parsed.data, actor);
    if (notTheirTask) return reject(notTheirTask);
    const conflict = conflictWith(parsed.data);
    if (conflict) return reject(conflict);
    const result = applyOperation(current, parsed.data, stamp);
    if (!result.ok) return reject(result.rejection);
    current = result.doc;
    applied.push(result.op);
  });
  return { doc: current, applied, rejected };
}
