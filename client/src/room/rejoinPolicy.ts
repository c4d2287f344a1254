import type { UiErrorCode } from '../uiError.ts';

/**
 * When to try rejoining again after an attempt failed. Quick at first (a
 * media worker is replaced within a second), then every two seconds for
 * about half a minute. Each delay is jittered by ±20 % so a whole room that
 * lost its worker does not come back in one burst.
 */
const DELAYS_MS = [250, 500, 1000, 2000];
const MAX_ATTEMPTS = 18;
const JITTER = 0.2;

/** Failures that may pass by themselves; anything else (a bad or expired link, no access) will not. */
const PASSING: ReadonlySet<UiErrorCode> = new Set(['MEDIA_REJECTED', 'INTERNAL', 'TIMEOUT', 'ROOM_CLOSED', 'RATE_LIMITED', 'DRAINING']);

/** Milliseconds to wait before attempt `attempt + 1`, or null to give up. `random` is in [0, 1). */
export function rejoinDelay(failedAttempt: number, code: UiErrorCode, random: () => number = Math.random): number | null {
  if (!PASSING.has(code) || failedAttempt >= MAX_ATTEMPTS - 1) return null;
  const base = DELAYS_MS[Math.min(failedAttempt, DELAYS_MS.length - 1)]!;
  return Math.round(base * (1 - JITTER + 2 * JITTER * random()));
}
