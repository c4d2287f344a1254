import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createMetricsServer } from '../http/metricsServer.ts';
import type { WorkerUsage } from '../media/mediaService.ts';
import { Metrics, type PushOutcome } from './metrics.ts';

const STATS = { workers: 1, rooms: 2, peers: 5, routers: 2, transports: 10, producers: 8, consumers: 12 };

function metricsWith(usage: () => WorkerUsage[]) {
  const pushListeners: Array<(outcome: PushOutcome) => void> = [];
  const metrics = new Metrics({
    media: { stats: () => STATS, workerUsage: async () => usage(), draining: false },
    plans: {
      onPush: (listener) => {
        pushListeners.push(listener);
        return () => undefined;
      },
    },
    openAdviceRequests: async () => ({ waiting: 3, taken: 1 }),
  });
  return { metrics, push: (outcome: PushOutcome) => pushListeners.forEach((listener) => listener(outcome)) };
}

async function series(metrics: Metrics, name: string): Promise<number> {
  const text = (await metrics.exposition()).body;
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${name} `));
  if (line === undefined) throw new Error(`no ${name}`);
  return Number(line.slice(name.length + 1));
}

describe('Metrics', () => {
  it('reads media figures and open advice requests at scrape time', async () => {
    const { metrics } = metricsWith(() => [{ slot: 0, pid: 100, cpuSeconds: 1.5, restarts: 0 }]);
    expect(await series(metrics, 'samplan_media_rooms')).toBe(2);
    expect(await series(metrics, 'samplan_media_peers')).toBe(5);
    expect(await series(metrics, 'samplan_media_producers')).toBe(8);
    expect(await series(metrics, 'samplan_media_consumers')).toBe(12);
    expect(await series(metrics, 'samplan_advice_requests_open{state="waiting"}')).toBe(3);
    expect(await series(metrics, 'samplan_advice_requests_open{state="taken"}')).toBe(1);
  });

  it('keeps worker CPU a counter across a worker replaced in its slot, and counts the restart', async () => {
    let usage: WorkerUsage[] = [{ slot: 0, pid: 100, cpuSeconds: 4, restarts: 0 }];
    const { metrics } = metricsWith(() => usage);
    expect(await series(metrics, 'samplan_media_worker_cpu_seconds_total{slot="0"}')).toBe(4);
    usage = [{ slot: 0, pid: 100, cpuSeconds: 6, restarts: 0 }];
    expect(await series(metrics, 'samplan_media_worker_cpu_seconds_total{slot="0"}')).toBe(6);
    usage = [{ slot: 0, pid: undefined, cpuSeconds: 0, restarts: 1 }];
    expect(await series(metrics, 'samplan_media_workers_alive')).toBe(0);
    expect(await series(metrics, 'samplan_media_worker_restarts_total{slot="0"}')).toBe(1);
    usage = [{ slot: 0, pid: 200, cpuSeconds: 0.5, restarts: 1 }];
    expect(await series(metrics, 'samplan_media_worker_cpu_seconds_total{slot="0"}')).toBe(6.5);
    expect(await series(metrics, 'samplan_media_workers_alive')).toBe(1);
    expect(await series(metrics, 'samplan_media_worker_restarts_total{slot="0"}')).toBe(1);
  });

  it('counts pushes by outcome and the conflicts among them', async () => {
    const { metrics, push } = metricsWith(() => []);
    push({ outcome: 'committed', rebased: false });
    push({ outcome: 'committed', rebased: true });
    push({ outcome: 'conflict', rebased: false });
    expect(await series(metrics, 'samplan_plan_pushes_total{outcome="committed"}')).toBe(2);
    expect(await series(metrics, 'samplan_plan_pushes_total{outcome="conflict"}')).toBe(1);
    expect(await series(metrics, 'samplan_plan_pushes_total{outcome="failed"}')).toBe(0);
    expect(await series(metrics, 'samplan_plan_conflicts_total{kind="rebased"}')).toBe(1);
    expect(await series(metrics, 'samplan_plan_conflicts_total{kind="refused"}')).toBe(1);
  });
});

describe('the metrics listener', () => {
  const servers: Array<ReturnType<typeof createMetricsServer>> = [];
  afterEach(() => {
    for (const server of servers.splice(0)) server.close();
  });

  async function listening(token: string | undefined): Promise<string> {
    const server = createMetricsServer(metricsWith(() => []).metrics, token, pino({ level: 'silent' }));
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  it('without a token (loopback only, as config.ts insists) answers anyone who reaches it, and only at /metrics', async () => {
    const url = await listening(undefined);
    const answer = await fetch(`${url}/metrics`);
    expect(answer.status).toBe(200);
    expect(await answer.text()).toContain('samplan_media_rooms 2');
    expect((await fetch(`${url}/`)).status).toBe(404);
    expect((await fetch(`${url}/metrics`, { method: 'POST' })).status).toBe(404);
  });

  it('with a token refuses a missing or wrong bearer token and answers the right one', async () => {
    const url = await listening('a-scrape-token-0123456789');
    expect((await fetch(`${url}/metrics`)).status).toBe(401);
    expect((await fetch(`${url}/metrics`, { headers: { authorization: 'Bearer a-scrape-token-012345678' } })).status).toBe(401);
    expect((await fetch(`${url}/metrics`, { headers: { authorization: 'Bearer a-scrape-token-0123456789' } })).status).toBe(200);
  });
});
