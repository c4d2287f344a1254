import { describe, expect, test } from 'vitest';
import { PERMISSIONS } from '../domain/permissions.ts';
import { applyOperation } from './applyOperations.ts';
import { integratePush } from './integratePush.ts';
import type { ResponsibleParty, TaskStatus } from './planDocument.ts';
import type { PlanOperation } from './planOperations.ts';
import { isOutcomeChange, isResponsible, responsibilityRejection, type TaskActor } from './responsibility.ts';
import { anna, basePlan, bo, stampOf, T0, TASK_1, TASK_2 } from './testHelpers.ts';

const homeCare: ResponsibleParty = { role: 'municipality', organisation: 'Aarhus hjemmepleje' };
const namedNurse: ResponsibleParty = { role: 'municipality', organisation: 'Aarhus hjemmepleje', person: 'Anna Holm' };
const personOnly: ResponsibleParty = { role: 'gp', person: 'Dr. Lind' };
const family: ResponsibleParty = { role: 'relative' };
const daughter: ResponsibleParty = { role: 'relative', person: 'Mette' };

const annaAtHomeCare: TaskActor = { role: 'municipality', name: 'Anna Holm', organisation: 'Aarhus hjemmepleje' };
const colleague: TaskActor = { role: 'municipality', name: 'Lone Berg', organisation: ' aarhus  Hjemmepleje ' };
const otherMunicipality: TaskActor = { role: 'municipality', name: 'Per Dahl', organisation: 'Odder hjemmepleje' };
const ward: TaskActor = { role: 'hospital', name: 'Bo Hansen', organisation: 'Aarhus hjemmepleje' };
const drLind: TaskActor = { role: 'gp', name: 'Dr. Lind', organisation: 'Lægehuset Torvet' };
const otherGp: TaskActor = { role: 'gp', name: 'Dr. Mørk', organisation: 'Lægehuset Torvet' };
const mette: TaskActor = { role: 'relative', name: 'Mette' };
const son: TaskActor = { role: 'relative', name: 'Jens' };
const karen: TaskActor = { role: 'patient', name: 'Karen' };

// [the task's responsible party, who acts, is it theirs to report on]
const rule: Array<[string, ResponsibleParty, string, TaskActor, boolean]> = [
  ['home care', homeCare, 'a nurse of that home care', annaAtHomeCare, true],
  ['home care', homeCare, 'a colleague, the name typed differently', colleague, true],
  ['home care', homeCare, 'another municipality’s nurse', otherMunicipality, false],
  ['home care', homeCare, 'the ward, even under the same name', ward, false],
  ['a named nurse of home care', namedNurse, 'that nurse', annaAtHomeCare, true],
  ['a named nurse of home care', namedNurse, 'her colleague, covering', colleague, true],
  ['a named nurse of home care', namedNurse, 'another municipality', otherMunicipality, false],
  ['a named GP', personOnly, 'that GP', drLind, true],
  ['a named GP', personOnly, 'another GP of the practice', otherGp, false],
  ['the relatives', family, 'a relative', mette, true],
  ['the relatives', family, 'the patient', karen, false],
  ['a named daughter', daughter, 'her', mette, true],
  ['a named daughter', daughter, 'her brother', son, false],
];

describe('who gives the account of a task', () => {
  test.each(rule)('a task for %s, reported on by %s: %s', (_task, party, _who, actor, responsible) => {
    expect(isResponsible(party, actor)).toBe(responsible);
  });
});

describe('which status changes give or take back the account', () => {
  const cases: Array<[TaskStatus | undefined, TaskStatus, boolean]> = [
    [undefined, 'open', false],
    [undefined, 'done', true],
    [undefined, 'not_done', true],
    [undefined, 'cancelled', false],
    ['open', 'done', true],
    ['open', 'not_done', true],
    ['open', 'cancelled', false],
    ['cancelled', 'open', false],
    ['done', 'open', true],
    ['not_done', 'open', true],
    ['done', 'not_done', true],
    ['not_done', 'cancelled', true],
    ['done', 'done', false],
  ];
  test.each(cases)('%s → %s: %s', (from, to, outcome) => {
    expect(isOutcomeChange(from, to)).toBe(outcome);
  });
});

describe('in a push', () => {
  // basePlan: TASK_1 is Aarhus hjemmepleje's, TASK_2 Dr. Lind's. Anna (municipality) and Bo (hospital) edit.
  const push = (ops: PlanOperation[], by = anna, organisation?: string) =>
    integratePush({ doc: basePlan(), ops, committedSince: [], stamp: stampOf(by), allowed: PERMISSIONS.care_team_municipality, ...(organisation === undefined ? {} : { organisation }) });
  const notDone: PlanOperation = { op: 'update', section: 'tasks', id: TASK_1, set: { status: 'not_done', notDoneReason: 'Borgeren var indlagt igen' } };

  test('the responsible party marks done and not done; the rest of the team plans', () => {
    const result = push(
      [
        { op: 'update', section: 'tasks', id: TASK_1, set: { status: 'done' } },
        { op: 'update', section: 'tasks', id: TASK_2, set: { status: 'done' } },
        { op: 'update', section: 'tasks', id: TASK_2, set: { due: '2026-04-01T08:00:00.000Z' } },
        { op: 'update', section: 'tasks', id: TASK_2, set: { status: 'cancelled' } },
      ],
      anna,
      'Aarhus hjemmepleje',
    );
    expect(result.rejected).toEqual([{ index: 1, op: expect.anything(), rejection: { code: 'NOT_RESPONSIBLE', section: 'tasks', itemId: TASK_2, responsible: { role: 'gp', person: 'Dr. Lind' } } }]);
    expect(result.doc.tasks.map((task) => [task.status, task.doneAt])).toEqual([
      ['done', T0],
      ['cancelled', null],
      ['open', null],
    ]);
  });

  test('not done carries its reason; taking it back clears the reason', () => {
    const marked = push([notDone], anna, 'Aarhus hjemmepleje');
    expect(marked.rejected).toEqual([]);
    expect(marked.doc.tasks[0]).toMatchObject({ status: 'not_done', notDoneReason: 'Borgeren var indlagt igen', doneAt: null });
    const reopened = applyOperation(marked.doc, { op: 'update', section: 'tasks', id: TASK_1, set: { status: 'open' } }, stampOf(anna));
    expect(reopened.ok && reopened.doc.tasks[0]).not.toHaveProperty('notDoneReason');
  });

  test.each<[string, PlanOperation]>([
    ['not done without a reason', { op: 'update', section: 'tasks', id: TASK_1, set: { status: 'not_done' } }],
    ['a reason on an open task', { op: 'update', section: 'tasks', id: TASK_1, set: { notDoneReason: 'Glemt' } }],
    ['a reason on a task marked done', { op: 'update', section: 'tasks', id: TASK_1, set: { status: 'done', notDoneReason: 'Glemt' } }],
  ])('%s is refused as INVALID_VALUE', (_name, op) => {
    expect(push([op], anna, 'Aarhus hjemmepleje').rejected).toEqual([{ index: 0, op, rejection: { code: 'INVALID_VALUE', issues: [{ path: 'notDoneReason', message: expect.any(String) }] } }]);
  });

  test('the ward neither marks home care’s task not done nor takes back its account', () => {
    const marked = push([notDone], anna, 'Aarhus hjemmepleje');
    expect(responsibilityRejection(basePlan(), notDone, { role: 'hospital', name: bo.name, organisation: 'Medicinsk afdeling' })).toMatchObject({ code: 'NOT_RESPONSIBLE' });
    const reopen: PlanOperation = { op: 'update', section: 'tasks', id: TASK_1, set: { status: 'open' } };
    expect(responsibilityRejection(marked.doc, reopen, { role: 'hospital', name: bo.name, organisation: 'Medicinsk afdeling' })).toMatchObject({ code: 'NOT_RESPONSIBLE', itemId: TASK_1 });
    expect(responsibilityRejection(marked.doc, reopen, annaAtHomeCare)).toBeNull();
  });

  test('a staff pusher without a known organisation is responsible only where the task names them', () => {
    expect(push([notDone]).rejected.map(({ rejection }) => rejection.code)).toEqual(['NOT_RESPONSIBLE']);
  });

  test('adding a task already done is the responsible party’s to say too', () => {
    const add = (responsible: ResponsibleParty): PlanOperation => ({
      op: 'add',
      section: 'tasks',
      item: { id: '00000000-0000-4000-8000-000000000099', what: 'Seng leveret', responsible, due: null, status: 'done' },
    });
    expect(responsibilityRejection(basePlan(), add(family), mette)).toBeNull();
    expect(responsibilityRejection(basePlan(), add(homeCare), mette)).toMatchObject({ code: 'NOT_RESPONSIBLE' });
  });
});
