/**
 * How long a person waits to see everyone: a room of N people in headless
 * Chromium on loopback, the last of them joining while the others are
 * already talking. Measured in that last page, from the join call to the
 * first decoded video frame of each remote participant.
 *
 * Absolute times swing several-fold between machines, so every run measures
 * two rooms, alternating which goes first: Samplan's, and a bare reference
 * room (bareRoom/: a plain mediasoup-client page on a minimal server with
 * Samplan's worker, codecs, transports and simulcast). Samplan ÷ bare is what
 * Samplan adds on top of mediasoup itself. Both servers run in processes of
 * their own; this process only drives the browser.
 *
 *   npm run bench:join -w @samplan/tests [-- RUNS]
 *   env: BENCH_RUNS (20), BENCH_PARTIES (party counts, default "4,2"), BENCH_WARMUP (1), BENCH_POLL_MS (10)
 *
 * The last line printed is one JSON object: per party count
 * `parties_<n>: { p50_ms, p95_ms, bare_p50_ms, bare_p95_ms, ratio_p95, … }`,
 * then the targets for the 4-party room and whether they were met.
 */
import { randomBytes } from 'node:crypto';
import { chromium, type Page } from '@playwright/test';
import { da } from '../../client/src/i18n/da.ts';
import { JOIN_MARK_PREFIX, JOIN_STEPS } from '../../client/src/room/joinMarks.ts';
import '../../client/src/room/testHook.ts';
import { buildClient } from '../browser/buildClient.ts';
import { chromiumLaunchOptions } from '../browser/chromium.ts';
import { startSamplanProcess } from '../support/samplanProcess.ts';
import { freePort } from '../support/ports.ts';
import { startBareRoom } from './bareRoom/process.ts';
import { compareRooms, median, parsePartyCounts, type RoomSamples, TARGET_PARTIES, TARGET_P95_MS, TARGET_RATIO_P95 } from './joinSummary.ts';

const runs = Number(process.argv[2] ?? process.env.BENCH_RUNS ?? 20);
const partyCounts = parsePartyCounts(process.env.BENCH_PARTIES ?? '4,2');
const warmups = Number(process.env.BENCH_WARMUP ?? 1);
/** How often the joining page reads its receivers' stats: the resolution of each measurement. */
const POLL_MS = Number(process.env.BENCH_POLL_MS ?? 10);
/** A join that shows nobody within this is broken, not slow: the bench stops rather than waits forever. */
const JOIN_TIMEOUT_MS = 60_000;

type Room = 'samplan' | 'bare';
/** How a page enters each room; the measurement starts at the join call that follows. */
type Entrance = { url(name: string): string; enter(page: Page, url: string, displayName: string): Promise<void> };

function entrances(samplanUrl: string, bareUrl: string): Record<Room, Entrance> {
  return {
    samplan: {
      url: (name) => `${samplanUrl}/room/${name}`,
      enter: async (page, url, displayName) => {
        await page.goto(url);
        await page.getByLabel(da.join.nameLabel).fill(displayName);
        await page.getByRole('button', { name: da.join.submit }).click();
      },
    },
    bare: {
      url: (name) => `${bareUrl}/?room=${name}`,
      enter: async (page, url) => {
        await page.goto(url);
        await page.getByRole('button', { name: 'Join' }).click();
      },
    },
  };
}

type Measured = { firstFrames: number[]; steps: Record<string, number> };

/**
 * Resolves in the page once a frame from each of `count` remote peers was
 * decoded: ms since the join call per remote peer, and when each join step
 * (the User Timing marks both pages set) was reached.
 */
function measureJoin(page: Page, count: number): Promise<Measured> {
  return page.evaluate(
    async ({ count, pollMs, prefix, timeoutMs }) => {
      const hook = window.__samplan;
      if (!hook) throw new Error('the page has no test hook');
      const seen = new Map<string, number>();
      const deadline = performance.now() + timeoutMs;
      while (seen.size < count) {
        if (performance.now() > deadline) throw new Error(`a frame from ${seen.size} of ${count} remote participants within ${timeoutMs} ms`);
        for (const peer of await hook.stats()) {
          if (peer.framesDecoded > 0 && !seen.has(peer.peerId)) seen.set(peer.peerId, performance.now());
        }
        await new Promise((resolve) => setTimeout(resolve, pollMs));
      }
      const start = hook.joinStartedAt();
      if (start === null) throw new Error('the join never started');
      const steps = Object.fromEntries(
        performance
          .getEntriesByType('mark')
          .filter((mark) => mark.name.startsWith(prefix))
          .map((mark) => [mark.name.slice(prefix.length), mark.startTime - start]),
      );
      return { firstFrames: [...seen.values()].map((at) => at - start), steps };
    },
    { count, pollMs: POLL_MS, prefix: JOIN_MARK_PREFIX, timeoutMs: JOIN_TIMEOUT_MS },
  );
}

async function oneRun(pages: Page[], entrance: Entrance, roomName: string): Promise<Measured> {
  const url = entrance.url(roomName);
  const incumbents = pages.slice(0, -1);
  const joiner = pages.at(-1)!;
  for (const [index, page] of incumbents.entries()) await entrance.enter(page, url, `Deltager ${index + 1}`);
  await Promise.all(incumbents.map((page) => measureJoin(page, incumbents.length - 1)));
  await entrance.enter(joiner, url, `Deltager ${pages.length}`);
  const measured = await measureJoin(joiner, incumbents.length);
  // Leaving by navigation is what a closed tab does; the next run starts in an empty room.
  await Promise.all(pages.map((page) => page.goto('about:blank')));
  return measured;
}

function format(ms: number): string {
  return `${ms.toFixed(0).padStart(5)} ms`;
}

/** Runs both rooms `runs` times with `pages` as the participants, alternating which room goes first. */
async function measureParties(pages: Page[], rooms: Record<Room, Entrance>): Promise<Record<Room, RoomSamples>> {
  const parties = pages.length;
  const collected: Record<Room, RoomSamples> = { samplan: { firstFrames: [], slowestPerRun: [], steps: [] }, bare: { firstFrames: [], slowestPerRun: [], steps: [] } };
  console.log(`\n${parties}-party room, ${runs} runs each (+${warmups} warm-up), alternating:`);
  for (let run = 1 - warmups; run <= runs; run++) {
    const order: Room[] = run % 2 === 0 ? ['bare', 'samplan'] : ['samplan', 'bare'];
    const line: string[] = [];
    for (const room of order) {
      const { firstFrames, steps } = await oneRun(pages, rooms[room], `bench-${parties}-${run + warmups}-${room}`);
      line.push(`${room.padEnd(7)} ${firstFrames.map(format).join('  ')}`);
      if (run < 1) continue;
      collected[room].firstFrames.push(...firstFrames);
      collected[room].slowestPerRun.push(Math.max(...firstFrames));
      collected[room].steps.push(steps);
    }
    console.log(`  ${run < 1 ? 'warm-up ' : `run ${String(run).padStart(3)} `}  ${line.join('   |   ')}`);
  }
  return collected;
}

function printSteps(samples: Record<Room, RoomSamples>): void {
  console.log('  median time since the join call at which each step was done:');
  console.log(`  ${'step'.padEnd(14)} ${'Samplan'.padStart(8)} ${'bare'.padStart(8)} ${'added'.padStart(8)}`);
  const row = (label: string, samplan: number, bare: number) =>
    console.log(`  ${label.padEnd(14)} ${format(samplan)} ${Number.isNaN(bare) ? '        ' : format(bare)} ${Number.isNaN(bare) ? '' : format(samplan - bare)}`);
  // 'start' is the zero both are measured from.
  for (const step of JOIN_STEPS.filter((name) => name !== 'start')) {
    const samplan = median(samples.samplan.steps.map((steps) => steps[step]));
    if (!Number.isNaN(samplan)) row(step, samplan, median(samples.bare.steps.map((steps) => steps[step])));
  }
  row('first frame', median(samples.samplan.firstFrames), median(samples.bare.firstFrames));
}

async function main(): Promise<void> {
  if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(warmups) || warmups < 0) throw new Error('BENCH_RUNS must be ≥ 1 and BENCH_WARMUP ≥ 0');
  process.stderr.write('building the client …\n');
  buildClient();
  const [samplan, bare] = await Promise.all([
    freePort().then((port) =>
      startSamplanProcess({
        port,
        databaseUrl: 'pglite:memory://',
        secret: randomBytes(32).toString('base64url'),
        env: { DEMO_ROOMS: 'true', LOG_LEVEL: 'warn' },
      }),
    ),
    startBareRoom(),
  ]);
  const browser = await chromium.launch({ ...chromiumLaunchOptions, headless: true });
  try {
    const pages = await Promise.all(Array.from({ length: Math.max(...partyCounts) }, async () => (await browser.newContext()).newPage()));
    for (const page of pages) page.on('pageerror', (error) => process.stderr.write(`page error at ${page.url()}: ${error.message}\n`));
    const rooms = entrances(samplan.url, bare.url);
    console.log(`join → first decoded frame of each remote participant, Samplan beside the bare mediasoup room; Chromium ${browser.version()}, loopback`);
    const result: Record<string, unknown> = {};
    for (const parties of partyCounts) {
      const samples = await measureParties(pages.slice(0, parties), rooms);
      printSteps(samples);
      const compared = compareRooms(samples.samplan, samples.bare);
      console.log(
        `  ${parties} parties, ${compared.samples} samples each (one per remote participant per run), measured every ${POLL_MS} ms:` +
          `\n    Samplan p50 ${compared.p50_ms} ms, p95 ${compared.p95_ms} ms, max ${compared.max_ms} ms; everyone visible p95 ${compared.all_remotes_p95_ms} ms` +
          `\n    bare    p50 ${compared.bare_p50_ms} ms, p95 ${compared.bare_p95_ms} ms, max ${compared.bare_max_ms} ms; everyone visible p95 ${compared.bare_all_remotes_p95_ms} ms` +
          `\n    Samplan ÷ bare: p50 ${compared.ratio_p50}, p95 ${compared.ratio_p95}`,
      );
      result[`parties_${parties}`] = compared;
    }
    const target = result[`parties_${TARGET_PARTIES}`] as ReturnType<typeof compareRooms> | undefined;
    const p95Met = target ? target.p95_ms <= TARGET_P95_MS : null;
    const ratioMet = target ? target.ratio_p95 <= TARGET_RATIO_P95 : null;
    console.log(
      target
        ? `\n${TARGET_PARTIES}-party targets: p95 ≤ ${TARGET_P95_MS} ms ${p95Met ? 'met' : 'NOT met'}; Samplan ÷ bare p95 ≤ ${TARGET_RATIO_P95} ${ratioMet ? 'met' : 'NOT met'}`
        : `\nno ${TARGET_PARTIES}-party room measured: the targets are not judged`,
    );
    console.log(
      JSON.stringify({
        ...result,
        runs,
        poll_ms: POLL_MS,
        target_parties: TARGET_PARTIES,
        target_p95_ms: TARGET_P95_MS,
        target_ratio_p95: TARGET_RATIO_P95,
        target_p95_met: p95Met,
        target_ratio_met: ratioMet,
        target_met: target ? p95Met && ratioMet : null,
      }),
    );
  } finally {
    await browser.close();
    samplan.child.kill('SIGINT');
    await Promise.all([samplan.exited, bare.close()]);
  }
}

await main();
