import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { MediaService } from '../media/mediaService.ts';
import type { PlanPushOutcome } from '../events/domainEvents.ts';

/** How a care plan push ended (the `plan.pushed` event). */
export type PushOutcome = { outcome: PlanPushOutcome; rebased: boolean };

export type MetricsSources = {
  media: Pick<MediaService, 'stats' | 'workerUsage' | 'draining'>;
  /** Told how every push to this server's plans ended (app.ts: the `plan.pushed` event). */
  plans: { onPush(listener: (push: PushOutcome) => void): void };
  /** Advice requests not yet answered, counted in the database at scrape time. */
  openAdviceRequests: () => Promise<{ waiting: number; taken: number }>;
};

/** Seconds; a REST answer is expected in tens of milliseconds, a FHIR bundle or the indicators in about a second. */
const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * Samplan's Prometheus metrics, one registry per running server (tests run
 * several in one process). Room, peer and worker figures are read when
 * Prometheus scrapes, so nothing is counted twice or drifts.
 */
export class Metrics {
  readonly registry = new Registry();
  readonly #httpDuration: Histogram<'method' | 'route' | 'status_code'>;

  constructor(sources: MetricsSources) {
    const registers = [this.registry];
    // Process CPU and memory, and the event loop's lag (nodejs_eventloop_lag_seconds and its percentiles).
    collectDefaultMetrics({ register: this.registry });

    this.#httpDuration = new Histogram({
      name: 'samplan_http_request_duration_seconds',
      help: 'HTTP requests by route pattern (never the raw path: no ids or tokens), method and status.',
      labelNames: ['method', 'route', 'status_code'],
      buckets: HTTP_BUCKETS,
      registers,
    });

    const mediaGauge = (name: string, help: string, read: (stats: ReturnType<MetricsSources['media']['stats']>) => number) =>
      new Gauge({
        name,
        help,
        registers,
        collect() {
          this.set(read(sources.media.stats()));
        },
      });
    mediaGauge('samplan_media_rooms', 'Open media rooms (one router each) on this node.', (stats) => stats.rooms);
    mediaGauge('samplan_media_peers', 'Participants in a room on this node, reconnecting ones included.', (stats) => stats.peers);
    mediaGauge('samplan_media_transports', 'Open WebRTC transports.', (stats) => stats.transports);
    mediaGauge('samplan_media_producers', 'Streams sent to this node (camera, microphone, screen).', (stats) => stats.producers);
    mediaGauge('samplan_media_consumers', 'Streams this node forwards to participants.', (stats) => stats.consumers);
    new Gauge({
      name: 'samplan_draining',
      help: '1 while this node is shutting down (SIGTERM): joins are refused and health/ready answers 503.',
      registers,
      collect() {
        this.set(sources.media.draining ? 1 : 0);
      },
    });

    // Counters are cumulative; a worker replaced in its slot starts its CPU time from zero again, which the counter absorbs.
    const seenCpu = new Map<number, { pid: number; seconds: number }>();
    const seenRestarts = new Map<number, number>();
    // The three worker metrics are collected side by side at each scrape; they share one round of questions to the workers.
    let reading: Promise<void> | undefined;
    const readWorkersOnce = () => (reading ??= readWorkers().finally(() => (reading = undefined)));
    const workerCpu = new Counter({
      name: 'samplan_media_worker_cpu_seconds_total',
      help: 'CPU time (user + system) used by the mediasoup worker in each slot.',
      labelNames: ['slot'],
      registers,
      collect: readWorkersOnce,
    });
    const workerRestarts = new Counter({
      name: 'samplan_media_worker_restarts_total',
      help: 'Mediasoup workers that died and were replaced, by slot.',
      labelNames: ['slot'],
      registers,
      collect: readWorkersOnce,
    });
    const workersAlive = new Gauge({ name: 'samplan_media_workers_alive', help: 'Mediasoup worker processes running.', registers, collect: readWorkersOnce });
    async function readWorkers(): Promise<void> {
      const usage = await sources.media.workerUsage();
      let alive = 0;
      for (const { slot, pid, cpuSeconds, restarts } of usage) {
        const labels = { slot: String(slot) };
        workerRestarts.inc(labels, restarts - (seenRestarts.get(slot) ?? 0));
        seenRestarts.set(slot, restarts);
        if (pid === undefined) continue;
        alive++;
        const seen = seenCpu.get(slot);
        const since = seen !== undefined && seen.pid === pid ? seen.seconds : 0;
        workerCpu.inc(labels, Math.max(0, cpuSeconds - since));
        seenCpu.set(slot, { pid, seconds: Math.max(cpuSeconds, since) });
      }
      workersAlive.set(alive);
    }

    const pushes = new Counter({
      name: 'samplan_plan_pushes_total',
      help: 'Care plan pushes by outcome: committed (new revision), unchanged (nothing applied), conflict (answered CONFLICT), failed.',
      labelNames: ['outcome'],
      registers,
    });
    const conflicts = new Counter({
      name: 'samplan_plan_conflicts_total',
      help: 'Care plan pushes that met concurrent edits: rebased (merged onto revisions the sender had not seen) or refused (answered CONFLICT).',
      labelNames: ['kind'],
      registers,
    });
    for (const outcome of ['committed', 'unchanged', 'conflict', 'failed']) pushes.inc({ outcome }, 0);
    for (const kind of ['rebased', 'refused']) conflicts.inc({ kind }, 0);
    sources.plans.onPush(({ outcome, rebased }) => {
      pushes.inc({ outcome });
      if (rebased) conflicts.inc({ kind: 'rebased' });
      if (outcome === 'conflict') conflicts.inc({ kind: 'refused' });
    });

    new Gauge({
      name: 'samplan_advice_requests_open',
      help: 'Advice requests to the geriatric team not yet answered: waiting (nobody has taken it) or taken.',
      labelNames: ['state'],
      registers,
      async collect() {
        const { waiting, taken } = await sources.openAdviceRequests();
        this.set({ state: 'waiting' }, waiting);
        this.set({ state: 'taken' }, taken);
      },
    });
  }

  observeHttp(labels: { method: string; route: string; statusCode: number }, seconds: number): void {
    this.#httpDuration.observe({ method: labels.method, route: labels.route, status_code: String(labels.statusCode) }, seconds);
  }

  /** The text Prometheus scrapes, and its content type. */
  async exposition(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
