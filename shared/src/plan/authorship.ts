import type { ParticipantRole } from '../roles.ts';
import type { PlanDocument, PlanItem, PlanSection } from './planDocument.ts';
import type { PlanOperation } from './planOperations.ts';
import type { PlanRejection } from './planRejection.ts';

/**
 * Who wrote an item, and who may change it.
 *
 * Goals and wishes are someone's words: what the patient wants to be able to
 * do again, what she wants at the end of her life. Each carries its `author`:
 * the role of the person who added it, taken from their session when the item
 * lands (applyOperations.ts). A client leaves it out, or names its own role;
 * naming another's is refused, so nobody writes in the patient's name.
 *
 * The rule, for goals and wishes alike:
 * - the author may change or remove the item;
 * - the patient may too: they are her goals and wishes, also when a relative
 *   or the ward wrote them down for her;
 * - anyone else who may edit the section comments instead (the plan's
 *   comments section) rather than rewriting another's words;
 * - an item's author never changes.
 * Only the care team adds goals (SECTION_PERMISSION), so a goal is changed by
 * the sector that wrote it down, not rewritten by another.
 *
 * The other sections are the care team's shared work; the section permission
 * alone decides there. Moving an item changes nobody's words and is open to
 * everyone who may edit the section.
 */

export const AUTHORED_SECTIONS = ['goals', 'wishes'] as const satisfies readonly PlanSection[];
export type AuthoredSection = (typeof AUTHORED_SECTIONS)[number];

export function isAuthored(section: PlanSection): section is AuthoredSection {
  return (AUTHORED_SECTIONS as readonly PlanSection[]).includes(section);
}

/** Whether someone in `role` may change or remove this item (the client shows its edit and remove buttons by this). */
export function mayChangeItem(section: PlanSection, item: PlanItem, role: ParticipantRole): boolean {
  if (!isAuthored(section) || !('author' in item)) return true;
  return role === item.author || role === 'patient';
}

/** Why this operation by someone in `role` would change words that are not theirs; null when it does not. */
export function authorshipRejection(doc: PlanDocument, op: PlanOperation, role: ParticipantRole): PlanRejection | null {
  if (!isAuthored(op.section)) return null;
  switch (op.op) {
    case 'add': {
      const named = 'author' in op.item ? op.item.author : undefined;
      if (named === undefined || named === role) return null;
      return { code: 'INVALID_VALUE', issues: [{ path: 'item.author', message: 'An item is written in your own name: leave the author out.' }] };
    }
    case 'update':
    case 'remove': {
      const item = (doc[op.section] as readonly PlanItem[]).find((entry) => entry.id === op.id);
      // An item that is not there is applyOperation's or the rebase's to report (ITEM_NOT_FOUND, ITEM_REMOVED).
      if (item === undefined || !('author' in item)) return null;
      if (!mayChangeItem(op.section, item, role)) return { code: 'NOT_AUTHOR', section: op.section, itemId: op.id, author: item.author };
      if (op.op === 'update' && 'author' in op.set && op.set.author !== undefined && op.set.author !== item.author) {
        return { code: 'INVALID_VALUE', issues: [{ path: 'set.author', message: 'The author of an item does not change.' }] };
      }
      return null;
    }
    case 'move':
      return null;
  }
}
