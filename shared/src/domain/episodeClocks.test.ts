import { describe, expect, test } from 'vitest';
import {
  followUpVisitDue,
  goalConversationWindow,
  isInGoalConversationWindow,
  isPreferredDischargeTime,
  receptionVisitDue,
  visitKept,
} from './episodeClocks.ts';

const at = (iso: string) => new Date(iso);
const iso = (date: Date) => date.toISOString();

describe('receptionVisitDue: 24 elapsed hours, so the wall clock moves across DST', () => {
  test.each([
    ['ordinary day', '2026-06-10T14:00:00+02:00', '2026-06-11T14:00:00+02:00'],
    ['spring-forward night: due 15:00 summer time', '2026-03-28T14:00:00+01:00', '2026-03-29T15:00:00+02:00'],
    ['fall-back night: due 13:00 winter time', '2026-10-24T14:00:00+02:00', '2026-10-25T13:00:00+01:00'],
  ])('%s', (_name, discharged, due) => {
    expect(iso(receptionVisitDue(at(discharged)))).toBe(iso(at(due)));
  });
});

describe('followUpVisitDue: same wall-clock time eight calendar days later', () => {
  test.each([
    ['ordinary', '2026-06-10T14:00:00+02:00', '2026-06-18T14:00:00+02:00'],
    ['across spring-forward', '2026-03-28T14:00:00+01:00', '2026-04-05T14:00:00+02:00'],
    ['across fall-back', '2026-10-24T14:00:00+02:00', '2026-11-01T14:00:00+01:00'],
  ])('%s', (_name, discharged, due) => {
    expect(iso(followUpVisitDue(at(discharged)))).toBe(iso(at(due)));
  });
});

describe('goalConversationWindow: day 1–2 of the admission', () => {
  test.each([
    ['admitted mid-afternoon', '2026-06-10T15:00:00+02:00', '2026-06-12T00:00:00+02:00', '2026-06-11T10:00:00+02:00'],
    ['admitted late the evening before spring-forward (day 2 has 23 h)', '2026-03-28T23:30:00+01:00', '2026-03-30T00:00:00+02:00', '2026-03-29T10:00:00+02:00'],
    ['admitted the morning before fall-back (day 2 has 25 h)', '2026-10-24T08:00:00+02:00', '2026-10-26T00:00:00+01:00', '2026-10-25T10:00:00+01:00'],
    ['admitted just after midnight', '2026-06-10T00:05:00+02:00', '2026-06-12T00:00:00+02:00', '2026-06-11T10:00:00+02:00'],
  ])('%s', (_name, admitted, until, defaultStart) => {
    const window = goalConversationWindow(at(admitted));
    expect(iso(window.from)).toBe(iso(at(admitted)));
    expect(iso(window.until)).toBe(iso(at(until)));
    expect(iso(window.defaultStart)).toBe(iso(at(defaultStart)));
    expect(isInGoalConversationWindow(at(admitted), window.defaultStart)).toBe(true);
  });

  test.each([
    ['before admission', '2026-06-10T14:59:00+02:00', false],
    ['at admission', '2026-06-10T15:00:00+02:00', true],
    ['last minute of day 2', '2026-06-11T23:59:00+02:00', true],
    ['midnight starting day 3', '2026-06-12T00:00:00+02:00', false],
  ])('admitted 2026-06-10 15:00, start %s → %s', (_name, startsAt, inside) => {
    expect(isInGoalConversationWindow(at('2026-06-10T15:00:00+02:00'), at(startsAt))).toBe(inside);
  });
});

describe('isPreferredDischargeTime: before 12:00 Copenhagen time', () => {
  test.each([
    ['11:59 local', '2026-06-10T11:59:00+02:00', true],
    ['12:00 local', '2026-06-10T12:00:00+02:00', false],
    ['10:30 UTC is 11:30 in winter', '2026-03-28T10:30:00Z', true],
    ['10:30 UTC is 12:30 in summer', '2026-03-29T10:30:00Z', false],
    ['early morning', '2026-10-25T06:00:00+01:00', true],
    ['10:30 UTC is 12:30 the day before fall-back', '2026-10-24T10:30:00Z', false],
    ['10:30 UTC is 11:30 on the fall-back day', '2026-10-25T10:30:00Z', true],
    ['02:30 summer time, the first of the two', '2026-10-25T02:30:00+02:00', true],
    ['02:30 winter time, the second of the two', '2026-10-25T02:30:00+01:00', true],
  ])('%s', (_name, dischargeAt, preferred) => {
    expect(isPreferredDischargeTime(at(dischargeAt))).toBe(preferred);
  });
});

describe('visitKept: after the discharge and no later than the due instant', () => {
  test.each([
    ['reception_visit', 'ordinary: the next day at the discharge time', '2026-06-10T14:00:00+02:00', '2026-06-11T14:00:00+02:00', true],
    ['reception_visit', 'ordinary: a minute late', '2026-06-10T14:00:00+02:00', '2026-06-11T14:01:00+02:00', false],
    ['reception_visit', 'at the discharge instant', '2026-06-10T14:00:00+02:00', '2026-06-10T14:00:00+02:00', true],
    ['reception_visit', 'before the discharge', '2026-06-10T14:00:00+02:00', '2026-06-10T13:59:00+02:00', false],
    ['reception_visit', 'spring-forward: 14:30 summer time is 23.5 h', '2026-03-28T14:00:00+01:00', '2026-03-29T14:30:00+02:00', true],
    ['reception_visit', 'spring-forward: due 15:00 summer time', '2026-03-28T14:00:00+01:00', '2026-03-29T15:00:00+02:00', true],
    ['reception_visit', 'spring-forward: 15:01 is late', '2026-03-28T14:00:00+01:00', '2026-03-29T15:01:00+02:00', false],
    ['reception_visit', 'fall-back: due 13:00 winter time', '2026-10-24T14:00:00+02:00', '2026-10-25T13:00:00+01:00', true],
    ['reception_visit', 'fall-back: 13:30 winter time is 24.5 h, late', '2026-10-24T14:00:00+02:00', '2026-10-25T13:30:00+01:00', false],
    ['follow_up_home_visit', 'day 8 at the discharge time', '2026-06-10T14:00:00+02:00', '2026-06-18T14:00:00+02:00', true],
    ['follow_up_home_visit', 'day 8, a minute late', '2026-06-10T14:00:00+02:00', '2026-06-18T14:01:00+02:00', false],
    ['follow_up_home_visit', 'before the discharge', '2026-06-10T14:00:00+02:00', '2026-06-09T10:00:00+02:00', false],
    ['follow_up_home_visit', 'spring-forward: 14:30 on day 8 is late though only 191.5 h', '2026-03-28T14:00:00+01:00', '2026-04-05T14:30:00+02:00', false],
    ['follow_up_home_visit', 'spring-forward: 14:00 on day 8', '2026-03-28T14:00:00+01:00', '2026-04-05T14:00:00+02:00', true],
    ['follow_up_home_visit', 'fall-back: 13:30 on day 8 is in time though 192.5 h', '2026-10-24T14:00:00+02:00', '2026-11-01T13:30:00+01:00', true],
    ['follow_up_home_visit', 'fall-back: 14:01 on day 8 is late', '2026-10-24T14:00:00+02:00', '2026-11-01T14:01:00+01:00', false],
  ] as const)('%s, %s', (kind, _name, discharged, visit, kept) => {
    expect(visitKept(kind, at(discharged), at(visit))).toBe(kept);
  });
});
