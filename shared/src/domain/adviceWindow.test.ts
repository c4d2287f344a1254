import { describe, expect, test } from 'vitest';
import { adviceRefusalAt, adviceRefusalSchema, adviceWindowAt, adviceWindowCloses } from './adviceWindow.ts';

const at = (iso: string) => new Date(iso);
const HOUR = 3_600_000;

describe('adviceWindowCloses: same wall-clock time seven calendar days later', () => {
  test.each([
    // name, discharged, closes (local offset shows the wall clock), elapsed hours
    ['ordinary summer week', '2026-06-10T09:15:00+02:00', '2026-06-17T09:15:00+02:00', 168],
    ['winter week before the March change', '2026-03-21T14:00:00+01:00', '2026-03-28T14:00:00+01:00', 168],
    ['across spring-forward (last Sunday of March)', '2026-03-28T14:00:00+01:00', '2026-04-04T14:00:00+02:00', 167],
    ['starting on the change day itself, after it', '2026-03-29T14:00:00+02:00', '2026-04-05T14:00:00+02:00', 168],
    ['across fall-back (last Sunday of October)', '2026-10-24T14:00:00+02:00', '2026-10-31T14:00:00+01:00', 169],
    ['starting on the October change day, after it', '2026-10-25T14:00:00+01:00', '2026-11-01T14:00:00+01:00', 168],
    ['wall-clock time missing on the target day moves forward', '2026-03-22T02:30:00+01:00', '2026-03-29T03:30:00+02:00', 168],
    ['wall-clock time twice on the target day takes the first', '2026-10-18T02:30:00+02:00', '2026-10-25T02:30:00+02:00', 168],
  ])('%s', (_name, discharged, closes, hours) => {
    const closesAt = adviceWindowCloses(at(discharged));
    expect(closesAt.toISOString()).toBe(at(closes).toISOString());
    expect((closesAt.getTime() - at(discharged).getTime()) / HOUR).toBe(hours);
  });
});

describe('adviceWindowAt', () => {
  const discharged = '2026-03-28T14:00:00+01:00';
  const closes = '2026-04-04T14:00:00+02:00';

  test.each([
    ['not discharged yet', null, '2026-03-28T10:00:00+01:00', 'not_open', null],
    ['asked before the discharge instant', discharged, '2026-03-28T13:59:00+01:00', 'not_open', null],
    ['at the discharge instant', discharged, discharged, 'open', 167 * HOUR],
    ['the night the clocks go forward', discharged, '2026-03-29T03:00:00+02:00', 'open', (167 - 12) * HOUR],
    ['one millisecond before closing', discharged, '2026-04-04T13:59:59.999+02:00', 'open', 1],
    ['at closing, written with the winter offset', discharged, '2026-04-04T13:00:00+01:00', 'closed', null],
    ['a day later', discharged, '2026-04-05T14:00:00+02:00', 'closed', null],
  ] as const)('%s', (_name, dischargedAt, now, state, msLeft) => {
    const window = adviceWindowAt(dischargedAt === null ? null : at(dischargedAt), at(now));
    expect(window.state).toBe(state);
    if (window.state === 'open') {
      expect(window.msLeft).toBe(msLeft);
      expect(window.closesAt.toISOString()).toBe(at(closes).toISOString());
    }
    if (window.state === 'closed') expect(window.closedAt.toISOString()).toBe(at(closes).toISOString());
  });
});

describe('adviceRefusalAt', () => {
  test.each([
    ['open window: no refusal', '2026-03-28T14:00:00+01:00', '2026-04-01T12:00:00+02:00', null],
    [
      'closed: says when and where to turn',
      '2026-03-28T14:00:00+01:00',
      '2026-04-06T09:00:00+02:00',
      {
        code: 'ADVICE_WINDOW_CLOSED',
        closedAt: '2026-04-04T12:00:00.000Z',
        turnTo: ['gp', 'out_of_hours_doctor', 'medical_helpline_1813'],
        whenAcute: 'emergency_112',
      },
    ],
    ['still admitted: ask the ward', null, '2026-03-27T12:00:00+01:00', { code: 'ADVICE_WINDOW_NOT_OPEN', turnTo: ['ward'], whenAcute: 'emergency_112' }],
  ] as const)('%s', (_name, dischargedAt, now, expected) => {
    const refusal = adviceRefusalAt(dischargedAt === null ? null : at(dischargedAt), at(now));
    expect(refusal).toEqual(expected);
    if (refusal !== null) expect(adviceRefusalSchema.parse(JSON.parse(JSON.stringify(refusal)))).toEqual(refusal);
  });
});
