/**
 * The plan tasks that are someone's to do, across their episodes: named to
 * them, or to their organisation without a person named. Done and cancelled
 * tasks are not on anyone's day. Soonest due first; undated last.
 */
import type { PlanDocument, Task } from './planDocument.ts';

export type TaskHolder = { readonly name: string; readonly organisationName: string };

export function myTasks<E>(plans: ReadonlyArray<{ episode: E; document: PlanDocument }>, me: TaskHolder): Array<{ episode: E; task: Task }> {
  const mine = (task: Task) =>
    task.status === 'open' && (task.responsible.person === me.name || (task.responsible.person === undefined && task.responsible.organisation === me.organisationName));
  const due = (task: Task) => (task.due ? new Date(task.due).getTime() : Number.POSITIVE_INFINITY);
  return plans.flatMap(({ episode, document }) => document.tasks.filter(mine).map((task) => ({ episode, task }))).sort((a, b) => due(a.task) - due(b.task));
}
