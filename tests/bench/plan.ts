/**
 * The care plan under load, on 127.0.0.1. Samplan runs in a process of its
 * own (benchServer.ts: request log and metrics on, as deployed); this
 * process only generates the load and measures.
 *
 * 1. Live co-editing: CLIENTS Socket.IO clients have the plan of one
 *    conference open; one of them pushes EDITS edits, one after another. Per
 *    edit: the time from the push until every other client holds the new
 *    revision (its plan:revision arrived).
 * 2. REST: GET /api/episodes/:id/plan at a fixed rate for REST_SECONDS
 *    seconds, open loop (each request leaves at its scheduled time whether or
 *    not earlier ones were answered; latency counts from that time, so a
 *    stall is not hidden). BENCH_REST_RPS may list several rates (`50,100,200`):
 *    each is run in turn and the highest one served with p99 within the
 *    target is reported.
 *
 *   npm run bench:plan    env: BENCH_CLIENTS, BENCH_EDITS, BENCH_REST_RPS, BENCH_REST_SECONDS,
 *                         BENCH_DATABASE_URL (a PostgreSQL database to use instead of the embedded one)
 *
 * The last line printed is one JSON object with the results.
 */
import { Agent, request as httpRequest } from 'node:http';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { PlanOperationInput } from '@samplan/shared';
import { addTask, item } from '../db/plan/fixtures.ts';
import { connectClient, ok, type PlanClient } from '../db/plan/planServer.ts';
import { startBenchServer } from './serverProcess.ts';
import { percentile } from './stats.ts';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 8);
const EDITS = Number(process.env.BENCH_EDITS ?? 200);
const REST_RATES = (process.env.BENCH_REST_RPS ?? '200').split(',').map(Number);
const REST_SECONDS = Number(process.env.BENCH_REST_SECONDS ?? 10);
/** An edit not seen by everyone within this is counted as lost and the run fails. */
const EDIT_TIMEOUT_MS = 5_000;
/** Open-loop requests still unanswered beyond this many are not sent (counted as dropped), so an overloaded server cannot take the machine down. */
const MAX_IN_FLIGHT = 1_000;
const TARGETS = { edit_p95_ms: 100, rest_p99_ms: 50 };

const round = (ms: number) => Math.round(ms * 100) / 100;

interface PlanScene {
  episodeId: string;
  conferenceId: string;
  cookies: string[];
}

async function main(): Promise<void> {
  const loadBefore = loadavg();
  const server = await startBenchServer<PlanScene>('plan');
  const clients: PlanClient[] = [];
  try {
    const { scene } = server;
    for (let i = 0; i < CLIENTS; i++) clients.push(await connectClient(server.url, scene.cookies[i % scene.cookies.length]!));
    for (const client of clients) await ok(client, 'plan:open', { conferenceId: scene.conferenceId });
    console.log(`Samplan on ${server.url} (${server.database}, process ${server.pid}); ${CLIENTS} clients in one conference; load ${loadBefore.map((n) => n.toFixed(2)).join(' ')}`);

    const edit = await measureEdits(clients, addTask);
    console.log(`\nLive edits: ${EDITS} edits by one client, seen by ${CLIENTS - 1} others`);
    console.log(`  until all others hold the revision: p50 ${round(edit.p50)} ms, p95 ${round(edit.p95)} ms, max ${round(edit.max)} ms`);
    console.log(`  push acknowledged: p50 ${round(edit.ackP50)} ms, p95 ${round(edit.ackP95)} ms`);
    for (const client of clients) client.disconnect();

    const rates = [];
    for (const rate of REST_RATES) {
      const rest = await measureRest(server.url, `/api/episodes/${scene.episodeId}/plan`, scene.cookies[0]!, rate);
      const met = rest.p99 <= TARGETS.rest_p99_ms && rest.failed === 0 && rest.dropped === 0;
      console.log(`\nREST GET /api/episodes/:id/plan, open loop at ${rate}/s for ${REST_SECONDS} s (plan at revision ${EDITS + 1})`);
      console.log(`  ${rest.completed} answered (${rest.failed} errors, ${rest.dropped} not sent), ${round(rest.rps)} requests/s`);
      console.log(`  latency: p50 ${round(rest.p50)} ms, p95 ${round(rest.p95)} ms, p99 ${round(rest.p99)} ms, max ${round(rest.max)} ms — ${met ? 'within' : 'NOT within'} p99 ≤ ${TARGETS.rest_p99_ms} ms`);
      rates.push({ rate, rest, met });
    }
    const last = rates.at(-1)!;
    const within = rates.filter((entry) => entry.met).map((entry) => entry.rate);
    const loadAfter = loadavg();

    const result = {
      clients: CLIENTS,
      edits: EDITS,
      edit_p50_ms: round(edit.p50),
      edit_p95_ms: round(edit.p95),
      edit_max_ms: round(edit.max),
      edit_ack_p50_ms: round(edit.ackP50),
      rest_target_rps: last.rate,
      rest_rps: round(last.rest.rps),
      rest_p50_ms: round(last.rest.p50),
      rest_p99_ms: round(last.rest.p99),
      rest_errors: last.rest.failed,
      rest_dropped: last.rest.dropped,
      rest_rates: rates.map(({ rate, rest }) => ({ rate, rps: round(rest.rps), p50_ms: round(rest.p50), p99_ms: round(rest.p99), errors: rest.failed, dropped: rest.dropped })),
      rest_max_rate_within_target: within.length === 0 ? null : Math.max(...within),
      database: server.database,
      server_rss_mb: Math.round(server.rssMb()),
      load_before: loadBefore.map((n) => round(n)),
      load_after: loadAfter.map((n) => round(n)),
      edit_target_met: edit.p95 <= TARGETS.edit_p95_ms,
      rest_target_met: last.met,
    };
    console.log(`\nload average before ${result.load_before.join(' ')}, after ${result.load_after.join(' ')}`);
    console.log(`targets: edit p95 ≤ ${TARGETS.edit_p95_ms} ms ${result.edit_target_met ? 'met' : 'NOT met'}; REST p99 ≤ ${TARGETS.rest_p99_ms} ms at ${last.rate}/s ${result.rest_target_met ? 'met' : 'NOT met'}`);
    console.log(JSON.stringify(result));
  } finally {
    for (const client of clients) client.disconnect();
    await server.close();
  }
}

/** One client edits (first the task it will edit, then EDITS updates of it); the others report when each revision reaches them. */
async function measureEdits(clients: PlanClient[], add: (n: number) => PlanOperationInput) {
  const [editor, ...others] = clients;
  if (!editor || others.length === 0) throw new Error('need an editor and at least one other client');
  const arrivals = new Map<number, { left: number; done: () => void }>();
  for (const other of others) {
    other.on('plan:revision', ({ revision }) => {
      const waiting = arrivals.get(revision.revision);
      if (waiting && --waiting.left === 0) waiting.done();
    });
  }
  const allSee = (revision: number) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`revision ${revision} did not reach every client within ${EDIT_TIMEOUT_MS} ms`)), EDIT_TIMEOUT_MS);
      arrivals.set(revision, {
        left: others.length,
        done: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });

  let base = (await ok(editor, 'plan:push', { baseRevision: 0, ops: [add(1)] })).revision;
  const seen: number[] = [];
  const acks: number[] = [];
  for (let n = 1; n <= EDITS; n++) {
    const everyone = allSee(base + 1);
    const start = performance.now();
    const answer = await ok(editor, 'plan:push', { baseRevision: base, ops: [{ op: 'update', section: 'tasks', id: item(1), set: { what: `Visit ${n}` } }] });
    acks.push(performance.now() - start);
    if (answer.revision !== base + 1) throw new Error(`edit ${n} landed as revision ${answer.revision}, expected ${base + 1}`);
    await everyone;
    seen.push(performance.now() - start);
    arrivals.delete(answer.revision);
    base = answer.revision;
  }
  return { p50: percentile(seen, 50), p95: percentile(seen, 95), max: Math.max(...seen), ackP50: percentile(acks, 50), ackP95: percentile(acks, 95) };
}

async function measureRest(base: string, path: string, cookie: string, rate: number) {
  const url = new URL(path, base);
  if (url.hostname !== '127.0.0.1') throw new Error('the benchmark only talks to 127.0.0.1');
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const total = Math.round(rate * REST_SECONDS);
  const interval = 1000 / rate;
  const latencies: number[] = [];
  let failed = 0;
  let dropped = 0;
  let inFlight = 0;
  const get = () =>
    new Promise<number>((resolve, reject) => {
      const req = httpRequest(url, { agent, headers: { cookie } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
      req.end();
    });

  const started = performance.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    if (inFlight >= MAX_IN_FLIGHT) {
      dropped++;
      continue;
    }
    inFlight++;
    pending.push(
      get()
        .then((status) => {
          if (status === 200) latencies.push(performance.now() - due);
          else failed++;
        })
        .catch(() => {
          failed++;
        })
        .finally(() => {
          inFlight--;
        }),
    );
  }
  await Promise.all(pending);
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  return {
    completed: latencies.length,
    failed,
    dropped,
    rps: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: Math.max(...latencies),
  };
}

await main();
