import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planPushSchema, type ParticipantRole, type PlanOperationInput, type PlanPushResult } from '@samplan/shared';
import type { Principal } from '@samplan/server/auth/principal.ts';
import { type EpisodeScope, planCalls } from './planCalls.ts';
import { DATABASE_KINDS, openFreshDatabase, type FreshDatabase } from '../../support/database-targets.ts';
import { addTask, createConferenceScene, item } from './fixtures.ts';

/*
 * Who may add, change and remove what, party by party, through the plan
 * service on a real database: the section permissions, and the authorship
 * rule (shared/src/plan/authorship.ts) for goals and wishes.
 */

type Party = 'patient' | 'relative' | 'hospital' | 'municipality' | 'gp' | 'geriatrician';
/** What came back for one operation: landed, or the rejection's code. */
type Outcome = 'ok' | 'FORBIDDEN' | 'NOT_AUTHOR' | 'NOT_RESPONSIBLE';

// The items the test edits: one per section, written by the ward, and a wish each by the patient and her daughter.
const GOAL = item(1);
const NEED = item(2);
const TASK = item(3);
const MEDICATION = item(4);
const AID = item(5);
const CONTACT = item(6);
const WARD_WISH = item(7);
const PATIENT_WISH = item(8);
const RELATIVE_WISH = item(9);

const wardItems: PlanOperationInput[] = [
  { op: 'add', section: 'goals', item: { id: GOAL, text: 'Gå til bageren igen' } },
  { op: 'add', section: 'needs', item: { id: NEED, text: 'Hjælp til bad' } },
  addTask(3, 'Modtagebesøg'),
  { op: 'add', section: 'medication', item: { id: MEDICATION, text: 'Furix 40 mg morgen' } },
  { op: 'add', section: 'aids', item: { id: AID, what: 'Rollator', status: 'ordered' } },
  { op: 'add', section: 'contacts', item: { id: CONTACT, name: 'Hjemmesygeplejen', role: 'Hjemmesygepleje', phone: '87 13 00 00', whenToCall: 'Ved forværring' } },
  { op: 'add', section: 'wishes', item: { id: WARD_WISH, text: 'Vil gerne dø hjemme', topic: 'end_of_life' } },
];

const added = (n: number): PlanOperationInput[] => [
  { op: 'add', section: 'goals', item: { id: item(n), text: 'Lave mad selv' } },
  { op: 'add', section: 'needs', item: { id: item(n + 1), text: 'Indkøb' } },
  addTask(n + 2),
  { op: 'add', section: 'medication', item: { id: item(n + 3), text: 'Panodil efter behov' } },
  { op: 'add', section: 'aids', item: { id: item(n + 4), what: 'Badebænk', status: 'needed' } },
  { op: 'add', section: 'contacts', item: { id: item(n + 5), name: 'Lægehuset', role: 'Egen læge', phone: '86 54 00 00', whenToCall: 'Hverdage 8-16' } },
  { op: 'add', section: 'wishes', item: { id: item(n + 6), text: 'Have katten hos mig', topic: 'general' } },
  { op: 'add', section: 'comments', item: { id: item(n + 7), text: 'Det lyder godt' } },
];

const changes: PlanOperationInput[] = [
  { op: 'update', section: 'goals', id: GOAL, set: { text: 'Gå til købmanden' } },
  { op: 'update', section: 'needs', id: NEED, set: { text: 'Hjælp til bad to gange om ugen' } },
  { op: 'update', section: 'tasks', id: TASK, set: { status: 'done' } },
  { op: 'update', section: 'medication', id: MEDICATION, set: { text: 'Furix 20 mg morgen' } },
  { op: 'update', section: 'aids', id: AID, set: { status: 'in_place' } },
  { op: 'update', section: 'contacts', id: CONTACT, set: { phone: '87 13 00 01' } },
  { op: 'update', section: 'wishes', id: WARD_WISH, set: { text: 'Vil gerne dø på hospice' } },
  { op: 'update', section: 'wishes', id: PATIENT_WISH, set: { text: 'Jeg vil IKKE genoplives.' } },
  { op: 'update', section: 'wishes', id: RELATIVE_WISH, set: { topic: 'end_of_life' } },
];
const removals: PlanOperationInput[] = changes.map((op) => ({ op: 'remove', section: op.section, id: (op as { id: string }).id }) as PlanOperationInput);

// Outcomes in the order of the operations above. Adds: goals, needs, tasks, medication, aids, contacts, wishes, comments.
// Changes and removals: the ward's goal, need, task, medication, aid, contact and wish, then the patient's and the daughter's wish.
const F = 'FORBIDDEN';
const N = 'NOT_AUTHOR';
// The task is Hjemmeplejen Vest's: only home care reports it done (responsibility.ts); the rest of the team may still remove it.
const R = 'NOT_RESPONSIBLE';
const expected: Record<Party, { add: Outcome[]; change: Outcome[] }> = {
  patient: { add: [F, F, F, F, F, F, 'ok', 'ok'], change: [F, F, F, F, F, F, 'ok', 'ok', 'ok'] },
  relative: { add: [F, F, F, F, F, F, 'ok', 'ok'], change: [F, F, F, F, F, F, N, N, 'ok'] },
  hospital: { add: ['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'], change: ['ok', 'ok', R, 'ok', 'ok', 'ok', 'ok', N, N] },
  municipality: { add: ['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'], change: [N, 'ok', 'ok', 'ok', 'ok', 'ok', N, N, N] },
  gp: { add: ['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'], change: [N, 'ok', R, 'ok', 'ok', 'ok', N, N, N] },
  // This geriatrician works on the ward, in the care team: edits as its clinician, but writes as the geriatrician, not as the ward.
  geriatrician: { add: ['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'], change: [N, 'ok', R, 'ok', 'ok', 'ok', N, N, N] },
};

function outcomes(ops: readonly PlanOperationInput[], result: PlanPushResult): Outcome[] {
  const codes = new Map(result.rejected.map(({ index, rejection }) => [index, rejection.code]));
  return ops.map((_, index) => (codes.get(index) ?? 'ok') as Outcome);
}

describe.each(DATABASE_KINDS)('who may change what in the plan, on %s', (kind) => {
  let fresh: FreshDatabase;
  beforeAll(async () => {
    fresh = await openFreshDatabase(kind);
  });
  afterAll(() => fresh?.dispose());

  async function scene() {
    const { prisma } = fresh.db;
    const setup = await createConferenceScene(prisma);
    const service = planCalls(prisma);
    const inCall: EpisodeScope = { episodeId: setup.episode.id, conferenceId: setup.conference.id, via: 'plan:push' };
    const push = async (principal: Principal, ops: PlanOperationInput[]) => {
      const { revision } = await service.snapshot(principal, inCall);
      return service.push(principal, inCall, planPushSchema.parse({ baseRevision: revision, ops }));
    };
    const parties: Record<Party, Principal> = {
      patient: setup.karen,
      relative: setup.daughter,
      hospital: setup.nurse,
      municipality: setup.homeNurse,
      gp: setup.gp,
      geriatrician: setup.geriatrician,
    };
    return { ...setup, prisma, service, inCall, push, parties };
  }

  it.each(Object.keys(expected) as Party[])('%s: adds, changes and removes as the permissions and the authorship rule say', async (party) => {
    const { push, parties, nurse, karen, daughter, service, inCall } = await scene();
    await push(nurse, wardItems);
    await push(karen, [{ op: 'add', section: 'wishes', item: { id: PATIENT_WISH, text: 'Jeg vil genoplives', topic: 'end_of_life' } }]);
    await push(daughter, [{ op: 'add', section: 'wishes', item: { id: RELATIVE_WISH, text: 'Mor vil have besøg om søndagen', topic: 'general' } }]);
    const who = parties[party];

    const adds = added(100);
    expect(outcomes(adds, await push(who, adds))).toEqual(expected[party].add);
    expect(outcomes(changes, await push(who, changes))).toEqual(expected[party].change);
    expect(outcomes(removals, await push(who, removals))).toEqual(expected[party].change.map((outcome) => (outcome === R ? 'ok' : outcome)));

    // What this party added is in its own name; everything it could not touch is as its author left it.
    const { document } = await service.snapshot(nurse, inCall);
    const ownAdds = [...document.goals, ...document.wishes].filter((entry) => entry.id === item(100) || entry.id === item(106));
    const mayAdd = [expected[party].add[0], expected[party].add[6]].filter((outcome) => outcome === 'ok');
    expect(ownAdds.map((entry) => entry.author)).toEqual(mayAdd.map((): ParticipantRole => party));
    const wishes = Object.fromEntries(document.wishes.map((wish) => [wish.id, [wish.text, wish.author]]));
    if (expected[party].change[7] !== 'ok') expect(wishes[PATIENT_WISH]).toEqual(['Jeg vil genoplives', 'patient']);
    if (expected[party].change[8] !== 'ok') expect(wishes[RELATIVE_WISH]).toEqual(['Mor vil have besøg om søndagen', 'relative']);
  });

  it('refuses the security probe: a relative rewrites, removes or signs a wish as the patient; the rest of the push lands and the attempt is audited', async () => {
    const { push, service, karen, daughter, nurse, inCall, prisma, patient } = await scene();
    await push(karen, [{ op: 'add', section: 'wishes', item: { id: PATIENT_WISH, text: 'Jeg vil genoplives.', topic: 'end_of_life', author: 'patient' } }]);

    const probe: PlanOperationInput[] = [
      { op: 'update', section: 'wishes', id: PATIENT_WISH, set: { text: 'I do NOT want to be resuscitated.' } },
      { op: 'remove', section: 'wishes', id: PATIENT_WISH },
      { op: 'add', section: 'wishes', item: { id: item(20), text: 'I do NOT want to be resuscitated.', topic: 'end_of_life', author: 'patient' } },
      { op: 'add', section: 'comments', item: { id: item(21), text: 'Mor har talt om genoplivning i dag.' } },
    ];
    const result = await push(daughter, probe);
    expect(result.rejected).toEqual([
      { index: 0, rejection: { code: 'NOT_AUTHOR', section: 'wishes', itemId: PATIENT_WISH, author: 'patient' } },
      { index: 1, rejection: { code: 'NOT_AUTHOR', section: 'wishes', itemId: PATIENT_WISH, author: 'patient' } },
      { index: 2, rejection: { code: 'INVALID_VALUE', issues: [{ path: 'item.author', message: expect.any(String) }] } },
    ]);
    expect(result.applied.map((op) => op.section)).toEqual(['comments']);

    const { document } = await service.snapshot(nurse, inCall);
    expect(document.wishes).toEqual([{ id: PATIENT_WISH, text: 'Jeg vil genoplives.', topic: 'end_of_life', author: 'patient' }]);
    expect(document.comments.map((comment) => [comment.text, comment.by.role])).toEqual([['Mor har talt om genoplivning i dag.', 'relative']]);
    const audit = await prisma.auditEvent.findMany({ where: { patientId: patient.id, actorId: daughter.participantId, action: 'update' } });
    expect(audit.map((row) => row.outcome).sort()).toEqual(['denied', 'ok']);
  });
});
