import { expect, test } from 'vitest';
import { PLAN_SECTIONS, type PlanSection } from './planDocument.ts';
import { permissionFor, planPushSchema, SECTION_PERMISSION, type PlanOperation } from './planOperations.ts';
import { id, TASK_1, WISH } from './testHelpers.ts';

test.each<[PlanSection, string]>([
  ['goals', 'plan:edit-tasks'],
  ['needs', 'plan:edit-tasks'],
  ['tasks', 'plan:edit-tasks'],
  ['medication', 'plan:edit-tasks'],
  ['aids', 'plan:edit-tasks'],
  ['contacts', 'plan:edit-tasks'],
  ['wishes', 'plan:edit-wishes'],
  ['comments', 'plan:comment'],
])('%s needs %s', (section, permission) => {
  expect(SECTION_PERMISSION[section]).toBe(permission);
});

test('every section has a permission', () => {
  expect(Object.keys(SECTION_PERMISSION).sort()).toEqual([...PLAN_SECTIONS].sort());
});

test.each<[PlanOperation, string]>([
  [{ op: 'update', section: 'tasks', id: TASK_1, set: { status: 'done' } }, 'plan:edit-tasks'],
  [{ op: 'remove', section: 'wishes', id: WISH }, 'plan:edit-wishes'],
  [{ op: 'add', section: 'comments', item: { id: id(40), text: 'ok' } }, 'plan:comment'],
])('permissionFor %j is %s', (op, permission) => {
  expect(permissionFor(op)).toBe(permission);
});

test.each([
  ['a push', { baseRevision: 3, ops: [{ op: 'remove', section: 'tasks', id: TASK_1 }] }, true],
  ['an empty push', { baseRevision: 3, ops: [] }, false],
  ['a negative base revision', { baseRevision: -1, ops: [{ op: 'remove', section: 'tasks', id: TASK_1 }] }, false],
  ['an unknown section', { baseRevision: 0, ops: [{ op: 'remove', section: 'diagnoses', id: TASK_1 }] }, false],
  ['too many operations', { baseRevision: 0, ops: Array.from({ length: 101 }, () => ({ op: 'remove', section: 'tasks', id: TASK_1 })) }, false],
])('planPushSchema: %s → %s', (_name, push, valid) => {
  expect(planPushSchema.safeParse(push).success).toBe(valid);
});
