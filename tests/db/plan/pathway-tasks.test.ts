import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { followUpVisitDue, type NotificationOf, planPushResultSchema, planSnapshotSchema, receptionVisitDue, type Task } from '@samplan/shared';
import { DATABASE_KINDS } from '../../support/database-targets.ts';
import { createConferenceScene } from './fixtures.ts';
import { ok, planServerSuite } from './planServer.ts';

/*
 * The pathway's tasks, through the running app: a discharge and a visit are
 * published as the use cases publish them (ctx.events), and the plan follows
 * as revisions anyone with it open sees. Then who may say a task was done or
 * not done, over the REST push.
 */

describe.each(DATABASE_KINDS)('pathway tasks and their account, on %s', (kind) => {
  const suite = planServerSuite(kind);

  const call = (cookie: string, method: 'GET' | 'POST', path: string, body?: unknown) =>
    fetch(`${suite.server.url}/api${path}`, {
      method,
      headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const planOf = async (cookie: string, episodeId: string) => planSnapshotSchema.parse(await (await call(cookie, 'GET', `/episodes/${episodeId}/plan`)).json());
  const byPathway = (tasks: readonly Task[], pathway: Task['pathway']) => tasks.find((task) => task.pathway === pathway);

  /** The discharge as the discharge use case leaves it: recorded on the episode, then published. */
  async function discharge(scene: Awaited<ReturnType<typeof createConferenceScene>>, dischargedAt: Date) {
    await suite.fresh.db.prisma.episode.update({ where: { id: scene.episode.id }, data: { admittedAt: new Date(dischargedAt.getTime() - 3 * 86_400_000), status: 'discharged', dischargedAt, dischargeRecordedById: scene.nurse.staffId } });
    await suite.server.events.publish({ type: 'episode.discharged', episodeId: scene.episode.id, patientId: scene.patient.id, dischargedAt });
  }

  it('a discharge puts the reception and follow-up visits in the plan for home care, once; live editors see it; the visit closes its task', async () => {
    const scene = await createConferenceScene(suite.fresh.db.prisma);
    const homeNurse = await suite.connect(scene.homeNurse.cookie);
    await ok(homeNurse, 'plan:open', { conferenceId: scene.conference.id });
    const heard = new Promise<NotificationOf<'plan:revision'>>((resolve) => homeNurse.once('plan:revision', resolve));

    const dischargedAt = new Date(Date.now() - 3_600_000);
    await discharge(scene, dischargedAt);
    const { revision } = await heard;
    expect(revision).toMatchObject({ revision: 1, by: { id: `staff:${scene.nurse.staffId}`, role: 'hospital' } });

    const plan = await planOf(scene.homeNurse.cookie, scene.episode.id);
    const homeCare = { role: 'municipality', organisation: 'Hjemmeplejen Vest' };
    expect(plan.document.tasks.map(({ pathway, due, responsible, status }) => ({ pathway, due, responsible, status }))).toEqual([
      { pathway: 'reception_visit', due: receptionVisitDue(dischargedAt).toISOString(), responsible: homeCare, status: 'open' },
      { pathway: 'follow_up_home_visit', due: followUpVisitDue(dischargedAt).toISOString(), responsible: homeCare, status: 'open' },
    ]);
    const stored = await suite.fresh.db.prisma.planRevision.findFirstOrThrow({ where: { plan: { episodeId: scene.episode.id }, number: 1 } });
    expect([stored.authorStaffId, stored.conferenceId]).toEqual([scene.nurse.staffId, null]);

    // The same discharge told twice (a retried event) adds nothing.
    await discharge(scene, dischargedAt);
    expect((await planOf(scene.homeNurse.cookie, scene.episode.id)).revision).toBe(1);

    await suite.server.events.publish({ type: 'visit.recorded', episodeId: scene.episode.id, visitId: randomUUID(), kind: 'reception_visit', performedAt: new Date(), recordedByStaffId: scene.homeNurse.staffId });
    const after = await planOf(scene.homeNurse.cookie, scene.episode.id);
    expect(after.revision).toBe(2);
    expect(byPathway(after.document.tasks, 'reception_visit')).toMatchObject({ status: 'done', doneAt: expect.any(String) });
    expect(byPathway(after.document.tasks, 'follow_up_home_visit')).toMatchObject({ status: 'open', doneAt: null });
    const closing = await suite.fresh.db.prisma.planRevision.findFirstOrThrow({ where: { plan: { episodeId: scene.episode.id }, number: 2 } });
    expect([closing.authorStaffId, closing.conferenceId]).toEqual([scene.homeNurse.staffId, null]);
    const audited = await suite.fresh.db.prisma.auditEvent.findFirst({ where: { resourceId: closing.id, action: 'update', via: 'event:visit.recorded' } });
    expect(audited).toMatchObject({ actorId: scene.homeNurse.staffId, patientId: scene.patient.id, outcome: 'ok' });

    // A second reception visit finds no open task: no revision.
    await suite.server.events.publish({ type: 'visit.recorded', episodeId: scene.episode.id, visitId: randomUUID(), kind: 'reception_visit', performedAt: new Date(), recordedByStaffId: scene.homeNurse.staffId });
    expect((await planOf(scene.homeNurse.cookie, scene.episode.id)).revision).toBe(2);
  });

  it('makes the plan when the episode has none yet', async () => {
    const scene = await createConferenceScene(suite.fresh.db.prisma);
    await suite.fresh.db.prisma.carePlan.delete({ where: { episodeId: scene.episode.id } });
    await discharge(scene, new Date());
    const plan = await planOf(scene.nurse.cookie, scene.episode.id);
    expect(plan.document.tasks.map((task) => task.pathway)).toEqual(['reception_visit', 'follow_up_home_visit']);
  });

  it('only the responsible party reports a task done or not done; the ward still plans it', async () => {
    const scene = await createConferenceScene(suite.fresh.db.prisma);
    await discharge(scene, new Date());
    const { document, revision } = await planOf(scene.nurse.cookie, scene.episode.id);
    const reception = byPathway(document.tasks, 'reception_visit')!;
    const push = async (cookie: string, baseRevision: number, set: Record<string, unknown>) => {
      const response = await call(cookie, 'POST', `/episodes/${scene.episode.id}/plan/push`, { baseRevision, ops: [{ op: 'update', section: 'tasks', id: reception.id, set }] });
      expect(response.status).toBe(200);
      return planPushResultSchema.parse(await response.json());
    };
    const notDone = { status: 'not_done', notDoneReason: 'Borgeren var ikke hjemme; ny aftale i morgen' };

    for (const outsider of [scene.nurse, scene.gp]) {
      const refused = await push(outsider.cookie, revision, notDone);
      expect(refused.rejected).toEqual([{ index: 0, rejection: { code: 'NOT_RESPONSIBLE', section: 'tasks', itemId: reception.id, responsible: reception.responsible } }]);
    }
    const denials = await suite.fresh.db.prisma.auditEvent.count({ where: { patientId: scene.patient.id, actorId: scene.nurse.staffId, action: 'update', resourceType: 'PlanRevision', outcome: 'denied' } });
    expect(denials).toBe(1);
    expect(await push(scene.nurse.cookie, revision, { due: new Date(Date.now() + 7_200_000).toISOString() })).toMatchObject({ revision: revision + 1, rejected: [] });

    const withoutReason = await push(scene.homeNurse.cookie, revision + 1, { status: 'not_done' });
    expect(withoutReason.rejected).toMatchObject([{ rejection: { code: 'INVALID_VALUE', issues: [{ path: 'notDoneReason' }] } }]);
    expect(await push(scene.homeNurse.cookie, revision + 1, notDone)).toMatchObject({ revision: revision + 2, rejected: [] });
    const marked = byPathway((await planOf(scene.nurse.cookie, scene.episode.id)).document.tasks, 'reception_visit');
    expect(marked).toMatchObject({ status: 'not_done', notDoneReason: notDone.notDoneReason, doneAt: null });

    // The ward cannot take the home nurse's account back either; she can, and then it is done.
    expect((await push(scene.nurse.cookie, revision + 2, { status: 'open' })).rejected.map(({ rejection }) => rejection.code)).toEqual(['NOT_RESPONSIBLE']);
    expect(await push(scene.homeNurse.cookie, revision + 2, { status: 'done' })).toMatchObject({ revision: revision + 3, rejected: [] });
    const done = byPathway((await planOf(scene.nurse.cookie, scene.episode.id)).document.tasks, 'reception_visit');
    expect(done).toMatchObject({ status: 'done', doneAt: expect.any(String) });
    expect(done).not.toHaveProperty('notDoneReason');
  });
});
