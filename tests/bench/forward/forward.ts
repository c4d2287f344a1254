/**
 * bench:forward — how many consumers one mediasoup worker (one core) forwards
 * to at < 1 % loss through Samplan's own room and peer code, beside bare
 * mediasoup driven by the same harness in the same run. What Samplan adds
 * around mediasoup should cost next to nothing on the media path; this is
 * where that shows, in real packets rather than in a reading of the code.
 *
 * Processes (the orchestrator here only coordinates and reads /proc):
 *   - two subjects (subject.ts), each owning its worker: Samplan's
 *     MediaService, room and peers (samplanSubject.ts), and mediasoup alone
 *     (bareSubject.ts); each worker is pinned to one core;
 *   - one ffmpeg replaying a VP8 clip as RTP into both subjects' producers
 *     (plain transports), the same packets at the same time (source.ts);
 *   - one sink (sink.ts) with a UDP socket per consumer, counting packets and
 *     sequence-number gaps.
 * The source, sink and Node processes share the other core.
 *
 * The ramp adds receivers (each its own plain transport and one video
 * consumer) step by step; at each step the subjects take turns, the first
 * alternating: the measured subject's producer is resumed, the other's
 * paused, so only one worker forwards at a time. Each measurement settles,
 * then counts over a window. A count fails when two measurements in a row
 * reach 1 % loss; a subject's ramp ends at its first failing step; then its figure is narrowed down by halving the interval
 * between its last passing and first failing count (to BENCH_FORWARD_RESOLUTION
 * consumers), the subjects still taking turns. Its figure is the most
 * consumers measured under 1 % loss.
 *
 *   npm run bench:forward    env: BENCH_FORWARD_STEPS (100,200,…,2000 consumers), BENCH_FORWARD_SETTLE_MS (2000),
 *                            BENCH_FORWARD_WINDOW_MS (5000; a multiple of the clip's 5 s), BENCH_FORWARD_RESOLUTION (25 consumers),
 *                            BENCH_FORWARD_PIN (1; 0 leaves scheduling to the kernel)
 *
 * The last line printed is one JSON object; target ratio (Samplan ÷ bare) ≥ 0.9.
 */
import { execFileSync, type ChildProcess } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Child } from '../ipc.ts';
import { cpuSeconds, udpDrops } from './procfs.ts';
import type { SinkHandlers, SinkWindow } from './sink.ts';
import { sourceClip, startSource } from './source.ts';
import type { SubjectHandlers } from './subject.ts';
import type { SubjectName } from './subjectApi.ts';

const DEFAULT_STEPS = Array.from({ length: 20 }, (_, i) => (i + 1) * 100);
const STEPS = (process.env.BENCH_FORWARD_STEPS?.split(',').map(Number) ?? DEFAULT_STEPS).sort((a, b) => a - b);
const SETTLE_MS = Number(process.env.BENCH_FORWARD_SETTLE_MS ?? 2000);
const WINDOW_MS = Number(process.env.BENCH_FORWARD_WINDOW_MS ?? 5000);
const PIN = process.env.BENCH_FORWARD_PIN !== '0' && availableParallelism() >= 2;
/** The worker under measurement runs on core 0, and none of the bench's other processes do: they run on core 1. */
const WORKER_CPU = 0;
const LOAD_CPU = 1;
/** After the ramp, each figure is narrowed down by halving until passing and failing counts are this close. */
const RESOLUTION = Number(process.env.BENCH_FORWARD_RESOLUTION ?? 25);
const MAX_LOSS_PERCENT = 1;
const TARGET_RATIO = 0.9;

const SUBJECT = fileURLToPath(new URL('./subject.ts', import.meta.url));
const SINK = fileURLToPath(new URL('./sink.ts', import.meta.url));

type Running = {
  name: SubjectName;
  child: Child<SubjectHandlers>;
  workerPid: number;
  producerPort: number;
  producerRtcpPort: number;
  consumers: number;
  /** The most consumers measured under 1 % loss so far, and the fewest at or above it (undefined: none yet). */
  best: number;
  failed: number | undefined;
};

type Step = {
  subject: SubjectName;
  consumers: number;
  loss_percent: number;
  worker_cpu_percent: number;
  sink_drops: number;
  producer_lost: number;
  producer_socket_drops: number;
  sink_cpu_percent: number;
  packets_per_consumer_per_s: number;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

function pin(pid: number, cpu: number): void {
  // -a: every thread, so a worker's or Node's helper threads stay on the same core.
  if (PIN) execFileSync('taskset', ['-a', '-p', '-c', String(cpu), String(pid)], { stdio: 'ignore' });
}

async function startSubject(name: SubjectName): Promise<Running> {
  const child = await Child.start<SubjectHandlers>(SUBJECT, [name]);
  pin(child.pid, LOAD_CPU);
  const { workerPid, producerPort, producerRtcpPort } = await child.call('describe');
  pin(workerPid, WORKER_CPU);
  return { name, child, workerPid, producerPort, producerRtcpPort, consumers: 0, best: 0, failed: undefined };
}

async function setReceivers(subject: Running, sink: Child<SinkHandlers>, consumers: number): Promise<void> {
  const change = consumers - subject.consumers;
  if (change > 0) {
    await subject.child.call('addReceivers', await sink.call('open', { subject: subject.name, count: change }));
  } else if (change < 0) {
    await subject.child.call('removeReceivers', -change);
    await sink.call('drop', { subject: subject.name, count: -change });
  }
  subject.consumers = consumers;
}

async function measure(subject: Running, others: Running[], sink: Child<SinkHandlers>, consumers: number): Promise<Step> {
  await setReceivers(subject, sink, consumers);
  for (const other of others) await other.child.call('flow', false);
  await subject.child.call('flow', true);
  await sleep(SETTLE_MS);

  const cpuBefore = cpuSeconds(subject.workerPid);
  const sinkCpuBefore = cpuSeconds(sink.pid);
  const dropsBefore = udpDrops([subject.producerPort]);
  const producerBefore = await subject.child.call('producerStats');
  await sink.call('start', { subject: subject.name });
  const started = performance.now();
  await sleep(WINDOW_MS);
  const window: SinkWindow = await sink.call('stop', { subject: subject.name });
  const seconds = (performance.now() - started) / 1000;
  const cpu = ((cpuSeconds(subject.workerPid) - cpuBefore) / seconds) * 100;
  const sinkCpu = ((cpuSeconds(sink.pid) - sinkCpuBefore) / seconds) * 100;
  const producerSocketDrops = udpDrops([subject.producerPort]) - dropsBefore;
  const producerAfter = await subject.child.call('producerStats');
  await subject.child.call('flow', false);

  const step: Step = {
    subject: subject.name,
    consumers,
    loss_percent: round(window.lossPercent, 2),
    worker_cpu_percent: round(cpu),
    sink_drops: window.sinkDrops,
    producer_lost: producerAfter.lost - producerBefore.lost,
    producer_socket_drops: producerSocketDrops,
    sink_cpu_percent: round(sinkCpu),
    packets_per_consumer_per_s: round(window.packetsPerSecond),
  };
  const sinkNote = window.sinkDrops > 0 ? ` — ${window.sinkDrops} of the lost packets dropped in the sink's own buffers` : '';
  console.log(
    `${subject.name.padEnd(7)} ${String(consumers).padStart(5)} consumers: loss ${step.loss_percent.toFixed(2)} %, worker CPU ${step.worker_cpu_percent} %, ` +
      `${step.packets_per_consumer_per_s} packets/s and ${round(window.bitsPerSecond / 1e6, 2)} Mbit/s per consumer, ` +
      `producer got ${producerAfter.packets - producerBefore.packets} and lost ${step.producer_lost} (${producerSocketDrops} dropped in the worker's socket), ` +
      `sink CPU ${step.sink_cpu_percent} %${sinkNote}`,
  );
  return step;
}

/**
 * Measures `consumers` on `subject`, and once more straight away if the loss
 * reached 1 %: a count fails only if both measurements do, so that a burst
 * of someone else's load on the worker's core does not end a ramp early.
 */
async function trial(subject: Running, subjects: Running[], sink: Child<SinkHandlers>, consumers: number): Promise<Step[]> {
  const others = subjects.filter((other) => other !== subject);
  const first = await measure(subject, others, sink, consumers);
  const steps = first.loss_percent < MAX_LOSS_PERCENT ? [first] : [first, await measure(subject, others, sink, consumers)];
  if (steps.some((step) => step.loss_percent < MAX_LOSS_PERCENT)) subject.best = Math.max(subject.best, consumers);
  else subject.failed = Math.min(subject.failed ?? consumers, consumers);
  return steps;
}

/** Where a subject's figure still lies between a passing and a failing count further apart than RESOLUTION, the count halfway. */
function nextCount(subject: Running): number | undefined {
  if (subject.failed === undefined || subject.failed - subject.best <= RESOLUTION) return undefined;
  return Math.round((subject.best + subject.failed) / 2);
}

async function main(): Promise<void> {
  const loadBefore = loadavg();
  const clip = sourceClip();
  console.log(
    `bench:forward ${new Date().toISOString()}: load ${loadBefore.map((n) => n.toFixed(2)).join(' ')}; ` +
      `${PIN ? `workers pinned to core ${WORKER_CPU}, everything else to core ${LOAD_CPU}` : 'no pinning'}; ` +
      `settle ${SETTLE_MS} ms, window ${WINDOW_MS} ms; source ${clip}`,
  );
  pin(process.pid, LOAD_CPU);
  const sink = await Child.start<SinkHandlers>(SINK, []);
  pin(sink.pid, LOAD_CPU);
  const subjects: Running[] = [];
  const steps: Step[] = [];
  let source: ChildProcess | undefined;
  try {
    subjects.push(await startSubject('samplan'), await startSubject('bare'));
    const targets = subjects.map((subject) => ({ rtp: subject.producerPort, rtcp: subject.producerRtcpPort }));
    source = startSource(clip, targets, PIN ? LOAD_CPU : undefined);
    let turn = 0;
    // The ramp: every subject up the same steps until its first failing one.
    for (const consumers of STEPS) {
      const order = turn++ % 2 === 0 ? subjects : [...subjects].reverse();
      const climbing = order.filter((subject) => subject.failed === undefined);
      if (climbing.length === 0) break;
      for (const subject of climbing) steps.push(...(await trial(subject, subjects, sink, consumers)));
    }
    // Then halving between each subject's last passing and first failing count, still taking turns.
    for (;;) {
      const order = turn++ % 2 === 0 ? subjects : [...subjects].reverse();
      const narrowing = order.filter((subject) => nextCount(subject) !== undefined);
      if (narrowing.length === 0) break;
      for (const subject of narrowing) steps.push(...(await trial(subject, subjects, sink, nextCount(subject)!)));
    }
  } finally {
    source?.kill('SIGTERM');
    for (const subject of subjects) await subject.child.close();
    await sink.close();
  }

  const [samplan, bare] = subjects as [Running, Running];
  const ratio = bare.best > 0 ? round(samplan.best / bare.best, 3) : null;
  const capped = subjects.filter((subject) => subject.failed === undefined).map((subject) => subject.name);
  console.log(
    `most consumers per worker core at < ${MAX_LOSS_PERCENT} % loss: Samplan ${samplan.best}, bare mediasoup ${bare.best}; ` +
      `ratio ${ratio ?? 'n/a'} (target ≥ ${TARGET_RATIO})${capped.length > 0 ? `; ${capped.join(' and ')} never reached 1 % loss: raise BENCH_FORWARD_STEPS` : ''}`,
  );
  console.log(
    JSON.stringify({
      samplan_consumers_per_core: samplan.best,
      bare_consumers_per_core: bare.best,
      ratio,
      target_ratio: TARGET_RATIO,
      met: ratio !== null && ratio >= TARGET_RATIO,
      pinned: PIN,
      resolution: RESOLUTION,
      settle_ms: SETTLE_MS,
      window_ms: WINDOW_MS,
      load_before: loadBefore.map((n) => round(n, 2)),
      load_after: loadavg().map((n) => round(n, 2)),
      steps,
    }),
  );
}

await main();
