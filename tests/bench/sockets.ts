/**
 * Signalling sockets on one node: SOCKETS people in their conferences' calls
 * (three staff and two guests per conference, each signed in with a session
 * cookie, each with a room token from the REST API and joined to the room),
 * held open for HOLD_SECONDS. Samplan runs in a process of its own
 * (benchServer.ts) on a database this process filled beforehand (a
 * throw-away embedded one in a temporary directory, as `npm start` keeps it on
 * disk, or BENCH_DATABASE_URL); once it serves, this process only opens the
 * sockets.
 *
 * Reported: the server process's resident memory before and with the
 * sockets (its mediasoup worker is a process of its own and reported apart),
 * and the event loop's lag p99 inside the server (prom-client's monitor, read
 * from the metrics listener: once while the sockets join, once while they
 * are held).
 *
 *   npm run bench:sockets    env: BENCH_SOCKETS (1000), BENCH_HOLD_SECONDS (20), BENCH_JOIN_CONCURRENCY (20)
 *
 * The last line printed is one JSON object with the results; target rss_mb < 300.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PROTOCOL_VERSION, type ResponseOf } from '@samplan/shared';
import { openDatabase } from '@samplan/server/store/database.ts';
import { io as connect } from 'socket.io-client';
import { ok, type PlanClient } from '../db/plan/planServer.ts';
import { metricValue, startBenchServer } from './serverProcess.ts';
import { createSocketScene, type SocketConference } from './socketScene.ts';
import { percentile } from './stats.ts';

const PEOPLE_PER_CONFERENCE = 5;
const SOCKETS = Number(process.env.BENCH_SOCKETS ?? 1000);
const HOLD_SECONDS = Number(process.env.BENCH_HOLD_SECONDS ?? 20);
const CONCURRENCY = Number(process.env.BENCH_JOIN_CONCURRENCY ?? 20);
const TARGET_RSS_MB = 300;

const round = (n: number) => Math.round(n * 10) / 10;

async function main(): Promise<void> {
  const loadBefore = loadavg();
  const conferences = Math.ceil(SOCKETS / PEOPLE_PER_CONFERENCE);
  // The scene is written here, before the server starts: building it through the record inside the server left ~140 MB of
  // garbage in the server's heap, and an embedded database made in memory kept initdb's leftovers (~400 MB) there too.
  const scratch = process.env.BENCH_DATABASE_URL ? undefined : mkdtempSync(join(tmpdir(), 'samplan-bench-sockets-'));
  const databaseUrl = process.env.BENCH_DATABASE_URL ?? `pglite:${scratch}`;
  const database = await openDatabase(databaseUrl);
  let scene: { conferences: SocketConference[] };
  try {
    scene = await createSocketScene(database.prisma, conferences);
  } finally {
    await database.close();
  }
  const server = await startBenchServer<Record<string, never>>('prepared', { BENCH_DATABASE_URL: databaseUrl });
  const sockets: PlanClient[] = [];
  try {
    const idleRss = server.rssMb();
    const idleMemory = await server.memory();
    console.log(`Samplan on ${server.url} (${server.database}, process ${server.pid}): ${conferences} conferences; ${round(idleRss)} MB before any socket; load ${loadBefore.map((n) => n.toFixed(2)).join(' ')}`);
    const people = scene.conferences.flatMap((conference) => conference.cookies.map((cookie) => ({ conferenceId: conference.conferenceId, cookie }))).slice(0, SOCKETS);

    await metricValue(server.metricsUrl, 'nodejs_eventloop_lag_p99_seconds'); // a read starts the monitor's next window
    let capabilities: ResponseOf<'room:capabilities'>['routerRtpCapabilities'] | undefined;
    const joinMs: number[] = [];
    const started = performance.now();
    let next = 0;
    const joinNext = async (): Promise<void> => {
      while (next < people.length) {
        const person = people[next++]!;
        const begun = performance.now();
        const token = await roomToken(server.url, person);
        const socket: PlanClient = connect(server.url, { transports: ['websocket'], extraHeaders: { cookie: person.cookie }, auth: { protocolVersion: PROTOCOL_VERSION }, forceNew: true });
        sockets.push(socket);
        await new Promise<void>((resolve, reject) => {
          socket.once('connect', resolve);
          socket.once('connect_error', reject);
        });
        capabilities ??= (await ok(socket, 'room:capabilities', { token })).routerRtpCapabilities;
        await ok(socket, 'room:join', { token, displayName: 'Bench', rtpCapabilities: capabilities });
        joinMs.push(performance.now() - begun);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, joinNext));
    const joinSeconds = (performance.now() - started) / 1000;
    const joiningLagMs = (await metricValue(server.metricsUrl, 'nodejs_eventloop_lag_p99_seconds')) * 1000;
    console.log(`\n${sockets.length} sockets joined in ${round(joinSeconds)} s (${CONCURRENCY} at a time): join p50 ${round(percentile(joinMs, 50))} ms, p95 ${round(percentile(joinMs, 95))} ms; event-loop lag p99 while joining ${round(joiningLagMs)} ms`);

    await new Promise((resolve) => setTimeout(resolve, HOLD_SECONDS * 1000));
    const connected = sockets.filter((socket) => socket.connected).length;
    const heldLagMs = (await metricValue(server.metricsUrl, 'nodejs_eventloop_lag_p99_seconds')) * 1000;
    const rss = server.rssMb();
    const heldMemory = await server.memory();
    const heapMb = heldMemory.heapUsed / 2 ** 20;
    const collectedMemory = await server.memory(true);
    const rssAfterGc = server.rssMb();
    const workerRss = workerRssMb(server.pid);
    const loadAfter = loadavg();
    console.log(`held ${HOLD_SECONDS} s: ${connected} still connected; event-loop lag p99 ${round(heldLagMs)} ms`);
    console.log(`server process RSS ${round(rss)} MB (${round(idleRss)} MB before the sockets); its mediasoup worker ${round(workerRss)} MB`);
    console.log(`  before the sockets: ${memoryLine(idleMemory)}`);
    console.log(`  with the sockets:   ${memoryLine(heldMemory)}`);
    console.log(`  after a full GC:    RSS ${round(rssAfterGc)} MB, ${memoryLine(collectedMemory)}`);
    console.log(`  per socket: RSS ${round(((rss - idleRss) * 1024) / connected)} kB, JS heap ${round((heldMemory.heapUsed - idleMemory.heapUsed) / 1024 / connected)} kB`);
    console.log(`load average before ${loadBefore.map((n) => n.toFixed(2)).join(' ')}, after ${loadAfter.map((n) => n.toFixed(2)).join(' ')}`);
    console.log(`target: RSS < ${TARGET_RSS_MB} MB ${rss < TARGET_RSS_MB ? 'met' : 'NOT met'}`);
    console.log(
      JSON.stringify({
        sockets: connected,
        rss_mb: round(rss),
        event_loop_lag_p99_ms: round(heldLagMs),
        joining_event_loop_lag_p99_ms: round(joiningLagMs),
        idle_rss_mb: round(idleRss),
        heap_used_mb: round(heapMb),
        idle_heap_used_mb: round(idleMemory.heapUsed / 2 ** 20),
        rss_after_gc_mb: round(rssAfterGc),
        heap_used_after_gc_mb: round(collectedMemory.heapUsed / 2 ** 20),
        external_mb: round(heldMemory.external / 2 ** 20),
        worker_rss_mb: round(workerRss),
        join_p95_ms: round(percentile(joinMs, 95)),
        database: server.database,
        load_before: loadBefore.map(round),
        load_after: loadAfter.map(round),
        rss_target_met: rss < TARGET_RSS_MB,
      }),
    );
  } finally {
    for (const socket of sockets) socket.disconnect();
    await server.close();
    if (scratch !== undefined) rmSync(scratch, { recursive: true, force: true });
  }
}

/** Where the process's memory is, as V8 sees it; WebAssembly memories (the embedded database's) count in `external` by their size, touched or not. */
function memoryLine(memory: NodeJS.MemoryUsage): string {
  const mb = (bytes: number) => `${round(bytes / 2 ** 20)} MB`;
  return `JS heap in use ${mb(memory.heapUsed)} of ${mb(memory.heapTotal)}, external ${mb(memory.external)} (array buffers ${mb(memory.arrayBuffers)})`;
}

async function roomToken(base: string, person: { conferenceId: string; cookie: string }): Promise<string> {
  const url = new URL(`/api/conferences/${person.conferenceId}/room-token`, base);
  if (url.hostname !== '127.0.0.1') throw new Error('the benchmark only talks to 127.0.0.1');
  const answer = await fetch(url, { method: 'POST', headers: { cookie: person.cookie } });
  if (answer.status !== 200) throw new Error(`room token refused: ${answer.status} ${await answer.text()}`);
  return ((await answer.json()) as { token: string }).token;
}

/** The server's mediasoup worker: its child process of that name. */
function workerRssMb(serverPid: number): number {
  const children = execFileSync('ps', ['--ppid', String(serverPid), '-o', 'rss=,comm='], { encoding: 'utf8' });
  return children
    .split('\n')
    .filter((line) => line.includes('mediasoup'))
    .reduce((sum, line) => sum + Number(line.trim().split(/\s+/)[0]) / 1024, 0);
}

await main();
