/**
 * How long a person waits to see everyone: a room of PARTIES people in
 * headless Chromium on loopback, the last of them joining while the others
 * are already talking. Measured in that last page, from the join call
 * (RoomClient.join) to the first decoded video frame of each remote
 * participant.
 *
 *   npm run bench:join -w @samplan/tests [-- RUNS]      env: BENCH_RUNS, BENCH_PARTIES, BENCH_WARMUP
 *
 * The last line printed is one JSON object with the results.
 */
import { chromium, type Page } from '@playwright/test';
import { da } from '../../client/src/i18n/da.ts';
import { JOIN_MARK_PREFIX, JOIN_STEPS } from '../../client/src/room/joinMarks.ts';
import '../../client/src/room/testHook.ts';
import { buildClient } from '../browser/buildClient.ts';
import { chromiumLaunchOptions } from '../browser/chromium.ts';
import { percentile } from './stats.ts';
import { startTestSamplan } from '../support/samplan.ts';

const runs = Number(process.argv[2] ?? process.env.BENCH_RUNS ?? 20);
const parties = Number(process.env.BENCH_PARTIES ?? 4);
const warmups = Number(process.env.BENCH_WARMUP ?? 1);
const TARGET_P95_MS = 500;
/** How often the joining page reads its receivers' stats: the resolution of each measurement. */
const POLL_MS = Number(process.env.BENCH_POLL_MS ?? 10);

async function join(page: Page, url: string, name: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel(da.join.nameLabel).fill(name);
  await page.getByRole('button', { name: da.join.submit }).click();
}

type Measured = { firstFrames: number[]; steps: Record<string, number> };

/**
 * Resolves in the page once a frame from each of `count` remote peers was
 * decoded: ms since the join call per remote peer, and when each join step
 * (RoomClient's User Timing marks) was reached.
 */
function measureJoin(page: Page, count: number): Promise<Measured> {
  return page.evaluate(
    async ({ count, pollMs, prefix }) => {
      const hook = window.__samplan;
      if (!hook) throw new Error('the page has no test hook');
      const seen = new Map<string, number>();
      while (seen.size < count) {
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
    { count, pollMs: POLL_MS, prefix: JOIN_MARK_PREFIX },
  );
}

async function oneRun(pages: Page[], baseUrl: string, run: number): Promise<Measured> {
  const url = `${baseUrl}/room/bench-${run}`;
  const incumbents = pages.slice(0, -1);
  const joiner = pages.at(-1)!;
  for (const [index, page] of incumbents.entries()) await join(page, url, `Deltager ${index + 1}`);
  await Promise.all(incumbents.map((page) => measureJoin(page, incumbents.length - 1)));
  await join(joiner, url, `Deltager ${pages.length}`);
  const measured = await measureJoin(joiner, incumbents.length);
  // Leaving by navigation is what a closed tab does; the next run starts in an empty room.
  await Promise.all(pages.map((page) => page.goto('about:blank')));
  return measured;
}

function format(ms: number): string {
  return `${ms.toFixed(0).padStart(5)} ms`;
}

async function main(): Promise<void> {
  if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(parties) || parties < 2) throw new Error('BENCH_RUNS must be ≥ 1 and BENCH_PARTIES ≥ 2');
  process.stderr.write('building the client …\n');
  buildClient();
  const samplan = await startTestSamplan({ demoRooms: true, logLevel: 'warn' });
  const browser = await chromium.launch({ ...chromiumLaunchOptions, headless: true });
  try {
    const pages = await Promise.all(Array.from({ length: parties }, async () => (await browser.newContext()).newPage()));
    console.log(`join → first decoded frame of each remote participant: ${parties}-party room, ${runs} runs (+${warmups} warm-up), Chromium ${browser.version()}, loopback`);
    const samples: number[] = [];
    const slowestPerRun: number[] = [];
    const stepTimes = new Map<string, number[]>();
    for (let run = 1 - warmups; run <= runs; run++) {
      const { firstFrames, steps } = await oneRun(pages, samplan.url, run + warmups);
      if (run < 1) {
        console.log(`  warm-up  ${firstFrames.map(format).join('  ')}`);
        continue;
      }
      samples.push(...firstFrames);
      slowestPerRun.push(Math.max(...firstFrames));
      for (const [step, at] of Object.entries(steps)) stepTimes.set(step, [...(stepTimes.get(step) ?? []), at]);
      console.log(`  run ${String(run).padStart(3)}  ${firstFrames.map(format).join('  ')}`);
    }
    console.log('\nmedian time since the join call at which each step was done:');
    for (const step of JOIN_STEPS) {
      const times = stepTimes.get(step);
      if (times) console.log(`  ${step.padEnd(11)} ${format(percentile(times, 50))}`);
    }
    const result = {
      p50_ms: Math.round(percentile(samples, 50)),
      p95_ms: Math.round(percentile(samples, 95)),
      max_ms: Math.round(Math.max(...samples)),
      all_remotes_p95_ms: Math.round(percentile(slowestPerRun, 95)),
      runs,
      parties,
      samples: samples.length,
      poll_ms: POLL_MS,
      target_p95_ms: TARGET_P95_MS,
      target_met: percentile(samples, 95) <= TARGET_P95_MS,
    };
    console.log(`\n${samples.length} samples (one per remote participant per run), measured every ${POLL_MS} ms`);
    console.log(`p50 ${result.p50_ms} ms, p95 ${result.p95_ms} ms, max ${result.max_ms} ms; everyone visible p95 ${result.all_remotes_p95_ms} ms`);
    console.log(`target p95 ≤ ${TARGET_P95_MS} ms: ${result.target_met ? 'met' : 'NOT met'}`);
    console.log(JSON.stringify(result));
  } finally {
    await browser.close();
    await samplan.close();
  }
}

await main();
