import { describe, expect, test } from 'vitest';
import { PERMISSIONS, type Action } from '../domain/permissions.ts';
import { applyOperations } from './applyOperations.ts';
import { integratePush, type PushResult } from './integratePush.ts';
import { PLAN_LIMITS, type PlanDocument } from './planDocument.ts';
import type { PlanOperation, PlanRevision } from './planOperations.ts';
import { anna, basePlan, bo, GOAL, id, karen, revision, stampOf, T0, TASK_1, TASK_2, TASK_3, WISH } from './testHelpers.ts';

const staff = PERMISSIONS.care_team_municipality;

/** Anna's revision 1 is committed; Bo pushes ops made against revision 0. */
function race(annaOps: PlanOperation[], boOps: PlanOperation[], allowed: readonly Action[] = staff): PushResult & { annaDoc: PlanDocument } {
  const committed = applyOperations(basePlan(), annaOps, stampOf(anna));
  if (!committed.ok) throw new Error('fixture: Anna’s ops must apply');
  const since: PlanRevision[] = [revision(1, anna, annaOps)];
  return { ...integratePush({ doc: committed.doc, ops: boOps, committedSince: since, stamp: stampOf(bo, '2026-03-27T09:00:01.000Z'), allowed }), annaDoc: committed.doc };
}

const codes = (result: PushResult) => result.rejected.map(({ index, rejection }) => [index, rejection.code]);

describe('concurrent edits', () => {
  test('two people editing different tasks both land', () => {
    const result = race([{ op: 'update', section: 'tasks', id: TASK_1, set: { status: 'done' } }], [{ op: 'update', section: 'tasks', id: TASK_2, set: { due: '2026-04-01T08:00:00.000Z' } }]);
    expect(result.rejected).toEqual([]);
    expect(result.doc.tasks.map((task) => [task.status, task.due])).toEqual([
      ['done', '2026-03-29T13:00:00.000Z'],
      ['open', '2026-04-01T08:00:00.000Z'],
      ['open', null],
    ]);
  });

  test('different fields of the same task both land', () => {
    const result = race([{ op: 'update', section: 'tasks', id: TASK_3, set: { what: 'Order a rollator' } }], [{ op: 'update', section: 'tasks', id: TASK_3, set: { due: '2026-03-30T08:00:00.000Z' } }]);
    expect(result.rejected).toEqual([]);
    expect(result.doc.tasks[2]).toMatchObject({ what: 'Order a rollator', due: '2026-03-30T08:00:00.000Z' });
  });

  test('same field at the same moment: the first stays, the second is told who and which field', () => {
    const result = race([{ op: 'update', section: 'tasks', id: TASK_2, set: { due: '2026-04-01T08:00:00.000Z' } }], [{ op: 'update', section: 'tasks', id: TASK_2, set: { due: '2026-04-02T08:00:00.000Z', what: 'Medication review at home' } }]);
    expect(result.rejected).toEqual([
      {
        index: 0,
        op: { op: 'update', section: 'tasks', id: TASK_2, set: { due: '2026-04-02T08:00:00.000Z', what: 'Medication review at home' } },
        rejection: { code: 'FIELD_CHANGED', section: 'tasks', itemId: TASK_2, changes: [{ field: 'due', by: anna, revision: 1 }] },
      },
    ]);
    // The operation is one decision: its other field does not land alone.
    expect(result.doc).toEqual(result.annaDoc);
    expect(result.applied).toEqual([]);
  });

  test.each<[string, PlanOperation[], PlanOperation[], (string | number)[][], (doc: PlanDocument) => unknown, unknown]>([
    ['same value set by both is no conflict', [{ op: 'update', section: 'tasks', id: TASK_1, set: { status: 'cancelled' } }], [{ op: 'update', section: 'tasks', id: TASK_1, set: { status: 'cancelled' } }], [], (doc) => doc.tasks[0]?.status, 'cancelled'],
    ['the same instant written with another offset is the same value', [{ op: 'update', section: 'tasks', id: TASK_2, set: { due: '2026-04-01T08:00:00.000Z' } }], [{ op: 'update', section: 'tasks', id: TASK_2, set: { due: '2026-04-01T10:00:00+02:00' } }], [], (doc) => doc.tasks[1]?.due, '2026-04-01T08:00:00.000Z'],
    ['both mark done: doneAt stays the first', [{ op: 'update', section: 'tasks', id: TASK_1, set: { status: 'done' } }], [{ op: 'update', section: 'tasks', id: TASK_1, set: { status: 'done' } }], [], (doc) => doc.tasks[0]?.doneAt, T0],
    ['edit of a removed item is refused', [{ op: 'remove', section: 'tasks', id: TASK_3 }], [{ op: 'update', section: 'tasks', id: TASK_3, set: { what: 'x' } }], [[0, 'ITEM_REMOVED']], (doc) => doc.tasks.length, 2],
    ['removal of an item edited meanwhile is refused, the edit stays', [{ op: 'update', section: 'tasks', id: TASK_3, set: { what: 'Order a rollator' } }], [{ op: 'remove', section: 'tasks', id: TASK_3 }], [[0, 'ITEM_CHANGED']], (doc) => doc.tasks[2]?.what, 'Order a rollator'],
    ['removal of an item only moved meanwhile lands', [{ op: 'move', section: 'tasks', id: TASK_3, after: null }], [{ op: 'remove', section: 'tasks', id: TASK_3 }], [], (doc) => doc.tasks.map((task) => task.id), [TASK_1, TASK_2]],
    ['both remove: the second is told it was already removed', [{ op: 'remove', section: 'wishes', id: WISH }], [{ op: 'remove', section: 'wishes', id: WISH }], [[0, 'ITEM_REMOVED']], (doc) => doc.wishes, []],
    ['both move the same item: the first order stays', [{ op: 'move', section: 'tasks', id: TASK_3, after: null }], [{ op: 'move', section: 'tasks', id: TASK_3, after: TASK_1 }], [[0, 'FIELD_CHANGED']], (doc) => doc.tasks.map((task) => task.id), [TASK_3, TASK_1, TASK_2]],
    ['move after an item removed meanwhile is refused', [{ op: 'remove', section: 'tasks', id: TASK_1 }], [{ op: 'move', section: 'tasks', id: TASK_3, after: TASK_1 }], [[0, 'ANCHOR_REMOVED']], (doc) => doc.tasks.map((task) => task.id), [TASK_2, TASK_3]],
    ['moves of different items both land', [{ op: 'move', section: 'tasks', id: TASK_3, after: null }], [{ op: 'move', section: 'tasks', id: TASK_1, after: TASK_2 }], [], (doc) => doc.tasks.map((task) => task.id), [TASK_3, TASK_2, TASK_1]],
    ['adds by both land, the committed one first', [{ op: 'add', section: 'needs', item: { id: id(60), text: 'Meals' } }], [{ op: 'add', section: 'needs', item: { id: id(61), text: 'Shopping' } }], [], (doc) => doc.needs.map((need) => need.text), ['Meals', 'Shopping']],
  ])('%s', (_name, annaOps, boOps, rejected, pick, expected) => {
    const result = race(annaOps, boOps);
    expect(codes(result)).toEqual(rejected);
    expect(pick(result.doc)).toEqual(expected);
  });

  test('a rejection names the remover', () => {
    const result = race([{ op: 'remove', section: 'tasks', id: TASK_3 }], [{ op: 'update', section: 'tasks', id: TASK_3, set: { what: 'x' } }]);
    expect(result.rejected[0]?.rejection).toEqual({ code: 'ITEM_REMOVED', section: 'tasks', itemId: TASK_3, by: anna, revision: 1 });
  });

  test('removal of an edited item lists what changed and by whom', () => {
    const result = race([{ op: 'update', section: 'goals', id: GOAL, set: { text: 'Walk to the bakery with a walker' } }], [{ op: 'remove', section: 'goals', id: GOAL }]);
    expect(result.rejected[0]?.rejection).toEqual({ code: 'ITEM_CHANGED', section: 'goals', itemId: GOAL, changes: [{ field: 'text', by: anna, revision: 1 }] });
  });
});

describe('a push lands operation by operation', () => {
  test('the non-conflicting operations of a push land, the conflicting one is reported', () => {
    const result = race(
      [{ op: 'update', section: 'tasks', id: TASK_2, set: { due: '2026-04-01T08:00:00.000Z' } }],
      [
        { op: 'update', section: 'tasks', id: TASK_1, set: { what: 'Reception visit before noon' } },
        { op: 'update', section: 'tasks', id: TASK_2, set: { due: '2026-04-03T08:00:00.000Z' } },
        { op: 'add', section: 'comments', item: { id: id(40), text: 'Walker ordered' } },
      ],
    );
    expect(codes(result)).toEqual([[1, 'FIELD_CHANGED']]);
    expect(result.applied.map((op) => op.section)).toEqual(['tasks', 'comments']);
    expect(result.doc.tasks.map((task) => task.due)).toEqual(['2026-03-29T13:00:00.000Z', '2026-04-01T08:00:00.000Z', null]);
    expect(result.doc.comments[0]).toEqual({ id: id(40), text: 'Walker ordered', by: bo, at: '2026-03-27T09:00:01.000Z' });
  });

  test('an operation on an item whose addition was refused is refused too', () => {
    const nearlyFull = { ...basePlan(), needs: Array.from({ length: PLAN_LIMITS.itemsPerSection - 1 }, (_, i) => ({ id: id(1000 + i), text: `Need ${i}` })) };
    const annaOps: PlanOperation[] = [{ op: 'add', section: 'needs', item: { id: id(60), text: 'Meals' } }];
    const committed = applyOperations(nearlyFull, annaOps, stampOf(anna));
    if (!committed.ok) throw new Error('fixture');
    const result = integratePush({
      doc: committed.doc,
      ops: [
        { op: 'add', section: 'needs', item: { id: id(61), text: 'Shopping' } },
        { op: 'update', section: 'needs', id: id(61), set: { text: 'Shopping twice a week' } },
      ],
      committedSince: [revision(1, anna, annaOps)],
      stamp: stampOf(bo),
      allowed: staff,
    });
    expect(result.rejected.map(({ rejection }) => rejection)).toEqual([
      { code: 'SECTION_FULL', section: 'needs', max: PLAN_LIMITS.itemsPerSection },
      { code: 'ITEM_NOT_FOUND', section: 'needs', itemId: id(61) },
    ]);
    expect(result.doc).toEqual(committed.doc);
  });

  test('a push with nothing committed since is a plain commit', () => {
    const ops: PlanOperation[] = [
      { op: 'add', section: 'aids', item: { id: id(50), what: 'Walker', status: 'needed' } },
      { op: 'update', section: 'aids', id: id(50), set: { status: 'ordered' } },
    ];
    const result = integratePush({ doc: basePlan(), ops, committedSince: [], stamp: stampOf(bo), allowed: staff });
    expect(result.rejected).toEqual([]);
    expect(result.applied).toEqual(ops);
    expect(result.doc.aids).toEqual([{ id: id(50), what: 'Walker', status: 'ordered' }]);
  });

  test('the pusher’s own earlier revision is no conflict', () => {
    const first: PlanOperation[] = [{ op: 'update', section: 'tasks', id: TASK_2, set: { due: '2026-04-01T08:00:00.000Z' } }];
    const committed = applyOperations(basePlan(), first, stampOf(bo));
    if (!committed.ok) throw new Error('fixture');
    const result = integratePush({
      doc: committed.doc,
      ops: [{ op: 'update', section: 'tasks', id: TASK_2, set: { due: '2026-04-02T08:00:00.000Z' } }],
      committedSince: [revision(1, bo, first)],
      stamp: stampOf(bo),
      allowed: staff,
    });
    expect(result.rejected).toEqual([]);
    expect(result.doc.tasks[1]?.due).toBe('2026-04-02T08:00:00.000Z');
  });
});

describe('permissions per operation', () => {
  const ops: PlanOperation[] = [
    { op: 'update', section: 'tasks', id: TASK_1, set: { due: '2026-03-29T15:00:00.000Z' } },
    { op: 'add', section: 'wishes', item: { id: id(21), text: 'Die at home if it comes to that', topic: 'end_of_life', author: 'patient' } },
    { op: 'add', section: 'comments', item: { id: id(40), text: 'Thank you' } },
    { op: 'remove', section: 'goals', id: GOAL },
  ];

  test.each<[string, readonly Action[], (string | number)[][]]>([
    ['the patient: wishes and comments land, tasks and goals do not', PERMISSIONS.patient, [[0, 'FORBIDDEN'], [3, 'FORBIDDEN']]],
    ['the geriatric team: comments only', PERMISSIONS.geriatric_team, [[0, 'FORBIDDEN'], [1, 'FORBIDDEN'], [3, 'FORBIDDEN']]],
    ['home care: everything', PERMISSIONS.care_team_municipality, []],
    ['no standing: nothing', PERMISSIONS.none, [[0, 'FORBIDDEN'], [1, 'FORBIDDEN'], [2, 'FORBIDDEN'], [3, 'FORBIDDEN']]],
  ])('%s', (_name, allowed, rejected) => {
    const result = integratePush({ doc: basePlan(), ops, committedSince: [], stamp: stampOf(karen), allowed });
    expect(codes(result)).toEqual(rejected);
    expect(result.applied.length).toBe(ops.length - rejected.length);
  });

  test('FORBIDDEN names the permission that was missing', () => {
    const result = integratePush({ doc: basePlan(), ops: ops.slice(0, 1), committedSince: [], stamp: stampOf(karen), allowed: PERMISSIONS.patient });
    expect(result.rejected[0]?.rejection).toEqual({ code: 'FORBIDDEN', section: 'tasks', itemId: TASK_1, permission: 'plan:edit-tasks' });
  });
});

test('the result is a pure function of its input', () => {
  const run = () =>
    race(
      [{ op: 'update', section: 'tasks', id: TASK_1, set: { status: 'done' } }, { op: 'remove', section: 'tasks', id: TASK_3 }],
      [{ op: 'update', section: 'tasks', id: TASK_1, set: { status: 'cancelled' } }, { op: 'update', section: 'tasks', id: TASK_3, set: { what: 'y' } }, { op: 'move', section: 'tasks', id: TASK_2, after: null }],
    );
  expect(run()).toEqual(run());
});
