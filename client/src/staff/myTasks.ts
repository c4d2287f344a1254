/**
 * The plan tasks that are mine to do, across my episodes: named to me, or
 * to my organisation without a person named. Done and cancelled tasks are
 * not on anyone's day.
 */
import type { EpisodeSummary, PlanDocument, Task } from '@samplan/shared';
import type { StaffPrincipal } from '../app/auth.tsx';

export type MyTask = { episode: Pick<EpisodeSummary, 'id' | 'patient'>; task: Task };

export function myTasks(plans: ReadonlyArray<{ episode: Pick<EpisodeSummary, 'id' | 'patient'>; document: PlanDocument }>, me: Pick<StaffPrincipal, 'name' | 'organisation'>): MyTask[] {
  const mine = (task: Task) =>
    task.status === 'open' && (task.responsible.person === me.name || (task.responsible.person === undefined && task.responsible.organisation === me.organisation.name));
  const due = (entry: MyTask) => (entry.task.due ? new Date(entry.task.due).getTime() : Number.POSITIVE_INFINITY);
  return plans.flatMap(({ episode, document }) => document.tasks.filter(mine).map((task) => ({ episode, task }))).sort((a, b) => due(a) - due(b));
}
