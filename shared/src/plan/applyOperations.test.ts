import { describe, expect, test } from 'vitest';
import { applyOperation, applyOperations } from './applyOperations.ts';
import { PLAN_LIMITS, planDocumentSchema, type PlanDocument } from './planDocument.ts';
import type { PlanOperation } from './planOperations.ts';
import { anna, basePlan, CONTACT, GOAL, id, stampOf, T0, TASK_1, TASK_2, TASK_3, WISH } from './testHelpers.ts';

const stamp = stampOf(anna);
const ids = (doc: PlanDocument, section: keyof PlanDocument) => doc[section].map((item) => item.id);

describe('applyOperation: what lands', () => {
  test.each<[string, PlanOperation, (doc: PlanDocument) => unknown, unknown]>([
    ['add a task at the end', { op: 'add', section: 'tasks', item: { id: id(4), what: 'GP home visit', responsible: { role: 'gp', organisation: 'Lægehuset' }, due: null, status: 'open' } }, (doc) => ids(doc, 'tasks'), [TASK_1, TASK_2, TASK_3, id(4)]],
    ['add a task already done gets doneAt from the revision', { op: 'add', section: 'tasks', item: { id: id(4), what: 'Bed delivered', responsible: { role: 'relative' }, due: null, status: 'done' } }, (doc) => doc.tasks[3]?.doneAt, T0],
    ['add a comment: author and time from the revision', { op: 'add', section: 'comments', item: { id: id(40), text: 'Daughter visits on Sundays' } }, (doc) => doc.comments[0], { id: id(40), text: 'Daughter visits on Sundays', by: anna, at: T0 }],
    ['add a wish', { op: 'add', section: 'wishes', item: { id: id(21), text: 'Keep the cat', topic: 'general', author: 'relative' } }, (doc) => ids(doc, 'wishes'), [WISH, id(21)]],
    ['add an aid', { op: 'add', section: 'aids', item: { id: id(50), what: 'Walker', status: 'needed' } }, (doc) => doc.aids, [{ id: id(50), what: 'Walker', status: 'needed' }]],
    ['update one field, the others stay', { op: 'update', section: 'tasks', id: TASK_2, set: { what: 'Medication review with pharmacist' } }, (doc) => doc.tasks[1], { ...basePlan().tasks[1], what: 'Medication review with pharmacist' }],
    ['due time with an offset is stored in UTC', { op: 'update', section: 'tasks', id: TASK_2, set: { due: '2026-04-01T10:00:00+02:00' } }, (doc) => doc.tasks[1]?.due, '2026-04-01T08:00:00.000Z'],
    ['mark done: doneAt is the revision time', { op: 'update', section: 'tasks', id: TASK_1, set: { status: 'done' } }, (doc) => [doc.tasks[0]?.status, doc.tasks[0]?.doneAt], ['done', T0]],
    ['cancel: no doneAt', { op: 'update', section: 'tasks', id: TASK_1, set: { status: 'cancelled' } }, (doc) => [doc.tasks[0]?.status, doc.tasks[0]?.doneAt], ['cancelled', null]],
    ['text is trimmed', { op: 'update', section: 'goals', id: GOAL, set: { text: '  Walk to the bakery  ' } }, (doc) => doc.goals[0]?.text, 'Walk to the bakery'],
    ['remove', { op: 'remove', section: 'tasks', id: TASK_2 }, (doc) => ids(doc, 'tasks'), [TASK_1, TASK_3]],
    ['move first', { op: 'move', section: 'tasks', id: TASK_3, after: null }, (doc) => ids(doc, 'tasks'), [TASK_3, TASK_1, TASK_2]],
    ['move after another', { op: 'move', section: 'tasks', id: TASK_1, after: TASK_2 }, (doc) => ids(doc, 'tasks'), [TASK_2, TASK_1, TASK_3]],
    ['move to the end', { op: 'move', section: 'tasks', id: TASK_1, after: TASK_3 }, (doc) => ids(doc, 'tasks'), [TASK_2, TASK_3, TASK_1]],
    ['change a contact number', { op: 'update', section: 'contacts', id: CONTACT, set: { phone: '+45 70 11 31 31' } }, (doc) => doc.contacts[0]?.phone, '+45 70 11 31 31'],
  ])('%s', (_name, op, pick, expected) => {
    const result = applyOperation(basePlan(), op, stamp);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(pick(result.doc)).toEqual(expected);
    expect(planDocumentSchema.parse(result.doc)).toEqual(result.doc);
  });

  test.each([
    ['done stays done: the first doneAt is kept', 'done', '2026-03-28T10:00:00.000Z', 'done', '2026-03-28T10:00:00.000Z'],
    ['reopened: doneAt cleared', 'done', '2026-03-28T10:00:00.000Z', 'open', null],
    ['open becomes done: stamped', 'open', null, 'done', T0],
  ] as const)('doneAt follows status: %s', (_name, from, doneAt, to, expected) => {
    const doc = basePlan();
    doc.tasks[0] = { ...doc.tasks[0]!, status: from, doneAt };
    const result = applyOperation(doc, { op: 'update', section: 'tasks', id: TASK_1, set: { status: to } }, stamp);
    expect(result.ok && result.doc.tasks[0]?.doneAt).toBe(expected);
  });

  test('does not change the document it was given', () => {
    const doc = basePlan();
    applyOperation(doc, { op: 'remove', section: 'tasks', id: TASK_1 }, stamp);
    expect(doc).toEqual(basePlan());
  });
});

describe('applyOperation: what is refused, and why', () => {
  const fullGoals = (): PlanDocument => ({ ...basePlan(), goals: Array.from({ length: PLAN_LIMITS.itemsPerSection }, (_, i) => ({ id: id(1000 + i), text: `Goal ${i}`, author: 'patient' as const })) });
  const asOp = (value: unknown) => value as PlanOperation;

  test.each<[string, PlanDocument, PlanOperation, unknown]>([
    ['update of an unknown item', basePlan(), { op: 'update', section: 'tasks', id: id(99), set: { what: 'x' } }, { code: 'ITEM_NOT_FOUND', section: 'tasks', itemId: id(99) }],
    ['remove of an unknown item', basePlan(), { op: 'remove', section: 'wishes', id: id(99) }, { code: 'ITEM_NOT_FOUND', section: 'wishes', itemId: id(99) }],
    ['the id of a task is not a wish', basePlan(), { op: 'remove', section: 'wishes', id: TASK_1 }, { code: 'ITEM_NOT_FOUND', section: 'wishes', itemId: TASK_1 }],
    ['move after an unknown item', basePlan(), { op: 'move', section: 'tasks', id: TASK_1, after: id(99) }, { code: 'ITEM_NOT_FOUND', section: 'tasks', itemId: id(99) }],
    ['add with an id in use', basePlan(), { op: 'add', section: 'wishes', item: { id: WISH, text: 'x', topic: 'general', author: 'patient' } }, { code: 'DUPLICATE_ID', section: 'wishes', itemId: WISH }],
    ['add to a full section', fullGoals(), { op: 'add', section: 'goals', item: { id: id(5), text: 'One more', author: 'patient' } }, { code: 'SECTION_FULL', section: 'goals', max: 100 }],
  ])('%s', (_name, doc, op, rejection) => {
    expect(applyOperation(doc, op, stamp)).toEqual({ ok: false, rejection });
  });

  test.each<[string, unknown, string]>([
    ['text too long', { op: 'update', section: 'goals', id: GOAL, set: { text: 'x'.repeat(PLAN_LIMITS.longText + 1) } }, 'set.text'],
    ['empty text', { op: 'update', section: 'goals', id: GOAL, set: { text: '   ' } }, 'set.text'],
    ['control characters', { op: 'update', section: 'goals', id: GOAL, set: { text: 'a\u0007b' } }, 'set.text'],
    ['an update that sets nothing', { op: 'update', section: 'goals', id: GOAL, set: {} }, 'set'],
    ['a field that is not editable (doneAt)', { op: 'update', section: 'tasks', id: TASK_1, set: { doneAt: T0 } }, 'set'],
    ['an unknown field is refused, not dropped', { op: 'add', section: 'aids', item: { id: id(50), what: 'Walker', status: 'needed', colour: 'red' } }, 'item'],
    ['comments cannot be edited', { op: 'update', section: 'comments', id: id(40), set: { text: 'x' } }, 'op'],
    ['a comment cannot carry its own author', { op: 'add', section: 'comments', item: { id: id(40), text: 'hi', by: anna, at: T0 } }, 'item'],
    ['staff responsibility without organisation or person', { op: 'update', section: 'tasks', id: TASK_1, set: { responsible: { role: 'municipality' } } }, 'set.responsible.organisation'],
    ['due time without offset', { op: 'update', section: 'tasks', id: TASK_1, set: { due: '2026-04-01T10:00:00' } }, 'set.due'],
    ['not a phone number', { op: 'update', section: 'contacts', id: CONTACT, set: { phone: 'call me' } }, 'set.phone'],
    ['an id that is not a uuid', { op: 'remove', section: 'tasks', id: '1' }, 'id'],
    ['move after itself', { op: 'move', section: 'tasks', id: TASK_1, after: TASK_1 }, 'after'],
  ])('INVALID_VALUE: %s', (_name, op, path) => {
    const result = applyOperation(basePlan(), asOp(op), stamp);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.rejection.code).toBe('INVALID_VALUE');
    expect(result.rejection.code === 'INVALID_VALUE' && result.rejection.issues.map((issue) => issue.path)).toContain(path);
  });
});

describe('applyOperations: all or nothing', () => {
  test('stops at the first refusal and says which', () => {
    const ops: PlanOperation[] = [
      { op: 'update', section: 'tasks', id: TASK_1, set: { status: 'done' } },
      { op: 'remove', section: 'tasks', id: id(99) },
      { op: 'remove', section: 'tasks', id: TASK_2 },
    ];
    expect(applyOperations(basePlan(), ops, stamp)).toEqual({ ok: false, index: 1, rejection: { code: 'ITEM_NOT_FOUND', section: 'tasks', itemId: id(99) } });
  });

  test('applies in order', () => {
    const ops: PlanOperation[] = [
      { op: 'add', section: 'needs', item: { id: id(60), text: 'Help with stockings' } },
      { op: 'update', section: 'needs', id: id(60), set: { text: 'Help with compression stockings' } },
      { op: 'remove', section: 'tasks', id: TASK_2 },
    ];
    const result = applyOperations(basePlan(), ops, stamp);
    expect(result.ok && [result.doc.needs, ids(result.doc, 'tasks')]).toEqual([[{ id: id(60), text: 'Help with compression stockings' }], [TASK_1, TASK_3]]);
  });
});
