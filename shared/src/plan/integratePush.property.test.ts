import fc from 'fast-check';
import { expect, test } from 'vitest';
import { PERMISSIONS } from '../domain/permissions.ts';
import { applyOperation, applyOperations } from './applyOperations.ts';
import { integratePush } from './integratePush.ts';
import type { PlanDocument, PlanItem } from './planDocument.ts';
import { targetId, type PlanOperation } from './planOperations.ts';
import { anna, basePlan, bo, GOAL, id, revision, stampOf, TASK_1, TASK_2, TASK_3, WISH } from './testHelpers.ts';

/*
 * Two people edit revision 0 at the same time; Anna's edits land first as
 * revision 1, then Bo pushes his. Small value pools make them collide often.
 * The oracle below is deliberately coarser than the implementation: it looks
 * only at which items and fields Anna touched, not at values.
 */

const TASKS = [TASK_1, TASK_2, TASK_3];
const WARD = 'Medicinsk afdeling M1';
/** Every task is the ward's, so Bo may set any status: who reports a task done is responsibility.test.ts's subject, not this one's. */
const wardPlan = (): PlanDocument => ({ ...basePlan(), tasks: basePlan().tasks.map((task) => ({ ...task, responsible: { role: 'hospital', organisation: WARD } })) });
const fields = {
  what: fc.constantFrom('Visit', 'Call', 'Check pills'),
  due: fc.constantFrom(null, '2026-04-01T08:00:00.000Z', '2026-04-02T08:00:00.000Z'),
  status: fc.constantFrom('open' as const, 'done' as const, 'cancelled' as const),
};

const opArb = (client: number): fc.Arbitrary<PlanOperation> =>
  fc.oneof(
    fc.record({ id: fc.constantFrom(...TASKS), set: fc.record(fields, { requiredKeys: [] }) }).filter(({ set }) => Object.keys(set).length > 0).map(({ id: taskId, set }): PlanOperation => ({ op: 'update', section: 'tasks', id: taskId, set })),
    fc.constantFrom(...TASKS).map((taskId): PlanOperation => ({ op: 'remove', section: 'tasks', id: taskId })),
    fc.tuple(fc.constantFrom(...TASKS), fc.constantFrom(null, ...TASKS)).map(([taskId, after]): PlanOperation => ({ op: 'move', section: 'tasks', id: taskId, after: after === taskId ? null : after })),
    fc.constantFrom('Walk daily', 'Go home').map((text): PlanOperation => ({ op: 'update', section: 'goals', id: GOAL, set: { text } })),
    fc.constantFrom<PlanOperation>({ op: 'remove', section: 'goals', id: GOAL }, { op: 'remove', section: 'wishes', id: WISH }),
    fc.constantFrom('general' as const, 'end_of_life' as const).map((topic): PlanOperation => ({ op: 'update', section: 'wishes', id: WISH, set: { topic } })),
    fc.nat(999).map((n): PlanOperation => ({ op: 'add', section: 'needs', item: { id: id(client * 10_000 + n), text: `Need ${n}` } })),
    fc.nat(999).map((n): PlanOperation => ({ op: 'add', section: 'comments', item: { id: id(client * 10_000 + 5_000 + n), text: `Note ${n}` } })),
  );

/** What a person could actually have done on revision 0: their operations, each valid where they made it. */
const editsArb = (client: number) =>
  fc.array(opArb(client), { minLength: 1, maxLength: 8 }).map((ops) => {
    const kept: PlanOperation[] = [];
    let doc = wardPlan();
    for (const op of ops) {
      const result = applyOperation(doc, op, stampOf(anna));
      if (result.ok) {
        kept.push(op);
        doc = result.doc;
      }
    }
    return kept;
  });

const key = (section: string, itemId: string) => `${section}/${itemId}`;

function whatAnnaDid(ops: readonly PlanOperation[]) {
  const removed = new Set<string>();
  const moved = new Set<string>();
  const fieldsSet = new Map<string, Set<string>>();
  for (const op of ops) {
    const k = key(op.section, targetId(op));
    if (op.op === 'remove') removed.add(k);
    if (op.op === 'move') moved.add(k);
    if (op.op === 'update') fieldsSet.set(k, new Set([...(fieldsSet.get(k) ?? []), ...Object.keys(op.set)]));
  }
  return { removed, moved, fieldsSet };
}

/** True when nothing Anna did could make this operation of Bo's mean something else. */
function clearOf(op: PlanOperation, anna: ReturnType<typeof whatAnnaDid>): boolean {
  if (op.op === 'add') return true;
  const k = key(op.section, op.id);
  if (anna.removed.has(k)) return false;
  const touched = anna.fieldsSet.get(k) ?? new Set<string>();
  switch (op.op) {
    case 'update':
      return Object.keys(op.set).every((field) => !touched.has(field));
    case 'remove':
      return touched.size === 0;
    case 'move':
      return !anna.moved.has(k) && (op.after === null || !anna.removed.has(key(op.section, op.after)));
  }
}

const field = (doc: PlanDocument, section: keyof PlanDocument, itemId: string, name: string) =>
  (doc[section] as readonly PlanItem[]).find((item) => item.id === itemId)?.[name as keyof PlanItem];

function push(annaOps: PlanOperation[], boOps: PlanOperation[]) {
  const committed = applyOperations(wardPlan(), annaOps, stampOf(anna));
  if (!committed.ok) throw new Error('Anna’s edits are valid by construction');
  const result = integratePush({
    doc: committed.doc,
    ops: boOps,
    committedSince: [revision(1, anna, annaOps)],
    stamp: stampOf(bo, '2026-03-27T09:00:01.000Z'),
    allowed: PERMISSIONS.care_team_hospital,
    organisation: WARD,
  });
  return { annaDoc: committed.doc, ...result };
}

test('rebase never loses a non-conflicting operation, never rejects without cause, and keeps what landed first', () => {
  fc.assert(
    fc.property(editsArb(1), editsArb(2), (annaOps, boOps) => {
      const { annaDoc, doc, applied, rejected } = push(annaOps, boOps);
      const annaDid = whatAnnaDid(annaOps);

      // Every operation is accounted for, exactly once, and rejections only ever name a conflict with Anna.
      expect(applied.length + rejected.length).toBe(boOps.length);
      for (const { index, rejection } of rejected) {
        expect(clearOf(boOps[index]!, annaDid)).toBe(false);
        expect(['FIELD_CHANGED', 'ITEM_REMOVED', 'ITEM_CHANGED', 'ANCHOR_REMOVED']).toContain(rejection.code);
        if ('by' in rejection) expect(rejection.by).toEqual(anna);
        if ('changes' in rejection) rejection.changes.forEach((change) => expect(change.by).toEqual(anna));
      }
      // Nothing that was clear of Anna's edits is lost.
      const rejectedIndexes = new Set(rejected.map(({ index }) => index));
      boOps.forEach((op, index) => {
        if (clearOf(op, annaDid)) expect(rejectedIndexes.has(index)).toBe(false);
      });
      // What Anna set stays as she set it; what Bo set and landed is there too.
      for (const [k, names] of annaDid.fieldsSet) {
        const [section, itemId] = k.split('/') as [keyof PlanDocument, string];
        for (const name of names) expect(field(doc, section, itemId, name)).toEqual(field(annaDoc, section, itemId, name));
      }
      for (const op of applied) {
        if (op.op === 'add') expect(field(doc, op.section, op.item.id, 'id')).toBe(op.item.id);
        if (op.op === 'remove') expect(field(doc, op.section, op.id, 'id')).toBeUndefined();
      }
      const lastSetByBo = new Map<string, unknown>();
      for (const op of applied) if (op.op === 'update') for (const [name, value] of Object.entries(op.set)) lastSetByBo.set(`${op.section}/${op.id}/${name}`, value);
      for (const [k, value] of lastSetByBo) {
        const [section, itemId, name] = k.split('/') as [keyof PlanDocument, string, string];
        if (field(doc, section, itemId, 'id') !== undefined) expect(field(doc, section, itemId, name)).toEqual(value);
      }
      // Deterministic: the same pushes give the same plan and the same answers.
      expect(push(annaOps, boOps)).toEqual({ annaDoc, doc, applied, rejected });
    }),
    { numRuns: 500 },
  );
});

test('when nothing conflicts, who lands first does not change any item', () => {
  fc.assert(
    fc.property(editsArb(1), editsArb(2), (annaOps, boOps) => {
      const annaFirst = push(annaOps, boOps);
      const boFirst = push(boOps, annaOps);
      fc.pre(annaFirst.rejected.length === 0 && boFirst.rejected.length === 0);
      // Order within a section may differ (appends, moves); the items themselves may not.
      const byId = (doc: PlanDocument) =>
        Object.fromEntries(
          Object.entries(doc).map(([section, items]) => [section, Object.fromEntries((items as PlanItem[]).map((item) => [item.id, section === 'comments' || section === 'tasks' ? { ...item, by: undefined, at: undefined, doneAt: undefined } : item]))]),
        );
      expect(byId(annaFirst.doc)).toEqual(byId(boFirst.doc));
    }),
    { numRuns: 500 },
  );
});
