import { percentile } from './stats.ts';

/** The targets are for the 4-party room (issue 11). */
export const TARGET_PARTIES = 4;
export const TARGET_P95_MS = 500;
/** Samplan's p95 over the bare mediasoup room's, measured in the same run. */
export const TARGET_RATIO_P95 = 1.25;

/** One room's measurements over a series of runs. */
export type RoomSamples = {
  /** Ms from the join call to each remote participant's first decoded frame, every run. */
  firstFrames: number[];
  /** Per run, the slowest of those: when everyone was visible. */
  slowestPerRun: number[];
  /** Per run, ms from the join call to each join step. */
  steps: Record<string, number>[];
};

/** Median of the defined values; NaN when there are none (a step one of the rooms does not have). */
export function median(values: readonly (number | undefined)[]): number {
  return percentile(
    values.filter((value): value is number => value !== undefined),
    50,
  );
}

/** "4,2" → [4, 2]: the party counts measured, in that order. */
export function parsePartyCounts(text: string): number[] {
  const counts = text.split(',').map((part) => Number(part.trim()));
  if (counts.length === 0 || counts.some((count) => !Number.isInteger(count) || count < 2)) {
    throw new Error(`BENCH_PARTIES must list party counts of 2 or more, e.g. "4,2" (got "${text}")`);
  }
  return counts;
}

const round = (ms: number) => Math.round(ms);
const ratio = (samplan: number, bare: number) => Math.round((samplan / bare) * 100) / 100;

/** Samplan's figures beside the bare room's, and their ratio (Samplan ÷ bare, two decimals). */
export function compareRooms(samplan: RoomSamples, bare: RoomSamples) {
  const p50 = percentile(samplan.firstFrames, 50);
  const p95 = percentile(samplan.firstFrames, 95);
  const bareP50 = percentile(bare.firstFrames, 50);
  const bareP95 = percentile(bare.firstFrames, 95);
  return {
    p50_ms: round(p50),
    p95_ms: round(p95),
    max_ms: round(Math.max(...samplan.firstFrames)),
    all_remotes_p95_ms: round(percentile(samplan.slowestPerRun, 95)),
    bare_p50_ms: round(bareP50),
    bare_p95_ms: round(bareP95),
    bare_max_ms: round(Math.max(...bare.firstFrames)),
    bare_all_remotes_p95_ms: round(percentile(bare.slowestPerRun, 95)),
    ratio_p50: ratio(p50, bareP50),
    ratio_p95: ratio(p95, bareP95),
    samples: samplan.firstFrames.length,
  };
}
