import { describe, expect, test } from 'vitest';
import { PERMISSIONS } from '../domain/permissions.ts';
import type { ParticipantRole } from '../roles.ts';
import { authorshipRejection, mayChangeItem } from './authorship.ts';
import { integratePush } from './integratePush.ts';
import type { PlanDocument } from './planDocument.ts';
import type { PlanOperation } from './planOperations.ts';
import { basePlan, CONTACT, GOAL, id, stampOf, TASK_1, WISH } from './testHelpers.ts';

const planBy = (author: ParticipantRole): PlanDocument => ({
  ...basePlan(),
  goals: [{ id: GOAL, text: 'Walk to the bakery again', author }],
  wishes: [{ id: WISH, text: 'Stay at home', topic: 'end_of_life', author }],
});

const change: Record<'goals' | 'wishes', PlanOperation> = {
  goals: { op: 'update', section: 'goals', id: GOAL, set: { text: 'Walk to the shop' } },
  wishes: { op: 'update', section: 'wishes', id: WISH, set: { text: 'I do NOT want to be resuscitated.' } },
};
const removal: Record<'goals' | 'wishes', PlanOperation> = {
  goals: { op: 'remove', section: 'goals', id: GOAL },
  wishes: { op: 'remove', section: 'wishes', id: WISH },
};

// [who acts, who wrote the item, may they change or remove it]
const rule: Array<[ParticipantRole, ParticipantRole, boolean]> = [
  ['patient', 'patient', true],
  ['relative', 'patient', false],
  ['hospital', 'patient', false],
  ['municipality', 'patient', false],
  ['gp', 'patient', false],
  ['geriatrician', 'patient', false],
  ['patient', 'relative', true],
  ['relative', 'relative', true],
  ['hospital', 'relative', false],
  ['patient', 'hospital', true],
  ['relative', 'hospital', false],
  ['hospital', 'hospital', true],
  ['municipality', 'hospital', false],
  ['gp', 'hospital', false],
  ['municipality', 'municipality', true],
  ['gp', 'gp', true],
];

describe.each(['goals', 'wishes'] as const)('%s: only the author and the patient change or remove them', (section) => {
  test.each(rule)('%s on an item by %s: %s', (role, author, may) => {
    const doc = planBy(author);
    const item = doc[section][0]!;
    expect(mayChangeItem(section, item, role)).toBe(may);
    const refusal = may ? null : { code: 'NOT_AUTHOR', section, itemId: item.id, author };
    expect(authorshipRejection(doc, change[section], role)).toEqual(refusal);
    expect(authorshipRejection(doc, removal[section], role)).toEqual(refusal);
  });

  test('nobody moves an author to another role, not even the author', () => {
    const setAuthor = { op: 'update', section, id: planBy('patient')[section][0]!.id, set: { author: 'relative' } } as PlanOperation;
    expect(authorshipRejection(planBy('patient'), setAuthor, 'patient')).toMatchObject({ code: 'INVALID_VALUE', issues: [{ path: 'set.author' }] });
  });

  test('moving another’s item changes no words', () => {
    const move = { op: 'move', section, id: planBy('patient')[section][0]!.id, after: null } as PlanOperation;
    expect(authorshipRejection(planBy('patient'), move, 'hospital')).toBeNull();
  });

  test('a change of an item that is not there is left to the rebase and apply to name', () => {
    expect(authorshipRejection({ ...basePlan(), goals: [], wishes: [] }, change[section], 'relative')).toBeNull();
  });
});

describe('adding in one’s own name only', () => {
  const wish = (author?: ParticipantRole): PlanOperation => ({ op: 'add', section: 'wishes', item: { id: id(21), text: 'Keep the cat', topic: 'general', ...(author ? { author } : {}) } });
  const goal = (author?: ParticipantRole): PlanOperation => ({ op: 'add', section: 'goals', item: { id: id(11), text: 'Cook again', ...(author ? { author } : {}) } });

  test.each<[string, PlanOperation, ParticipantRole, boolean]>([
    ['a wish with no author', wish(), 'relative', true],
    ['a wish in one’s own role', wish('relative'), 'relative', true],
    ['a wish in the patient’s name by a relative', wish('patient'), 'relative', false],
    ['a wish in the patient’s name by the ward', wish('patient'), 'hospital', false],
    ['a goal with no author', goal(), 'gp', true],
    ['a goal in the patient’s name by the ward', goal('patient'), 'hospital', false],
  ])('%s: allowed %s', (_name, op, role, allowed) => {
    const refusal = authorshipRejection(basePlan(), op, role);
    expect(refusal).toEqual(allowed ? null : { code: 'INVALID_VALUE', issues: [{ path: 'item.author', message: expect.any(String) }] });
  });

  test.each<[string, PlanOperation]>([
    ['tasks', { op: 'update', section: 'tasks', id: TASK_1, set: { status: 'done' } }],
    ['contacts', { op: 'remove', section: 'contacts', id: CONTACT }],
    ['comments', { op: 'add', section: 'comments', item: { id: id(40), text: 'Ok' } }],
  ])('%s are the care team’s shared work: no authorship rule', (_section, op) => {
    expect(authorshipRejection(basePlan(), op, 'gp')).toBeNull();
  });
});

describe('in a push', () => {
  const relative = { id: 'session-mette', name: 'Mette', role: 'relative' } as const;
  const patient = { id: 'session-karen', name: 'Karen', role: 'patient' } as const;
  const PATIENTS_WISH = id(22);

  test('the security probe: a relative neither rewrites, removes nor signs as the patient; the rest of the push lands', () => {
    const added = integratePush({
      doc: basePlan(),
      ops: [{ op: 'add', section: 'wishes', item: { id: PATIENTS_WISH, text: 'I want to be resuscitated.', topic: 'end_of_life' } }],
      committedSince: [],
      stamp: stampOf(patient),
      allowed: PERMISSIONS.patient,
    });
    expect(added.doc.wishes[1]).toEqual({ id: PATIENTS_WISH, text: 'I want to be resuscitated.', topic: 'end_of_life', author: 'patient' });

    const probe = integratePush({
      doc: added.doc,
      ops: [
        { op: 'update', section: 'wishes', id: PATIENTS_WISH, set: { text: 'I do NOT want to be resuscitated.' } },
        { op: 'remove', section: 'wishes', id: PATIENTS_WISH },
        { op: 'add', section: 'wishes', item: { id: id(23), text: 'No more hospital stays.', topic: 'end_of_life', author: 'patient' } },
        { op: 'add', section: 'wishes', item: { id: id(24), text: 'Mum wants her cat with her.', topic: 'general' } },
        { op: 'add', section: 'comments', item: { id: id(40), text: 'I think she has changed her mind about resuscitation.' } },
      ],
      committedSince: [],
      stamp: stampOf(relative),
      allowed: PERMISSIONS.relative,
    });
    expect(probe.rejected.map(({ index, rejection }) => [index, rejection.code])).toEqual([
      [0, 'NOT_AUTHOR'],
      [1, 'NOT_AUTHOR'],
      [2, 'INVALID_VALUE'],
    ]);
    expect(probe.rejected[0]?.rejection).toEqual({ code: 'NOT_AUTHOR', section: 'wishes', itemId: PATIENTS_WISH, author: 'patient' });
    expect(probe.doc.wishes.map((wish) => [wish.text, wish.author])).toEqual([
      ['Stay at home', 'hospital'],
      ['I want to be resuscitated.', 'patient'],
      ['Mum wants her cat with her.', 'relative'],
    ]);
    expect(probe.doc.comments.map((comment) => [comment.text, comment.by])).toEqual([['I think she has changed her mind about resuscitation.', relative]]);
  });

  test('the patient changes a wish her relative wrote for her', () => {
    const doc = planBy('relative');
    const result = integratePush({ doc, ops: [change.wishes], committedSince: [], stamp: stampOf(patient), allowed: PERMISSIONS.patient });
    expect(result.rejected).toEqual([]);
    expect(result.doc.wishes[0]).toMatchObject({ text: 'I do NOT want to be resuscitated.', author: 'relative' });
  });
});
