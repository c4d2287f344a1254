import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planPushSchema, type PlanOperationInput } from '@samplan/shared';
import type { Principal } from '@samplan/server/auth/principal.ts';
import { agreedRevisionFor } from '@samplan/server/record/plan/agreements.ts';
import { type EpisodeScope, type PlanCalls, planCalls } from './planCalls.ts';
import { DATABASE_KINDS, openFreshDatabase, type FreshDatabase } from '../../support/database-targets.ts';
import { addTask, addWish, createConferenceScene, item, setTask } from './fixtures.ts';

describe.each(DATABASE_KINDS)('care plan service on %s', (kind) => {
  let fresh: FreshDatabase;
  beforeAll(async () => {
    fresh = await openFreshDatabase(kind);
  });
  afterAll(() => fresh?.dispose());

  const push = (service: PlanCalls, principal: Principal, scope: EpisodeScope, baseRevision: number, ops: PlanOperationInput[]) =>
    service.push(principal, scope, planPushSchema.parse({ baseRevision, ops }));

  async function scene() {
    const { prisma } = fresh.db;
    const setup = await createConferenceScene(prisma);
    const service = planCalls(prisma);
    const inCall: EpisodeScope = { episodeId: setup.episode.id, conferenceId: setup.conference.id, via: 'plan:push' };
    return { ...setup, prisma, service, inCall };
  }

  it('opens an episode without a plan yet as the empty revision 0, and audits the read', async () => {
    const { service, nurse, episode, patient, prisma } = await scene();
    const snapshot = await service.snapshot(nurse, { episodeId: episode.id, via: 'GET /api/episodes/:id/plan' });
    expect(snapshot).toMatchObject({ revision: 0, document: { tasks: [], wishes: [] }, agreement: { state: 'not_agreed', currentRevision: 0 } });
    expect(snapshot.allowed).toContain('plan:edit-tasks');
    const audit = await prisma.auditEvent.findMany({ where: { patientId: patient.id } });
    expect(audit.map((row) => [row.actorId, row.action, row.resourceType, row.via, row.outcome])).toEqual([
      [nurse.staffId, 'read', 'CarePlan', 'GET /api/episodes/:id/plan', 'ok'],
    ]);
  });

  it('lands two pushes from the same base that touch different tasks, as revisions in a row, linked to the conference', async () => {
    const { service, nurse, homeNurse, inCall, prisma } = await scene();
    await push(service, nurse, inCall, 0, [addTask(1, 'Reception visit'), addTask(2, 'Medication review')]);

    const [a, b] = await Promise.all([
      // Home care's task is done by home care (shared/src/plan/responsibility.ts); the ward rewords another.
      push(service, homeNurse, inCall, 1, [setTask(1, { status: 'done' })]),
      push(service, nurse, inCall, 1, [setTask(2, { what: 'Medication review with the GP' })]),
    ]);
    expect([a.rejected, b.rejected]).toEqual([[], []]);
    expect([a.revision, b.revision].sort()).toEqual([2, 3]);
    // The second to commit is told what it had not seen.
    const later = a.revision === 3 ? a : b;
    expect(later.missed.map((revision) => revision.revision)).toEqual([2]);

    const snapshot = await service.snapshot(nurse, inCall);
    expect(snapshot.revision).toBe(3);
    expect(snapshot.document.tasks.map((task) => [task.what, task.status])).toEqual([
      ['Reception visit', 'done'],
      ['Medication review with the GP', 'open'],
    ]);
    const rows = await prisma.planRevision.findMany({ where: { plan: { episodeId: inCall.episodeId } }, orderBy: { number: 'asc' } });
    expect(rows.map((row) => [row.number, row.conferenceId])).toEqual([1, 2, 3].map((n) => [n, inCall.conferenceId]));
  });

  it('gives the same field one result and tells the other person who changed it', async () => {
    const { service, nurse, homeNurse, inCall } = await scene();
    await push(service, nurse, inCall, 0, [addTask(1)]);

    const results = await Promise.all([
      push(service, nurse, inCall, 1, [setTask(1, { due: '2026-03-29T10:00:00+01:00' })]),
      push(service, homeNurse, inCall, 1, [setTask(1, { due: '2026-03-30T10:00:00+02:00' })]),
    ]);
    const landed = results.filter((result) => result.applied.length === 1);
    const refused = results.filter((result) => result.rejected.length === 1);
    expect(landed).toHaveLength(1);
    expect(refused).toHaveLength(1);
    const winner = landed[0] === results[0] ? nurse : homeNurse;
    expect(refused[0]).toMatchObject({
      revision: 2,
      at: null,
      applied: [],
      rejected: [{ index: 0, rejection: { code: 'FIELD_CHANGED', section: 'tasks', itemId: item(1), changes: [{ field: 'due', by: { name: winner.name }, revision: 2 }] } }],
    });
    const snapshot = await service.snapshot(nurse, inCall);
    // Stored in UTC, whichever offset it was written with.
    expect(snapshot.document.tasks[0]?.due).toBe(winner === nurse ? '2026-03-29T09:00:00.000Z' : '2026-03-30T08:00:00.000Z');
  });

  it('loses nothing when two servers push at once: each retries on top of the other, numbers stay contiguous', async () => {
    const { service, prisma, nurse, homeNurse, gp, inCall } = await scene();
    const other = planCalls(prisma);
    await push(service, nurse, inCall, 0, [addTask(1)]);

    const writers = [nurse, homeNurse, gp];
    const pushes = Array.from({ length: 12 }, (_, n) => push(n % 2 === 0 ? service : other, writers[n % 3]!, inCall, 1, [addTask(100 + n)]));
    const results = await Promise.all(pushes);
    expect(results.every((result) => result.applied.length === 1 && result.rejected.length === 0)).toBe(true);
    expect(results.map((result) => result.revision).sort((x, y) => x - y)).toEqual(Array.from({ length: 12 }, (_, n) => n + 2));

    const rows = await prisma.planRevision.findMany({ where: { plan: { episodeId: inCall.episodeId } }, orderBy: { number: 'asc' }, select: { number: true, parentId: true, id: true } });
    expect(rows.map((row) => row.number)).toEqual(Array.from({ length: 13 }, (_, n) => n + 1));
    rows.slice(1).forEach((row, n) => expect(row.parentId).toBe(rows[n]!.id));
    const tasks = (await service.snapshot(nurse, inCall)).document.tasks.map((task) => task.id);
    expect(tasks.sort()).toEqual([item(1), ...Array.from({ length: 12 }, (_, n) => item(100 + n))].sort());
  });

  it('lets a patient add wishes and comment but not edit tasks, and audits the refusal', async () => {
    const { service, nurse, karen, inCall, prisma, patient } = await scene();
    await push(service, nurse, inCall, 0, [addTask(1)]);

    const result = await push(service, karen, inCall, 1, [
      setTask(1, { status: 'cancelled' }),
      addWish(20, 'Jeg vil gerne blive hjemme'),
      { op: 'add', section: 'comments', item: { id: item(30), text: 'Min datter kommer om tirsdagen' } },
    ]);
    expect(result.rejected).toEqual([{ index: 0, rejection: { code: 'FORBIDDEN', section: 'tasks', itemId: item(1), permission: 'plan:edit-tasks' } }]);
    expect(result.revision).toBe(2);
    const document = (await service.snapshot(karen, inCall)).document;
    expect(document.tasks[0]?.status).toBe('open');
    expect(document.wishes.map((wish) => wish.text)).toEqual(['Jeg vil gerne blive hjemme']);
    expect(document.comments[0]?.by).toEqual({ id: `participant:${karen.participantId}`, name: 'Karen Jensen', role: 'patient' });

    const audit = await prisma.auditEvent.findMany({ where: { patientId: patient.id, actorId: karen.participantId, action: 'update' }, orderBy: { outcome: 'asc' } });
    expect(audit.map((row) => [row.outcome, row.via])).toEqual([
      ['ok', 'plan:push'],
      ['denied', 'plan:push'],
    ]);
  });

  it('refuses someone without standing as if the episode did not exist, and a link outside its own conference', async () => {
    const { service, outsider, nurse, guest, inCall, prisma, patient, episode } = await scene();
    await expect(service.snapshot(outsider, { episodeId: episode.id, via: 'GET /api/episodes/:id/plan' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(push(service, outsider, inCall, 0, [addTask(1)])).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const otherConference = await prisma.conference.create({
      data: { episodeId: episode.id, kind: 'follow_up', scheduledStart: new Date(), plannedDurationMinutes: 30, hostId: nurse.staffId },
    });
    const laterGuest = await guest('relative', 'Nabo', otherConference.id);
    await expect(push(service, laterGuest, inCall, 0, [addWish(1, 'x')])).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(service.snapshot(outsider, { episodeId: 'not-a-uuid', via: 'GET /api/episodes/:id/plan' })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const denied = await prisma.auditEvent.findMany({ where: { patientId: patient.id, outcome: 'denied' } });
    expect(denied.map((row) => [row.actorId, row.action])).toEqual(
      expect.arrayContaining([
        [outsider.staffId, 'read'],
        [outsider.staffId, 'update'],
        [laterGuest.participantId, 'update'],
      ]),
    );
    expect(await prisma.planRevision.count({ where: { plan: { episodeId: episode.id } } })).toBe(0);
  });

  it('is agreed when every party present agrees, records it on the conference, and shows a later change', async () => {
    const { service, nurse, homeNurse, karen, daughter, geriatrician, gp, inCall, conference, prisma } = await scene();
    const agreeIn = { conferenceId: conference.id, via: 'plan:agree' };
    await push(service, nurse, inCall, 0, [addTask(1)]);
    await push(service, karen, inCall, 1, [addWish(2, 'Blive hjemme')]);

    // The daughter is a party of her own (tests/db/plan/agreement-parties.test.ts): her yes does not answer for her mother.
    const mette = `relative:${daughter.participantId}`;
    const relatives = [{ party: mette, name: 'Mette Jensen' }];
    expect(await service.agree(nurse, agreeIn, 2)).toMatchObject({ state: 'not_agreed', awaiting: ['patient', 'municipality', mette] });
    expect(await service.agree(daughter, agreeIn, 2)).toMatchObject({ state: 'not_agreed', awaiting: ['patient', 'municipality'] });
    expect(await service.agree(karen, agreeIn, 2)).toMatchObject({ state: 'not_agreed', awaiting: ['municipality'] });
    // Agreeing twice changes nothing.
    expect(await service.agree(karen, agreeIn, 2)).toMatchObject({ state: 'not_agreed', awaiting: ['municipality'] });
    expect(await agreedRevisionFor(prisma, conference.id)).toBeNull();
    expect(await service.agree(homeNurse, agreeIn, 2)).toEqual({ state: 'agreed', currentRevision: 2, agreedRevision: 2, awaiting: [], relatives });
    expect(await agreedRevisionFor(prisma, conference.id)).toBe(2);

    // A comment does not undo the agreement; a change of content does.
    await push(service, homeNurse, inCall, 2, [{ op: 'add', section: 'comments', item: { id: item(3), text: 'Aftalt' } }]);
    expect((await service.snapshot(nurse, inCall)).agreement).toEqual({ state: 'agreed', currentRevision: 3, agreedRevision: 3, awaiting: [], relatives });
    await push(service, homeNurse, inCall, 3, [setTask(1, { status: 'done' })]);
    expect((await service.snapshot(nurse, inCall)).agreement).toEqual({
      state: 'changed_since_agreement',
      currentRevision: 4,
      agreedRevision: 3,
      awaiting: ['patient', 'hospital', 'municipality', mette],
      relatives,
    });

    await expect(service.agree(geriatrician, agreeIn, 4)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // The GP is in the care team but not in this call.
    await expect(service.agree(gp, agreeIn, 4)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(service.agree(nurse, agreeIn, 9)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const agreements = await prisma.agreement.findMany({ where: { conferenceId: conference.id } });
    expect(agreements.map((row) => row.party).sort()).toEqual(['hospital', 'municipality', 'patient', 'relative']);
  });

  it('lists revisions newest first with who, where and what changed', async () => {
    const { service, nurse, homeNurse, karen, inCall, episode } = await scene();
    await push(service, nurse, inCall, 0, [addTask(1, 'Order a walker')]);
    await push(service, homeNurse, { episodeId: episode.id, via: 'POST /api/episodes/:id/plan/push' }, 1, [setTask(1, { status: 'done' })]);
    await push(service, karen, inCall, 2, [addWish(2, 'Blive hjemme')]);

    const history = await service.history(nurse, { episodeId: episode.id, via: 'GET /api/episodes/:id/plan/revisions' });
    expect(history.map((entry) => [entry.revision, entry.by.name, entry.conferenceId, entry.changes])).toEqual([
      [3, 'Karen Jensen', inCall.conferenceId, [{ kind: 'added', section: 'wishes', itemId: item(2), label: 'Blive hjemme' }]],
      [2, 'Anna Holm', null, [{ kind: 'changed', section: 'tasks', itemId: item(1), label: 'Order a walker', fields: ['status', 'doneAt'] }]],
      [1, 'Sygeplejerske Hansen', inCall.conferenceId, [{ kind: 'added', section: 'tasks', itemId: item(1), label: 'Order a walker' }]],
    ]);
    const page = await service.history(nurse, { episodeId: episode.id, via: 'GET /api/episodes/:id/plan/revisions' }, { before: 3, limit: 1 });
    expect(page.map((entry) => entry.revision)).toEqual([2]);
  });

  it('refuses a base revision the plan does not have', async () => {
    const { service, nurse, inCall } = await scene();
    await expect(push(service, nurse, inCall, 5, [addTask(1)])).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('makes no revisions in a conference that is over, and agrees in none', async () => {
    const { service, nurse, inCall, prisma, conference, episode } = await scene();
    await push(service, nurse, inCall, 0, [addTask(1)]);
    await prisma.conference.update({ where: { id: conference.id }, data: { status: 'ended', endedAt: new Date() } });
    await expect(push(service, nurse, inCall, 1, [setTask(1, { what: 'Reception visit at 14' })])).rejects.toMatchObject({ code: 'ROOM_CLOSED' });
    await expect(service.agree(nurse, { conferenceId: conference.id, via: 'plan:agree' }, 1)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await push(service, nurse, { episodeId: episode.id, via: 'POST /api/episodes/:id/plan/push' }, 1, [setTask(1, { what: 'Reception visit at 14' })])).toMatchObject({ revision: 2 });
  });
});
