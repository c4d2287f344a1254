import { NodeLink } from '@samplan/server/cluster/nodeLink.ts';
import { leaseKeyOf, RoomLeases } from '@samplan/server/cluster/roomLeases.ts';
import { createLogger } from '@samplan/server/logger.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRedis, type TestRedis } from '../support/redis.ts';

// Which node holds a room, on a real redis-server: one holder at a time, a
// lease renewed while held, taken over at once from a node that is gone, lost
// (and said so) when another node took it, given up on drain.

const LEASE_MS = 1500;
const logger = createLogger('silent');

async function waitUntil(what: string, check: () => boolean | Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`waited 10 s until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('room leases', () => {
  let redis: TestRedis;
  const links: NodeLink[] = [];
  const leases: RoomLeases[] = [];

  beforeAll(async () => {
    redis = await startTestRedis();
  });
  afterAll(async () => {
    for (const lease of leases) lease.close();
    await Promise.all(links.map((link) => link.close()));
    await redis?.stop();
  });

  async function node(name: string): Promise<{ link: NodeLink; leases: RoomLeases }> {
    const link = await NodeLink.connect(redis.url, `${name}-${links.length}`, logger);
    const nodeLeases = new RoomLeases(link, LEASE_MS, logger);
    links.push(link);
    leases.push(nodeLeases);
    return { link, leases: nodeLeases };
  }

  it('gives a room to one node; the others are told where it is', async () => {
    const [a, b] = [await node('a'), await node('b')];
    await a.leases.claim('room-1');
    await expect(b.leases.claim('room-1')).rejects.toMatchObject({ code: 'ROOM_CLOSED' });
    expect(await b.leases.holderElsewhere('room-1')).toBe(a.link.nodeId);
    expect(await a.leases.holderElsewhere('room-1')).toBeUndefined();
    // Claiming again what it holds is no conflict (a room reopened on the same node).
    await a.leases.claim('room-1');
  });

  it('keeps a held lease alive past its time to live, and frees it on release', async () => {
    const [a, b] = [await node('a'), await node('b')];
    await a.leases.claim('room-2');
    await new Promise((resolve) => setTimeout(resolve, LEASE_MS * 2));
    expect(await b.leases.holderOf('room-2')).toBe(a.link.nodeId);
    a.leases.release('room-2');
    await waitUntil('the lease is gone', async () => (await b.leases.holderOf('room-2')) === undefined);
    await b.leases.claim('room-2');
    expect(await a.leases.holderElsewhere('room-2')).toBe(b.link.nodeId);
  });

  it('lets a live node take a room at once from a node that is gone', async () => {
    const [a, b] = [await node('a'), await node('b')];
    await a.leases.claim('room-3');
    a.leases.close();
    // Closed without giving the lease back, as a killed process leaves it: only its subscription ends.
    await a.link.sendCommand(['SET', leaseKeyOf('room-3'), a.link.nodeId, 'PX', '60000']);
    await a.link.close();
    expect(await b.leases.holderOf('room-3')).toBe(a.link.nodeId);
    expect(await b.leases.holderElsewhere('room-3')).toBeUndefined();
    await b.leases.claim('room-3');
    expect(await b.leases.holderOf('room-3')).toBe(b.link.nodeId);
  });

  it('says a room is lost when another node holds its lease, and closes nothing else', async () => {
    const [a, b] = [await node('a'), await node('b')];
    const lost: string[] = [];
    a.leases.onLost((roomId) => lost.push(roomId));
    await a.leases.claim('room-4');
    await a.leases.claim('room-5');
    // As if a's renewals had stopped long enough for b to take it (a hung node waking up).
    await b.link.sendCommand(['SET', leaseKeyOf('room-4'), b.link.nodeId, 'PX', '60000']);
    await waitUntil('a notices', () => lost.length > 0);
    expect(lost).toEqual(['room-4']);
    expect(await b.leases.holderOf('room-4')).toBe(b.link.nodeId);
    expect(await b.leases.holderOf('room-5')).toBe(a.link.nodeId);
  });

  it('gives every lease up on drain and takes no new one', async () => {
    const [a, b] = [await node('a'), await node('b')];
    await a.leases.claim('room-6');
    a.leases.giveUpAll();
    await waitUntil('the lease is gone', async () => (await b.leases.holderOf('room-6')) === undefined);
    await expect(a.leases.claim('room-7')).rejects.toMatchObject({ code: 'DRAINING' });
  });
});
