/**
 * Every rule of the record reads time from here, never from Date.now(): the
 * server passes the real clock, tests and browser journeys pass one that
 * stands on "day 3 after discharge" without waiting for it.
 */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
