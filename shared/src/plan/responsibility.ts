import type { ParticipantRole } from '../roles.ts';
import type { PlanDocument, ResponsibleParty, Task, TaskStatus } from './planDocument.ts';
import type { PlanOperation } from './planOperations.ts';
import type { PlanRejection } from './planRejection.ts';

/**
 * Who gives the account of a task: whether it was done, or why not.
 *
 * The care team plans a task together (writes it, names who does it, sets
 * its due time, cancels it); but only the party it was given to says how it
 * went. Someone is that party when their role is the task's role and
 * - for staff: the task names them, or names their organisation (a colleague
 *   covers for the named nurse; the organisation answers for its tasks);
 * - for the patient and relatives: the task names nobody, or names them.
 * A task for staff names an organisation or a person (planDocument.ts), so
 * "the municipality" alone never lets every municipality close it.
 *
 * "Giving the account" is setting `done` or `not_done`, taking one of them
 * back (to `open` or `cancelled`), or adding a task already done or not done.
 */

/** The person acting, as the plan knows them: their role, their name and, for staff, their organisation's name. */
export interface TaskActor {
  readonly role: ParticipantRole;
  readonly name: string;
  readonly organisation?: string;
}

const OUTCOMES: ReadonlySet<TaskStatus> = new Set(['done', 'not_done']);
const GUESTS: ReadonlySet<ParticipantRole> = new Set(['patient', 'relative']);

/** Names are typed by hand into the plan: spacing and case are not a different person. */
function sameName(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  const norm = (value: string) => value.trim().replace(/\s+/g, ' ').toLocaleLowerCase('da');
  return norm(a) === norm(b);
}

export function isResponsible(party: ResponsibleParty, actor: TaskActor): boolean {
  if (party.role !== actor.role) return false;
  if (GUESTS.has(actor.role)) return party.person === undefined || sameName(party.person, actor.name);
  return sameName(party.person, actor.name) || sameName(party.organisation, actor.organisation);
}

/** Whether this status change gives or takes back the account of the task. */
export function isOutcomeChange(from: TaskStatus | undefined, to: TaskStatus): boolean {
  if (from === to) return false;
  return OUTCOMES.has(to) || (from !== undefined && OUTCOMES.has(from));
}

/** Whether the client shows "Udført" and "Ikke udført" on this task for this person. */
export function mayRecordOutcome(task: Pick<Task, 'responsible'>, actor: TaskActor): boolean {
  return isResponsible(task.responsible, actor);
}

/** Why this operation gives an account of a task that is not the actor's to give; null when it does not. */
export function responsibilityRejection(doc: PlanDocument, op: PlanOperation, actor: TaskActor): PlanRejection | null {
  if (op.section !== 'tasks') return null;
  switch (op.op) {
    case 'add': {
      if (!isOutcomeChange(undefined, op.item.status) || isResponsible(op.item.responsible, actor)) return null;
      return { code: 'NOT_RESPONSIBLE', section: 'tasks', itemId: op.item.id, responsible: op.item.responsible };
    }
    case 'update': {
      const task = doc.tasks.find((entry) => entry.id === op.id);
      // A task that is not there is applyOperation's or the rebase's to report.
      if (task === undefined) return null;
      const status = op.set.status;
      const changesOutcome = (status !== undefined && isOutcomeChange(task.status, status)) || op.set.notDoneReason !== undefined;
      if (!changesOutcome || isResponsible(task.responsible, actor)) return null;
      return { code: 'NOT_RESPONSIBLE', section: 'tasks', itemId: task.id, responsible: task.responsible };
    }
    case 'remove':
    case 'move':
      return null;
  }
}
