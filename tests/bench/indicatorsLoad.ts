/**
 * The requester of bench:indicators, in its own process: signed in with the
 * cookie it is given, it asks for each query in turn, one request at a time,
 * after one warm-up request each. Its last line is the result as JSON.
 */
import { percentile } from './stats.ts';

const input = JSON.parse(process.env.BENCH_INPUT ?? '{}') as { url: string; cookie: string; queries: string[]; requests: number };
const round = (ms: number) => Math.round(ms * 10) / 10;

async function timed(query: string): Promise<{ ms: number; ok: boolean }> {
  const started = performance.now();
  const response = await fetch(`${input.url}/api/indicators?${query}`, { headers: { cookie: input.cookie } });
  await response.arrayBuffer();
  return { ms: performance.now() - started, ok: response.status === 200 };
}

for (const query of input.queries) await timed(query);
const samples: number[][] = input.queries.map(() => []);
let errors = 0;
for (let i = 0; i < input.requests; i++) {
  const which = i % input.queries.length;
  const { ms, ok } = await timed(input.queries[which] as string);
  if (!ok) errors += 1;
  samples[which]!.push(ms);
}
const all = samples.flat();
console.log(
  JSON.stringify({
    requests: all.length,
    errors,
    p50_ms: round(percentile(all, 50)),
    p95_ms: round(percentile(all, 95)),
    max_ms: round(Math.max(...all)),
    byQuery: samples.map((list) => ({ p50_ms: round(percentile(list, 50)), p95_ms: round(percentile(list, 95)) })),
  }),
);
