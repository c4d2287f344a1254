/**
 * User Timing marks for the steps of a join, so DevTools' performance panel
 * and the join benchmark can show where the wait goes.
 */
export const JOIN_STEPS = ['start', 'token', 'connected', 'device', 'joined', 'recv-transport', 'receiving', 'sending'] as const;
export type JoinStep = (typeof JOIN_STEPS)[number];

export const JOIN_MARK_PREFIX = 'samplan:join:';

export function markJoinStep(step: JoinStep): void {
  performance.mark(`${JOIN_MARK_PREFIX}${step}`);
}
