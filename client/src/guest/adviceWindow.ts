import type { AdviceWindowView } from '@samplan/shared';

/** What the guest page shows of the 7-day window; before discharge there is no time left to show yet. */
export type KnownAdviceWindow = { state: 'unknown' } | { state: 'open'; closesAt: string; msLeft: number } | { state: 'closed'; closedAt: string };

export function knownAdviceWindow(window: AdviceWindowView): KnownAdviceWindow {
  switch (window.state) {
    case 'not_open':
      return { state: 'unknown' };
    case 'open':
      return { state: 'open', closesAt: window.closesAt, msLeft: window.msLeft };
    case 'closed':
      return { state: 'closed', closedAt: window.closedAt };
  }
}
