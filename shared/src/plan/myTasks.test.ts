import { describe, expect, it } from 'vitest';
import { myTasks } from './myTasks.ts';
import { emptyPlan, type Task } from './planDocument.ts';

const me = { name: 'Jesper Friis', organisationName: 'Odder Kommune' };
const episode = { id: 'e1', patient: { id: 'p1', name: 'Karen Margrethe Jensen', cpr: '120338-****' } };
let n = 0;
const task = (fields: Partial<Task> & Pick<Task, 'responsible'>): Task => ({ id: `t${++n}`, what: `task ${n}`, due: null, status: 'open', doneAt: null, ...fields });

describe('my tasks', () => {
  it('are the open tasks named to me or to my organisation with nobody named, soonest due first', () => {
    const tasks = [
      task({ what: 'later', responsible: { role: 'municipality', organisation: 'Odder Kommune' }, due: '2026-03-12T10:00:00.000Z' }),
      task({ what: 'reception visit', responsible: { role: 'municipality', organisation: 'Odder Kommune', person: 'Jesper Friis' }, due: '2026-03-11T10:00:00.000Z' }),
      task({ what: 'colleague', responsible: { role: 'municipality', organisation: 'Odder Kommune', person: 'Lone Mikkelsen' } }),
      task({ what: 'done', responsible: { role: 'municipality', person: 'Jesper Friis' }, status: 'done' }),
      task({ what: 'ward', responsible: { role: 'hospital', organisation: 'M2' } }),
    ];
    const mine = myTasks([{ episode, document: { ...emptyPlan(), tasks } }], me);
    expect(mine.map((entry) => entry.task.what)).toEqual(['reception visit', 'later']);
  });
});
