import { expect, test } from 'vitest';
import type { PlanOperation, PlanRevision } from './planOperations.ts';
import { rebase } from './rebase.ts';
import { anna, bo, id, karen, revision, TASK_1, TASK_2 } from './testHelpers.ts';

const due = (n: number): PlanOperation => ({ op: 'update', section: 'tasks', id: TASK_1, set: { due: `2026-04-0${n}T08:00:00.000Z` } });

// name, committed since the base, pushing session, client ops, accepted indexes, rejections
test.each<[string, PlanRevision[], string, PlanOperation[], number[], unknown[]]>([
  ['nothing committed: everything accepted', [], karen.id, [due(1), { op: 'remove', section: 'tasks', id: TASK_2 }], [0, 1], []],
  [
    'the latest writer of the field is named',
    [revision(1, anna, [due(1)]), revision(2, karen, [{ op: 'add', section: 'comments', item: { id: id(40), text: 'ok' } }]), revision(3, bo, [due(2)])],
    karen.id,
    [due(3)],
    [],
    [{ code: 'FIELD_CHANGED', section: 'tasks', itemId: TASK_1, changes: [{ field: 'due', by: bo, revision: 3 }] }],
  ],
  ['a field set twice by others is compared with its last value', [revision(1, anna, [due(1)]), revision(2, anna, [due(2)])], karen.id, [due(2)], [0], []],
  [
    'only the conflicting operation is singled out',
    [revision(1, anna, [{ op: 'remove', section: 'tasks', id: TASK_2 }])],
    karen.id,
    [due(1), { op: 'update', section: 'tasks', id: TASK_2, set: { what: 'x' } }, { op: 'add', section: 'needs', item: { id: id(60), text: 'Meals' } }],
    [0, 2],
    [{ code: 'ITEM_REMOVED', section: 'tasks', itemId: TASK_2, by: anna, revision: 1 }],
  ],
  ['revisions of the pusher’s own session are skipped', [revision(1, bo, [due(1)])], bo.id, [due(2)], [0], []],
  ['the same edit by someone else is a conflict', [revision(1, bo, [due(1)])], karen.id, [due(2)], [], [{ code: 'FIELD_CHANGED', section: 'tasks', itemId: TASK_1, changes: [{ field: 'due', by: bo, revision: 1 }] }]],
])('%s', (_name, committed, pusherId, ops, acceptedIndexes, rejections) => {
  const result = rebase(ops, committed, pusherId);
  expect(result.accepted.map(({ index }) => index)).toEqual(acceptedIndexes);
  expect(result.rejected.map(({ rejection }) => rejection)).toEqual(rejections);
});
