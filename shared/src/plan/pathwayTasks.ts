import { followUpVisitDue, receptionVisitDue } from '../domain/episodeClocks.ts';
import type { PlanDocument, ResponsibleParty, TaskPathway } from './planDocument.ts';
import type { PlanOperation } from './planOperations.ts';

/**
 * The tasks the pathway puts in every plan at discharge, and the visit that
 * closes each. They are ordinary tasks (anyone may reword or move them) that
 * carry a `pathway` marker, so a task the care team already wrote by hand is
 * not doubled once it carries the marker, and recording the visit finds it.
 */

/** What the home nurse is asked to do after a discharge, in the words the plan shows. */
const DISCHARGE_TASKS: ReadonlyArray<{ pathway: TaskPathway; what: string; due(dischargedAt: Date): Date }> = [
  { pathway: 'reception_visit', what: 'Modtagebesøg hos borgeren (senest 24 timer efter udskrivelsen)', due: receptionVisitDue },
  { pathway: 'follow_up_home_visit', what: 'Opfølgende hjemmebesøg (senest 8 dage efter udskrivelsen)', due: followUpVisitDue },
];

/**
 * The additions that make the plan hold the reception visit and the
 * follow-up home visit, each for the home nurses of `homeCare`; none for a
 * step the plan already has a task for, whatever its state.
 */
export function dischargeTaskOps(doc: PlanDocument, dischargedAt: Date, homeCare: ResponsibleParty, newId: () => string): PlanOperation[] {
  const present = new Set(doc.tasks.map((task) => task.pathway));
  return DISCHARGE_TASKS.filter(({ pathway }) => !present.has(pathway)).map(({ pathway, what, due }) => ({
    op: 'add',
    section: 'tasks',
    item: { id: newId(), what, responsible: homeCare, due: due(dischargedAt).toISOString(), status: 'open', pathway },
  }));
}

/** Marks done the open task of this step (the one due first, if the team made two); none when there is none. */
export function visitTaskOps(doc: PlanDocument, pathway: TaskPathway): PlanOperation[] {
  const open = doc.tasks.filter((task) => task.pathway === pathway && task.status === 'open');
  const dueAt = (due: string | null) => (due === null ? Number.POSITIVE_INFINITY : Date.parse(due));
  const first = open.reduce<(typeof open)[number] | undefined>((best, task) => (best === undefined || dueAt(task.due) < dueAt(best.due) ? task : best), undefined);
  return first === undefined ? [] : [{ op: 'update', section: 'tasks', id: first.id, set: { status: 'done' } }];
}
