import { emptyPlan, type Editor, type PlanDocument } from './planDocument.ts';
import type { PlanOperation, PlanRevision } from './planOperations.ts';

/** Readable, valid v4 uuids: id(1) = 00000000-0000-4000-8000-000000000001. */
export const id = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

export const anna: Editor = { id: 'session-anna', name: 'Anna', role: 'municipality' };
export const bo: Editor = { id: 'session-bo', name: 'Bo', role: 'hospital' };
export const karen: Editor = { id: 'session-karen', name: 'Karen', role: 'patient' };

export const T0 = '2026-03-27T09:00:00.000Z';
export const stampOf = (by: Editor, at = T0) => ({ by, at });

export const TASK_1 = id(1);
export const TASK_2 = id(2);
export const TASK_3 = id(3);
export const GOAL = id(10);
export const WISH = id(20);
export const CONTACT = id(30);

/** A plan as it might stand after the goal conversation, where the ward (Bo's role) wrote down her goal and wish. */
export function basePlan(): PlanDocument {
  const homeCare = { role: 'municipality', organisation: 'Aarhus hjemmepleje' } as const;
  return {
    ...emptyPlan(),
    goals: [{ id: GOAL, text: 'Walk to the bakery again', author: 'hospital' }],
    tasks: [
      { id: TASK_1, what: 'Reception visit', responsible: homeCare, due: '2026-03-29T13:00:00.000Z', status: 'open', doneAt: null },
      { id: TASK_2, what: 'Medication review', responsible: { role: 'gp', person: 'Dr. Lind' }, due: null, status: 'open', doneAt: null },
      { id: TASK_3, what: 'Order a walker', responsible: homeCare, due: null, status: 'open', doneAt: null },
    ],
    wishes: [{ id: WISH, text: 'Stay at home', topic: 'end_of_life', author: 'hospital' }],
    contacts: [{ id: CONTACT, name: 'Hjemmesygeplejen', role: 'Home nurses', phone: '87 13 00 00', whenToCall: 'Day and night on worsening' }],
  };
}

export const revision = (number: number, by: Editor, ops: PlanOperation[], at = T0): PlanRevision => ({ revision: number, by, at, ops });
