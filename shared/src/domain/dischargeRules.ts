import type { TimingRefusal } from './conferenceTiming.ts';
import type { EpisodeTimes } from './episode.ts';

/**
 * "Now" typed on a tablet whose clock runs a little ahead of the server's is
 * still now; anything further ahead has not happened and is refused.
 */
export const RECORDED_TIME_TOLERANCE_MS = 5 * 60_000;

function inTheFuture(at: Date, now: Date): boolean {
  return at.getTime() > now.getTime() + RECORDED_TIME_TOLERANCE_MS;
}

/** May the episode be discharged at `dischargedAt`, recorded at `now`? Null when it may. */
export function dischargeRefusal(episode: EpisodeTimes, dischargedAt: Date, now: Date): TimingRefusal | null {
  if (episode.dischargedAt !== null) return { code: 'ALREADY_DISCHARGED', dischargedAt: episode.dischargedAt.toISOString() };
  if (dischargedAt < episode.admittedAt) return { code: 'BEFORE_ADMISSION', admittedAt: episode.admittedAt.toISOString() };
  if (inTheFuture(dischargedAt, now)) return { code: 'IN_THE_FUTURE' };
  return null;
}

/** A visit or check after discharge, made at `performedAt`: only after a discharge, and not yet to come. */
export function visitRefusal(episode: EpisodeTimes, performedAt: Date, now: Date): TimingRefusal | null {
  if (episode.dischargedAt === null) return { code: 'NOT_DISCHARGED_YET' };
  if (performedAt < episode.dischargedAt) return { code: 'BEFORE_DISCHARGE', dischargedAt: episode.dischargedAt.toISOString() };
  if (inTheFuture(performedAt, now)) return { code: 'IN_THE_FUTURE' };
  return null;
}

/**
 * TOBS is measured whenever the citizen's state changes, so at any time of
 * the episode (a call during the stay too), but not before it began.
 */
export function observationRefusal(episode: EpisodeTimes, observedAt: Date, now: Date): TimingRefusal | null {
  if (observedAt < episode.admittedAt) return { code: 'BEFORE_ADMISSION', admittedAt: episode.admittedAt.toISOString() };
  if (inTheFuture(observedAt, now)) return { code: 'IN_THE_FUTURE' };
  return null;
}
