import { describe, expect, test } from 'vitest';
import { applyOperations } from './applyOperations.ts';
import type { PlanDocument, ResponsibleParty } from './planDocument.ts';
import { dischargeTaskOps, visitTaskOps } from './pathwayTasks.ts';
import { anna, basePlan, id, stampOf } from './testHelpers.ts';

const homeCare: ResponsibleParty = { role: 'municipality', organisation: 'Aarhus Kommune' };
// 10:30 local on 30 March 2026, the day after the move to summer time.
const DISCHARGED = new Date('2026-03-30T08:30:00.000Z');

function ids() {
  let n = 100;
  return () => id(n++);
}

function apply(doc: PlanDocument, ops: ReturnType<typeof dischargeTaskOps>): PlanDocument {
  const result = applyOperations(doc, ops, stampOf(anna));
  if (!result.ok) throw new Error(result.rejection.code);
  return result.doc;
}

describe('the pathway’s tasks at discharge', () => {
  test('adds the reception visit (24 h) and the follow-up home visit (8 days) for home care', () => {
    const doc = apply(basePlan(), dischargeTaskOps(basePlan(), DISCHARGED, homeCare, ids()));
    expect(doc.tasks.slice(3).map(({ pathway, due, responsible, status }) => ({ pathway, due, responsible, status }))).toEqual([
      { pathway: 'reception_visit', due: '2026-03-31T08:30:00.000Z', responsible: homeCare, status: 'open' },
      { pathway: 'follow_up_home_visit', due: '2026-04-07T08:30:00.000Z', responsible: homeCare, status: 'open' },
    ]);
  });

  test('adds nothing for a step already in the plan, whatever its state; twice is once', () => {
    const once = apply(basePlan(), dischargeTaskOps(basePlan(), DISCHARGED, homeCare, ids()));
    expect(dischargeTaskOps(once, DISCHARGED, homeCare, ids())).toEqual([]);
    const cancelled = { ...basePlan(), tasks: [{ ...basePlan().tasks[0]!, status: 'cancelled' as const, pathway: 'reception_visit' as const }] };
    expect(dischargeTaskOps(cancelled, DISCHARGED, homeCare, ids()).map((op) => op.op === 'add' && op.section === 'tasks' && op.item.pathway)).toEqual(['follow_up_home_visit']);
  });
});

describe('a visit closes its task', () => {
  const withTasks = apply(basePlan(), dischargeTaskOps(basePlan(), DISCHARGED, homeCare, ids()));

  test.each(['reception_visit', 'follow_up_home_visit'] as const)('%s marks its open task done', (pathway) => {
    const task = withTasks.tasks.find((entry) => entry.pathway === pathway)!;
    expect(visitTaskOps(withTasks, pathway)).toEqual([{ op: 'update', section: 'tasks', id: task.id, set: { status: 'done' } }]);
  });

  test('no open task of that step: nothing to do', () => {
    expect(visitTaskOps(withTasks, 'day_after_check')).toEqual([]);
    const done = apply(withTasks, visitTaskOps(withTasks, 'reception_visit'));
    expect(visitTaskOps(done, 'reception_visit')).toEqual([]);
  });
});
