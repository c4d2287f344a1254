import { demoMediaRoomId, type RunningSamplan } from '@samplan/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bot } from '../support/bots/bot.ts';
import { createTestDatabase, type TestPostgresDatabase } from '../support/postgres.ts';
import { startTestRedis, type TestRedis } from '../support/redis.ts';
import { expectMediaFlowing, joinBot, SMALL_VIDEO, startTestSamplan, waitUntil } from './harness.ts';

// Several Samplan nodes on one Redis, as behind an ordinary load balancer:
// each participant's socket lands on whichever node it reached. The room's
// router lives on one node (its lease in Redis); the others relay the
// participant's room requests there, and media flows to that node's
// mediasoup. Each test uses rooms of its own names, so leases never meet.
// The nodes share one PostgreSQL database, as they would in production.

describe('a call across several nodes', () => {
  let redis: TestRedis;
  let database: TestPostgresDatabase;
  const nodes: RunningSamplan[] = [];
  const bots: Bot[] = [];

  function startNode(overrides: Parameters<typeof startTestSamplan>[0] = {}): Promise<RunningSamplan> {
    return startTestSamplan({ mediaWorkers: 1, mediaPort: 0, redisUrl: redis.url, databaseUrl: database.url, placementLeaseMs: 3000, ...overrides });
  }

  beforeAll(async () => {
    [redis, database] = await Promise.all([startTestRedis(), createTestDatabase()]);
    for (let index = 0; index < 3; index++) nodes.push(await startNode());
  }, 180_000);

  afterAll(async () => {
    for (const bot of bots) bot.close();
    await Promise.all(nodes.map((node) => node.close()));
    await redis?.stop();
    await database?.drop();
  });

  async function join(node: RunningSamplan, room: string, frequencyHz: number): Promise<Bot> {
    const bot = await joinBot(node, room, { video: SMALL_VIDEO, audio: { frequencyHz } });
    bots.push(bot);
    return bot;
  }

  function holderOf(room: string): Promise<string | undefined> {
    return nodes[0]!.cluster!.leases.holderOf(demoMediaRoomId(room));
  }

  it('puts two people who reached two nodes in one room: they see and hear each other', async () => {
    const [a, b] = nodes as [RunningSamplan, RunningSamplan];
    const first = await join(a, 'two-nodes', 440);
    const second = await join(b, 'two-nodes', 660);

    expect(await holderOf('two-nodes')).toBe(a.cluster!.nodeId);
    expect(a.media.stats()).toMatchObject({ rooms: 1, peers: 2 });
    expect(b.media.stats()).toMatchObject({ rooms: 0, peers: 0 });
    expect(b.cluster!.relay.counts().relayedOut).toBe(1);
    expect(a.cluster!.relay.counts().relayedIn).toBe(1);
    expect(second.join.peers.map((peer) => peer.peerId)).toEqual([first.peerId]);
    await first.waitFor('peer:joined', ({ peer }) => peer.peerId === second.peerId);

    await expectMediaFlowing([first, second], [first, second]);
    expect(first.errors).toEqual([]);
    expect(second.errors).toEqual([]);

    await second.leave();
    await first.waitFor('peer:left', ({ peerId }) => peerId === second.peerId);
    expect(b.cluster!.relay.counts().relayedOut).toBe(0);
    await first.leave();
    await waitUntil('the lease is given back with the empty room', async () => (await holderOf('two-nodes')) === undefined);
    expect(a.media.stats()).toMatchObject({ rooms: 0, peers: 0, transports: 0 });
  });

  it('puts three people on three nodes in one room, and a room opened anew may land elsewhere', async () => {
    const [a, b, c] = nodes as [RunningSamplan, RunningSamplan, RunningSamplan];
    const onB = await join(b, 'three-nodes', 300);
    const onC = await join(c, 'three-nodes', 500);
    const onA = await join(a, 'three-nodes', 700);
    expect(await holderOf('three-nodes')).toBe(b.cluster!.nodeId);
    expect(b.media.stats()).toMatchObject({ rooms: 1, peers: 3 });
    expect(a.media.stats().rooms + c.media.stats().rooms).toBe(0);

    await expectMediaFlowing([onA, onB, onC], [onA, onB, onC]);
    for (const bot of [onA, onB, onC]) expect(bot.errors).toEqual([]);

    await Promise.all([onA.leave(), onB.leave(), onC.leave()]);
    await waitUntil('the room is closed and its lease free', async () => (await holderOf('three-nodes')) === undefined && b.media.stats().rooms === 0);
  });

  it('moves the call when the node holding it drains: its people rejoin and the room reopens on another node', async () => {
    const drainer = await startNode({ drainTimeoutMs: 20_000 });
    nodes.push(drainer);
    const [a] = nodes as [RunningSamplan];
    const onDrainer = await joinBot(drainer, 'drain-move', { video: SMALL_VIDEO, audio: { frequencyHz: 440 } });
    const onA = await join(a, 'drain-move', 660);
    bots.push(onDrainer);
    expect(await holderOf('drain-move')).toBe(drainer.cluster!.nodeId);

    const drained = drainer.drain();
    // Both are told to move, the one whose socket is on the other node too (through the relay).
    await Promise.all([onDrainer.waitFor('room:draining'), onA.waitFor('room:draining')]);
    expect(await holderOf('drain-move')).toBeUndefined();

    // What the client does on `room:draining`: leave this connection, connect again (the balancer sends it to a ready node) and rejoin.
    const moved = [];
    for (const [bot, frequencyHz] of [[onDrainer, 440], [onA, 660]] as const) {
      bot.close();
      moved.push(await joinBot(a, 'drain-move', { video: SMALL_VIDEO, audio: { frequencyHz }, resume: { peerId: bot.peerId, resumeKey: bot.join.resumeKey } }));
    }
    bots.push(...moved);
    await drained;
    expect(await holderOf('drain-move')).toBe(a.cluster!.nodeId);
    await expectMediaFlowing(moved, moved);
    await Promise.all(moved.map((bot) => bot.leave()));
  });
});
