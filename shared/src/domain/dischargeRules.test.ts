import { describe, expect, test } from 'vitest';
import { dischargeRefusal, observationRefusal, RECORDED_TIME_TOLERANCE_MS, visitRefusal } from './dischargeRules.ts';

const admittedAt = new Date('2026-03-05T09:00:00Z');
const dischargedAt = new Date('2026-03-09T10:30:00Z');
const now = new Date('2026-03-10T12:00:00Z');
const admitted = { admittedAt, dischargedAt: null };
const discharged = { admittedAt, dischargedAt };
const at = (ms: number) => new Date(now.getTime() + ms);

describe('dischargeRefusal', () => {
  test.each([
    ['now', admitted, now, null],
    ['at the admission instant', admitted, admittedAt, null],
    ['just inside the clock tolerance', admitted, at(RECORDED_TIME_TOLERANCE_MS), null],
    ['just beyond it', admitted, at(RECORDED_TIME_TOLERANCE_MS + 1), { code: 'IN_THE_FUTURE' }],
    ['before the admission', admitted, new Date(admittedAt.getTime() - 1), { code: 'BEFORE_ADMISSION', admittedAt: admittedAt.toISOString() }],
    ['a second time', discharged, now, { code: 'ALREADY_DISCHARGED', dischargedAt: dischargedAt.toISOString() }],
  ] as const)('%s', (_name, episode, when, expected) => {
    expect(dischargeRefusal(episode, when, now)).toEqual(expected);
  });
});

describe('visitRefusal', () => {
  test.each([
    ['after discharge', discharged, now, null],
    ['at the discharge instant', discharged, dischargedAt, null],
    ['still admitted', admitted, now, { code: 'NOT_DISCHARGED_YET' }],
    ['before the discharge', discharged, new Date(dischargedAt.getTime() - 1), { code: 'BEFORE_DISCHARGE', dischargedAt: dischargedAt.toISOString() }],
    ['in the future', discharged, at(RECORDED_TIME_TOLERANCE_MS + 1), { code: 'IN_THE_FUTURE' }],
  ] as const)('%s', (_name, episode, when, expected) => {
    expect(visitRefusal(episode, when, now)).toEqual(expected);
  });
});

describe('observationRefusal', () => {
  test.each([
    ['during the stay', admitted, new Date('2026-03-06T09:00:00Z'), null],
    ['after discharge', discharged, now, null],
    ['before the admission', discharged, new Date(admittedAt.getTime() - 1), { code: 'BEFORE_ADMISSION', admittedAt: admittedAt.toISOString() }],
    ['in the future', discharged, at(RECORDED_TIME_TOLERANCE_MS + 1), { code: 'IN_THE_FUTURE' }],
  ] as const)('%s', (_name, episode, when, expected) => {
    expect(observationRefusal(episode, when, now)).toEqual(expected);
  });
});
