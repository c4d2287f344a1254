import type { AdviceRequestView } from '@samplan/shared';

/** What a guest can know of the 7-day window: only what the advice requests carry (guests may not read the episode). */
export type KnownAdviceWindow = { state: 'unknown' } | { state: 'open'; closesAt: string; msLeft: number } | { state: 'closed'; closedAt: string };

export function adviceWindowFrom(requests: readonly Pick<AdviceRequestView, 'windowClosesAt' | 'msLeft'>[]): KnownAdviceWindow {
  const known = requests.find((request) => request.windowClosesAt !== null && request.msLeft !== null);
  if (!known?.windowClosesAt || known.msLeft === null) return { state: 'unknown' };
  return known.msLeft > 0 ? { state: 'open', closesAt: known.windowClosesAt, msLeft: known.msLeft } : { state: 'closed', closedAt: known.windowClosesAt };
}

/** Conferences held after discharge: their links lead to "Ask the geriatric team". */
export const AFTER_DISCHARGE_KINDS: ReadonlySet<string> = new Set(['follow_up', 'advice_call']);
