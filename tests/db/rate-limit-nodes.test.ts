import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSamplan } from '@samplan/server';
import { openFreshDatabase, type FreshDatabase } from '../support/database-targets.ts';
import { startTestRedis, type TestRedis } from '../support/redis.ts';
import { startTestSamplan } from '../support/samplan.ts';

// Two Samplan nodes on one PostgreSQL database behind one address, as a load balancer spreads a
// guesser's attempts over them. With REDIS_URL the failed sign-ins counted
// on one node count on the other; without it each node counts its own.

const LIMITS = { authRateLimit: 100, authAccountRateLimit: 3, authRateWindowMs: 60_000 };

async function failedSignIn(node: RunningSamplan, login: string): Promise<number> {
  const response = await fetch(`${node.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password: 'a guess' }) });
  await response.body?.cancel();
  return response.status;
}

describe('sign-in rate limits on two nodes', () => {
  let fresh: FreshDatabase;
  let redis: TestRedis;
  const nodes: RunningSamplan[] = [];

  beforeAll(async () => {
    [fresh, redis] = await Promise.all([openFreshDatabase('postgres'), startTestRedis()]);
  });
  afterAll(async () => {
    await Promise.all(nodes.map((node) => node.close()));
    await redis?.stop();
    await fresh?.dispose();
  });

  async function twoNodes(redisUrl?: string): Promise<[RunningSamplan, RunningSamplan]> {
    const settings = { ...LIMITS, databaseUrl: fresh.url, ...(redisUrl ? { redisUrl } : {}) };
    const pair = await Promise.all([startTestSamplan(settings), startTestSamplan(settings)]);
    nodes.push(...pair);
    return pair;
  }

  it('count failed sign-ins to one login on node A against node B when they share Redis', async () => {
    const [a, b] = await twoNodes(redis.url);
    const seen = [await failedSignIn(a, 'anna@region.test'), await failedSignIn(a, 'anna@region.test'), await failedSignIn(b, 'ANNA@region.test'), await failedSignIn(b, 'anna@region.test')];
    expect(seen).toEqual([401, 401, 401, 429]);
    // Another login is not held up by Anna's count.
    expect(await failedSignIn(a, 'bent@region.test')).toBe(401);
  });

  it('count on each node apart without Redis (what the shared count prevents)', async () => {
    const [a, b] = await twoNodes();
    const seen = [await failedSignIn(a, 'carl@region.test'), await failedSignIn(a, 'carl@region.test'), await failedSignIn(a, 'carl@region.test'), await failedSignIn(b, 'carl@region.test')];
    expect(seen).toEqual([401, 401, 401, 401]);
  });
});
