import { describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../support/database-targets.ts';
import { addTask, createConferenceScene, item } from './plan/fixtures.ts';
import { ok, planServerSuite } from './plan/planServer.ts';

/*
 * "My tasks" come with GET /api/day: the open plan tasks named to me or to my
 * organisation, found in one read of the plans, and the day view is audited
 * as what it is, one "read day view" row per patient it showed, never a plan
 * read per episode.
 */

describe.each(DATABASE_KINDS)('my tasks on the day view, on %s', (kind) => {
  const suite = planServerSuite(kind);

  const day = async (cookie: string) => {
    const response = await fetch(`${suite.server.url}/api/day`, { headers: { cookie } });
    expect(response.status).toBe(200);
    return response.json();
  };

  it('the home nurse gets her organisation’s and her own open tasks, soonest first; the ward nurse and an outsider do not', async () => {
    const scene = await createConferenceScene(suite.fresh.db.prisma);
    const nurse = await suite.connect(scene.nurse.cookie);
    await ok(nurse, 'plan:open', { conferenceId: scene.conference.id });
    const ours = addTask(1, 'Bestil rollator');
    const mine = { op: 'add', section: 'tasks', item: { id: item(2), what: 'Modtagebesøg', responsible: { role: 'municipality', organisation: 'Hjemmeplejen Vest', person: 'Anna Holm' }, due: '2026-03-11T09:00:00.000Z', status: 'open' } } as const;
    const colleague = { op: 'add', section: 'tasks', item: { id: item(3), what: 'Sårpleje', responsible: { role: 'municipality', organisation: 'Hjemmeplejen Vest', person: 'Lone Mikkelsen' }, due: null, status: 'open' } } as const;
    const ward = { op: 'add', section: 'tasks', item: { id: item(4), what: 'Epikrise', responsible: { role: 'hospital', organisation: 'Medicinsk afdeling M1' }, due: null, status: 'open' } } as const;
    await ok(nurse, 'plan:push', { baseRevision: 0, ops: [ours, mine, colleague, ward] });
    // A later revision closes one: the day reads the newest revision only.
    await ok(nurse, 'plan:push', { baseRevision: 1, ops: [{ op: 'update', section: 'tasks', id: item(4), set: { status: 'done' } }] });

    const homeNurseDay = await day(scene.homeNurse.cookie);
    expect(homeNurseDay.myTasks.map((entry: { episodeId: string; task: { what: string } }) => [entry.episodeId, entry.task.what])).toEqual([
      [scene.episode.id, 'Modtagebesøg'],
      [scene.episode.id, 'Bestil rollator'],
    ]);
    expect(homeNurseDay.myTasks[0].patient).toMatchObject({ id: scene.patient.id, name: 'Karen Jensen' });
    expect((await day(scene.nurse.cookie)).myTasks).toEqual([]);
    expect((await day(scene.outsider.cookie)).myTasks).toEqual([]);
  });

  it('one GET /api/day is one "read day view" row in the patient’s trail, and no plan read', async () => {
    const scene = await createConferenceScene(suite.fresh.db.prisma);
    const nurse = await suite.connect(scene.nurse.cookie);
    await ok(nurse, 'plan:open', { conferenceId: scene.conference.id });
    await ok(nurse, 'plan:push', { baseRevision: 0, ops: [addTask(1, 'Bestil rollator')] });
    const before = new Date();

    expect((await day(scene.homeNurse.cookie)).myTasks).toHaveLength(1);

    const trail = await suite.fresh.db.prisma.auditEvent.findMany({ where: { actorId: scene.homeNurse.staffId, at: { gte: before } } });
    expect(trail.map((row) => ({ action: row.action, resourceType: row.resourceType, resourceId: row.resourceId, patientId: row.patientId, via: row.via, outcome: row.outcome }))).toEqual([
      { action: 'read day view', resourceType: 'Episode', resourceId: scene.episode.id, patientId: scene.patient.id, via: 'GET /api/day', outcome: 'ok' },
    ]);
  });
});
