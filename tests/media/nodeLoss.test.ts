import { demoMediaRoomId, type RunningSamplan, signRoomToken } from '@samplan/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Bot } from '../support/bots/bot.ts';
import { createTestDatabase, type TestPostgresDatabase } from '../support/postgres.ts';
import { startTestRedis, type TestRedis } from '../support/redis.ts';
import { type SamplanProcess, startSamplanProcess } from '../support/samplanProcess.ts';
import { expectMediaFlowing, SMALL_VIDEO, startTestSamplan, testHost, withTimeout } from './harness.ts';

// The node holding a call dies (SIGKILL: no drain, no goodbye). Its own
// participants lose their sockets and connect again through the balancer to
// a surviving node; those whose sockets were on a surviving node are told by
// it to rejoin. Both rejoin as the client does, the room is placed on a
// surviving node, and media flows again. The dying node is a real server
// process (server/src/main.ts); the survivors run in this process. All
// share one PostgreSQL database, as nodes do in production.

const SECRET = 'node-loss-test-secret-that-is-long-enough-01';
const LEASE_MS = 3000;
/** A hang guard, not a target: the measured time is printed. */
const RECOVERY_LIMIT_MS = 30_000;

/** The node that dies: a real server process on a test address of its own, its rooms leased in Redis. */
function startDoomedNode(redisUrl: string, databaseUrl: string): Promise<SamplanProcess> {
  return startSamplanProcess({
    host: testHost(),
    port: 0,
    databaseUrl,
    secret: SECRET,
    env: { REDIS_URL: redisUrl, PLACEMENT_LEASE_MS: String(LEASE_MS), DEMO_ROOMS: 'true', LOG_LEVEL: 'warn' },
  });
}

function token(room: string): Promise<string> {
  return signRoomToken({ kind: 'demo', roomId: room, role: 'relative' }, SECRET, 600);
}

async function connectBot(url: string, room: string, frequencyHz: number, resume?: Bot): Promise<Bot> {
  return Bot.connect({
    url,
    token: await token(room),
    displayName: `bot ${frequencyHz}`,
    video: SMALL_VIDEO,
    audio: { frequencyHz },
    ...(resume ? { resume: { peerId: resume.peerId, resumeKey: resume.join.resumeKey } } : {}),
  });
}

/** What the client does: wait for its cue (the socket dropped, or `room:closed` with rejoin), then join again until it is back in. */
async function rejoinLikeTheClient(bot: Bot, cue: Promise<unknown>, survivor: RunningSamplan, room: string, frequencyHz: number): Promise<Bot> {
  await cue;
  bot.close();
  for (let attempt = 0; ; attempt++) {
    try {
      return await connectBot(survivor.url, room, frequencyHz, bot);
    } catch (error) {
      if (attempt >= 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

describe('when the node holding a call dies', () => {
  let redis: TestRedis;
  let database: TestPostgresDatabase;
  const survivors: RunningSamplan[] = [];
  const children: SamplanProcess[] = [];
  const bots: Bot[] = [];

  beforeAll(async () => {
    [redis, database] = await Promise.all([startTestRedis(), createTestDatabase()]);
    for (let index = 0; index < 2; index++) {
      survivors.push(
        await startTestSamplan({ mediaWorkers: 1, mediaPort: 0, redisUrl: redis.url, databaseUrl: database.url, placementLeaseMs: LEASE_MS, secret: SECRET }),
      );
    }
  }, 180_000);

  afterAll(async () => {
    for (const bot of bots) bot.close();
    for (const { child } of children) child.kill('SIGKILL');
    await Promise.all(survivors.map((node) => node.close()));
    await redis?.stop();
    await database?.drop();
  });

  it.each([
    { nodes: 2, room: 'loss-of-two' },
    { nodes: 3, room: 'loss-of-three' },
  ])('moves the room to a surviving node and media flows again ($nodes nodes)', { timeout: 180_000 }, async ({ nodes, room }) => {
    const doomed = await startDoomedNode(redis.url, database.url);
    children.push(doomed);
    const [b, c] = survivors as [RunningSamplan, RunningSamplan];
    const onDoomed = await connectBot(doomed.url, room, 440);
    const onB = await connectBot(b.url, room, 660);
    const onC = nodes === 3 ? await connectBot(c.url, room, 880) : undefined;
    const before = [onDoomed, onB, ...(onC ? [onC] : [])];
    bots.push(...before);
    const holder = await b.cluster!.leases.holderOf(demoMediaRoomId(room));
    expect(holder).not.toBe(b.cluster!.nodeId);
    expect(holder).not.toBe(c.cluster!.nodeId);
    await expectMediaFlowing(before, before);

    const dropped = new Promise((resolve) => onDoomed.socket.once('disconnect', resolve));
    const toldToRejoin = (bot: Bot) => bot.waitFor('room:closed', ({ rejoin }) => rejoin, RECOVERY_LIMIT_MS);
    const killedAt = Date.now();
    doomed.child.kill('SIGKILL');
    await doomed.exited;

    const after = await withTimeout(
      Promise.all([
        // Its socket was on the dead node: the balancer sends the new one to a survivor.
        rejoinLikeTheClient(onDoomed, dropped, nodes === 3 ? c : b, room, 440),
        rejoinLikeTheClient(onB, toldToRejoin(onB), b, room, 660),
        ...(onC ? [rejoinLikeTheClient(onC, toldToRejoin(onC), c, room, 880)] : []),
      ]),
      'everyone back in the call',
      RECOVERY_LIMIT_MS,
    );
    bots.push(...after);
    await expectMediaFlowing(after, after);
    const nodeLossMs = Date.now() - killedAt;
    process.stdout.write(`node_loss_ms=${nodeLossMs}\n`);

    const newHolder = await b.cluster!.leases.holderOf(demoMediaRoomId(room));
    expect([b.cluster!.nodeId, c.cluster!.nodeId]).toContain(newHolder);
    const hosts = survivors.filter((node) => node.cluster!.nodeId === newHolder);
    expect(hosts[0]!.media.stats()).toMatchObject({ rooms: 1, peers: after.length });
    for (const bot of after) expect(bot.errors).toEqual([]);
    await Promise.all(after.map((bot) => bot.leave()));
  });
});
