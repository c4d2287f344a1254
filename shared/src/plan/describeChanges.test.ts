import { expect, test } from 'vitest';
import { applyOperations } from './applyOperations.ts';
import { describeChanges, type PlanChange } from './describeChanges.ts';
import type { PlanDocument } from './planDocument.ts';
import { changesPlanContent, type PlanOperation } from './planOperations.ts';
import { anna, basePlan, CONTACT, GOAL, id, stampOf, TASK_1, TASK_2, TASK_3, WISH } from './testHelpers.ts';

function after(ops: PlanOperation[], from: PlanDocument = basePlan()): PlanDocument {
  const result = applyOperations(from, ops, stampOf(anna));
  if (!result.ok) throw new Error(`fixture: ${result.rejection.code}`);
  return result.doc;
}

test.each<[string, PlanOperation[], PlanChange[]]>([
  ['nothing', [], []],
  ['task added', [{ op: 'add', section: 'tasks', item: { id: id(4), what: 'GP home visit', responsible: { role: 'gp', person: 'Dr. Lind' }, due: null, status: 'open' } }], [{ kind: 'added', section: 'tasks', itemId: id(4), label: 'GP home visit' }]],
  ['task done: status and doneAt changed', [{ op: 'update', section: 'tasks', id: TASK_1, set: { status: 'done' } }], [{ kind: 'changed', section: 'tasks', itemId: TASK_1, label: 'Reception visit', fields: ['status', 'doneAt'] }]],
  ['wish changed', [{ op: 'update', section: 'wishes', id: WISH, set: { text: 'Stay at home with my cat' } }], [{ kind: 'changed', section: 'wishes', itemId: WISH, label: 'Stay at home with my cat', fields: ['text'] }]],
  ['goal removed: labelled as it was', [{ op: 'remove', section: 'goals', id: GOAL }], [{ kind: 'removed', section: 'goals', itemId: GOAL, label: 'Walk to the bakery again' }]],
  ['contact changed: labelled by name', [{ op: 'update', section: 'contacts', id: CONTACT, set: { phone: '70 11 31 31', whenToCall: 'Evenings' } }], [{ kind: 'changed', section: 'contacts', itemId: CONTACT, label: 'Hjemmesygeplejen', fields: ['phone', 'whenToCall'] }]],
  ['reordered', [{ op: 'move', section: 'tasks', id: TASK_3, after: null }], [{ kind: 'reordered', section: 'tasks' }]],
  ['an addition at the end is no reordering', [{ op: 'add', section: 'needs', item: { id: id(60), text: 'Meals' } }], [{ kind: 'added', section: 'needs', itemId: id(60), label: 'Meals' }]],
  ['a removal is no reordering', [{ op: 'remove', section: 'tasks', id: TASK_2 }], [{ kind: 'removed', section: 'tasks', itemId: TASK_2, label: 'Medication review' }]],
  ['a long text is cut to a line', [{ op: 'add', section: 'needs', item: { id: id(60), text: 'x'.repeat(100) } }], [{ kind: 'added', section: 'needs', itemId: id(60), label: `${'x'.repeat(79)}…` }]],
  [
    'several sections, in plan order',
    [
      { op: 'add', section: 'comments', item: { id: id(40), text: 'Agreed' } },
      { op: 'update', section: 'tasks', id: TASK_2, set: { due: '2026-04-01T08:00:00.000Z' } },
      { op: 'add', section: 'aids', item: { id: id(50), what: 'Walker', status: 'needed' } },
    ],
    [
      { kind: 'changed', section: 'tasks', itemId: TASK_2, label: 'Medication review', fields: ['due'] },
      { kind: 'added', section: 'aids', itemId: id(50), label: 'Walker' },
      { kind: 'added', section: 'comments', itemId: id(40), label: 'Agreed' },
    ],
  ],
])('%s', (_name, ops, expected) => {
  expect(describeChanges(basePlan(), after(ops))).toEqual(expected);
});

test('an edit undone within the span shows nothing', () => {
  const ops: PlanOperation[] = [
    { op: 'update', section: 'tasks', id: TASK_1, set: { what: 'Reception call' } },
    { op: 'update', section: 'tasks', id: TASK_1, set: { what: 'Reception visit' } },
  ];
  expect(describeChanges(basePlan(), after(ops))).toEqual([]);
});

test('the same values with keys in another order (as a database may return them) are no change', () => {
  const before = basePlan();
  const reordered = structuredClone(before);
  const task = reordered.tasks[0]!;
  task.responsible = { organisation: task.responsible.organisation, role: task.responsible.role };
  expect(describeChanges(before, reordered)).toEqual([]);
});

test.each<[string, PlanOperation[], boolean]>([
  ['comments only', [{ op: 'add', section: 'comments', item: { id: id(40), text: 'ok' } }], false],
  ['a task', [{ op: 'update', section: 'tasks', id: TASK_1, set: { status: 'done' } }], true],
  ['a comment and a wish', [{ op: 'add', section: 'comments', item: { id: id(40), text: 'ok' } }, { op: 'remove', section: 'wishes', id: WISH }], true],
])('changesPlanContent: %s → %s', (_name, ops, expected) => {
  expect(changesPlanContent(ops)).toBe(expected);
});
