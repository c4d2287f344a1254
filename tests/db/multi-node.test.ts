import { describe, expect, it } from 'vitest';
import type { RunningSamplan } from '@samplan/server';
import type { NotificationOf } from '@samplan/shared';
import { addTask, createConferenceScene } from './plan/fixtures.ts';
import { ok, type PlanClient, nodesSuite } from './plan/planServer.ts';

// Two Samplan nodes on one PostgreSQL database, as behind a load balancer:
// the ward nurse's socket lands on one, the home nurse's on the other. Only
// the Redis adapter can carry a plan revision across.

function revisionWithin(socket: PlanClient, ms: number): Promise<NotificationOf<'plan:revision'> | 'none'> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve('none'), ms);
    socket.once('plan:revision', (payload) => {
      clearTimeout(timer);
      resolve(payload);
    });
  });
}

describe('several nodes', () => {
  const cluster = nodesSuite();

  async function nurseAndHomeNurseOnTwoNodes(redis: boolean) {
    const [a, b] = await Promise.all([cluster.node({}, { redis }), cluster.node({}, { redis })]);
    const scene = await createConferenceScene(cluster.fresh.db.prisma);
    const nurse = await cluster.connect(a.url, scene.nurse.cookie);
    const homeNurse = await cluster.connect(b.url, scene.homeNurse.cookie);
    for (const socket of [nurse, homeNurse]) await ok(socket, 'plan:open', { conferenceId: scene.conference.id });
    return { nurse, homeNurse };
  }

  it('carry a plan revision to a caller on the other node through Redis', async () => {
    const { nurse, homeNurse } = await nurseAndHomeNurseOnTwoNodes(true);
    const heard = revisionWithin(homeNurse, 10_000);
    const answer = await ok(nurse, 'plan:push', { baseRevision: 0, ops: [addTask(1, 'Modtagebesøg inden 24 timer')] });
    expect(answer.revision).toBe(1);
    expect(await heard).toMatchObject({ revision: { revision: 1, ops: [addTask(1, 'Modtagebesøg inden 24 timer')] } });
  });

  it('end a session on every node at a logout on one of them, without Redis', async () => {
    const [a, b] = await Promise.all([cluster.node({}, { redis: false }), cluster.node({}, { redis: false })]);
    const { nurse } = await createConferenceScene(cluster.fresh.db.prisma);
    const headers = { cookie: nurse.cookie };
    const me = async (node: RunningSamplan) => (await fetch(`${node.url}/api/auth/me`, { headers })).status;
    expect([await me(a), await me(b)]).toEqual([200, 200]);
    expect((await fetch(`${a.url}/api/auth/logout`, { method: 'POST', headers })).status).toBe(204);
    expect([await me(a), await me(b)]).toEqual([401, 401]);
  });

  it('without Redis, keep a revision on the node that made it (what the adapter is for)', async () => {
    const { nurse, homeNurse } = await nurseAndHomeNurseOnTwoNodes(false);
    const heard = revisionWithin(homeNurse, 1_500);
    await ok(nurse, 'plan:push', { baseRevision: 0, ops: [addTask(1)] });
    expect(await heard).toBe('none');
  });
});
