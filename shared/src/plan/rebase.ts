import type { Editor } from './planDocument.ts';
import { targetId, type PlanOperation, type PlanRevision } from './planOperations.ts';
import type { PlanRejection } from './planRejection.ts';
import { sameValue } from './sameValue.ts';

/**
 * A client edited revision N; the server is at N+k. Which of its operations
 * still mean what the person meant?
 *
 * - Different items, or different fields of one item: all land.
 * - The same field set to a different value: the first writer wins; the later
 *   operation is rejected, naming the field and who set it.
 * - Edit, move or removal of an item removed meanwhile: rejected (ITEM_REMOVED).
 * - Removal of an item someone edited meanwhile: rejected (ITEM_CHANGED), so
 *   their edit is not thrown away unseen; the remover sees it and decides again.
 * - Two moves of one item: the first wins ("position" is its field).
 *
 * Revisions by the pushing session itself are not conflicts: it had already
 * seen its own edits when it made the later ones.
 *
 * Operations are compared as parsed by planOperationSchema (instants in UTC),
 * so the same due time written with another offset is the same value.
 */

export interface RebasedOperation {
  readonly index: number;
  readonly op: PlanOperation;
}
export interface RejectedOperation extends RebasedOperation {
  readonly rejection: PlanRejection;
}
export interface RebaseResult {
  readonly accepted: readonly RebasedOperation[];
  readonly rejected: readonly RejectedOperation[];
}

interface Write {
  readonly by: Editor;
  readonly revision: number;
}
interface FieldWrite extends Write {
  readonly value: unknown;
}

/** What happened to each item since the client's base revision, by others. */
class Since {
  readonly removed = new Map<string, Write>();
  readonly moved = new Map<string, Write>();
  readonly fields = new Map<string, Map<string, FieldWrite>>();

  constructor(revisions: readonly PlanRevision[], pusherId: string) {
    for (const { revision, by, ops } of revisions) {
      if (by.id === pusherId) continue;
      for (const op of ops) {
        const key = Since.key(op.section, targetId(op));
        if (op.op === 'remove') this.removed.set(key, { by, revision });
        if (op.op === 'move') this.moved.set(key, { by, revision });
        if (op.op === 'update') {
          const fields = this.fields.get(key) ?? new Map<string, FieldWrite>();
          for (const [field, value] of Object.entries(op.set)) fields.set(field, { by, revision, value });
          this.fields.set(key, fields);
        }
      }
    }
  }

  static key(section: string, id: string): string {
    return `${section}\u0000${id}`;
  }
}

function conflictOf(op: PlanOperation, since: Since): PlanRejection | null {
  if (op.op === 'add') return null;
  const { section, id: itemId } = op;
  const key = Since.key(section, itemId);
  const removed = since.removed.get(key);
  if (removed) return { code: 'ITEM_REMOVED', section, itemId, ...removed };
  const written = since.fields.get(key);

  switch (op.op) {
    case 'update': {
      const changes = Object.entries(op.set).flatMap(([field, value]) => {
        const write = written?.get(field);
        return write && !sameValue(write.value, value) ? [{ field, by: write.by, revision: write.revision }] : [];
      });
      return changes.length > 0 ? { code: 'FIELD_CHANGED', section, itemId, changes } : null;
    }
    case 'remove': {
      const changes = [...(written ?? [])].map(([field, write]) => ({ field, by: write.by, revision: write.revision }));
      return changes.length > 0 ? { code: 'ITEM_CHANGED', section, itemId, changes } : null;
    }
    case 'move': {
      const anchorRemoved = op.after === null ? undefined : since.removed.get(Since.key(section, op.after));
      if (anchorRemoved && op.after !== null) return { code: 'ANCHOR_REMOVED', section, itemId, anchorId: op.after, ...anchorRemoved };
      const moved = since.moved.get(key);
      return moved ? { code: 'FIELD_CHANGED', section, itemId, changes: [{ field: 'position', ...moved }] } : null;
    }
  }
}

/** Checks operations one at a time against what others committed since the base revision. */
export function conflictChecker(committedSince: readonly PlanRevision[], pusherId: string): (op: PlanOperation) => PlanRejection | null {
  const since = new Since(committedSince, pusherId);
  return (op) => conflictOf(op, since);
}

/**
 * Sorts a client's operations, in their order, into those that can go on top
 * of the committed revisions and those that conflict with them. Whether an
 * accepted operation then applies (the item exists, the section has room) is
 * applyOperation's call; integratePush does both.
 */
export function rebase(clientOps: readonly PlanOperation[], committedSince: readonly PlanRevision[], pusherId: string): RebaseResult {
  const conflictWith = conflictChecker(committedSince, pusherId);
  const accepted: RebasedOperation[] = [];
  const rejected: RejectedOperation[] = [];
  clientOps.forEach((op, index) => {
    const rejection = conflictWith(op);
    if (rejection) rejected.push({ index, op, rejection });
    else accepted.push({ index, op });
  });
  return { accepted, rejected };
}
