import { describe, expect, it } from 'vitest';
import type { RunningSamplan } from '@samplan/server';
import type { DayChanged } from '@samplan/shared';
import { DATABASE_KINDS, type FreshDatabase } from '../support/database-targets.ts';
import { addTask, createConferenceScene } from './plan/fixtures.ts';
import { ok, type PlanClient, planServerSuite, nodesSuite } from './plan/planServer.ts';

/*
 * "The home nurse's day view shows the patient within seconds, without a
 * reload": a signed-in staff socket is told `day:changed` when an episode of
 * its organisation changes; another organisation's staff and a guest are not.
 */

type Scene = Awaited<ReturnType<typeof createConferenceScene>>;

/** Every day:changed a socket gets, in order. */
function notices(socket: PlanClient): DayChanged[] {
  const seen: DayChanged[] = [];
  socket.on('day:changed', (notice) => seen.push(notice));
  return seen;
}

function nextNotice(socket: PlanClient): Promise<DayChanged> {
  return new Promise((resolve) => socket.once('day:changed', resolve));
}

function noticeOf(socket: PlanClient, change: DayChanged['change']): Promise<DayChanged> {
  return new Promise((resolve) => {
    const listener = (notice: DayChanged) => {
      if (notice.change !== change) return;
      socket.off('day:changed', listener);
      resolve(notice);
    };
    socket.on('day:changed', listener);
  });
}

/**
 * Nothing more for these sockets: a marker sent to every socket after the
 * change arrives after anything the change sent it (one socket's messages keep
 * their order), so a socket whose first notice is the marker got none.
 */
async function settled(server: Pick<RunningSamplan, 'io'>, sockets: readonly PlanClient[]): Promise<void> {
  const markers = sockets.map((socket) => new Promise<void>((resolve) => socket.on('day:changed', (notice) => notice.change === 'advice' && resolve())));
  server.io.emit('day:changed', { change: 'advice' });
  await Promise.all(markers);
}

async function discharge(db: FreshDatabase['db'], events: RunningSamplan['events'], scene: Scene): Promise<void> {
  const dischargedAt = new Date();
  await db.prisma.episode.update({
    where: { id: scene.episode.id },
    data: { admittedAt: new Date(dischargedAt.getTime() - 86_400_000), status: 'discharged', dischargedAt, dischargeRecordedById: scene.nurse.staffId },
  });
  await events.publish({ type: 'episode.discharged', episodeId: scene.episode.id, patientId: scene.patient.id, dischargedAt });
}

describe.each(DATABASE_KINDS)('day views told of changes, on %s', (kind) => {
  const suite = planServerSuite(kind);

  it('a discharge reaches the care team’s organisations, not another municipality nor the patient', async () => {
    const scene = await createConferenceScene(suite.fresh.db.prisma);
    const [homeNurse, gp, outsider, karen] = await Promise.all([suite.connect(scene.homeNurse.cookie), suite.connect(scene.gp.cookie), suite.connect(scene.outsider.cookie), suite.connect(scene.karen.cookie)]);
    const [outsiderSaw, karenSaw] = [notices(outsider), notices(karen)];
    // The discharge's own consequence in the plan (the pathway's visits) is a notice too, and may come first.
    const told = [noticeOf(homeNurse, 'discharged'), noticeOf(gp, 'discharged')];

    await discharge(suite.fresh.db, suite.server.events, scene);
    expect(await Promise.all(told)).toEqual([{ change: 'discharged' }, { change: 'discharged' }]);
    await settled(suite.server, [outsider, karen]);
    expect(outsiderSaw).toEqual([{ change: 'advice' }]);
    expect(karenSaw).toEqual([{ change: 'advice' }]);
  });

  it('a plan revision, an admission and a visit tell the care team too', async () => {
    const scene = await createConferenceScene(suite.fresh.db.prisma);
    const homeNurse = await suite.connect(scene.homeNurse.cookie);
    const nurse = await suite.connect(scene.nurse.cookie);
    await ok(nurse, 'plan:open', { conferenceId: scene.conference.id });

    const afterPush = nextNotice(homeNurse);
    await ok(nurse, 'plan:push', { baseRevision: 0, ops: [addTask(1, 'Bestil rollator')] });
    expect(await afterPush).toEqual({ change: 'plan' });

    const afterAdmission = nextNotice(homeNurse);
    await suite.server.events.publish({ type: 'episode.admitted', episodeId: scene.episode.id, patientId: scene.patient.id });
    expect(await afterAdmission).toEqual({ change: 'admitted' });

    const afterVisit = nextNotice(homeNurse);
    await suite.server.events.publish({ type: 'visit.recorded', episodeId: scene.episode.id, visitId: scene.episode.id, kind: 'day_after_check', performedAt: new Date(), recordedByStaffId: scene.homeNurse.staffId });
    expect(await afterVisit).toEqual({ change: 'visit' });
  });
});

describe('day views across nodes', () => {
  const cluster = nodesSuite();

  it('a discharge recorded on one node reaches the home nurse whose day view is on the other', async () => {
    const [a, b] = await Promise.all([cluster.node(), cluster.node()]);
    const scene = await createConferenceScene(cluster.fresh.db.prisma);
    const homeNurse = await cluster.connect(b.url, scene.homeNurse.cookie);
    const outsider = await cluster.connect(b.url, scene.outsider.cookie);
    const outsiderSaw = notices(outsider);

    // The discharge's plan consequence (pathway tasks) is told too, and may arrive first.
    const told = noticeOf(homeNurse, 'discharged');
    await discharge(cluster.fresh.db, a.events, scene);
    expect(await told).toEqual({ change: 'discharged' });
    await settled(a, [outsider]);
    expect(outsiderSaw).toEqual([{ change: 'advice' }]);
  });
});
