import { expect, test } from 'vitest';
import type { ConferenceKind } from './conferenceKinds.ts';
import { checkConferenceTiming, timingAdvisorySchema, timingRefusalSchema, type TimingCheck } from './conferenceTiming.ts';

const admitted = '2026-03-26T09:00:00+01:00';
const discharged = '2026-03-28T11:00:00+01:00';
const stillAdmitted = { admittedAt: new Date(admitted), dischargedAt: null };
const home = { admittedAt: new Date(admitted), dischargedAt: new Date(discharged) };

test.each<[string, ConferenceKind, typeof home | typeof stillAdmitted, string, string, TimingCheck]>([
  ['goal conversation on day 2', 'goal_conversation', stillAdmitted, '2026-03-27T10:00:00+01:00', admitted, { ok: true, advisories: [] }],
  [
    'goal conversation on day 3: allowed, flagged',
    'goal_conversation',
    stillAdmitted,
    '2026-03-28T10:00:00+01:00',
    admitted,
    { ok: true, advisories: [{ code: 'OUTSIDE_GOAL_CONVERSATION_DAYS', recommendedFrom: '2026-03-26T08:00:00.000Z', recommendedUntil: '2026-03-27T23:00:00.000Z' }] },
  ],
  ['goal conversation before admission', 'goal_conversation', stillAdmitted, '2026-03-26T08:00:00+01:00', '2026-03-25T12:00:00+01:00', { ok: false, refusal: { code: 'BEFORE_ADMISSION', admittedAt: '2026-03-26T08:00:00.000Z' } }],
  ['discharge conference before discharge', 'discharge_conference', home, '2026-03-28T09:00:00+01:00', '2026-03-27T12:00:00+01:00', { ok: true, advisories: [] }],
  ['discharge conference after discharge', 'discharge_conference', home, '2026-03-28T11:00:00+01:00', '2026-03-27T12:00:00+01:00', { ok: false, refusal: { code: 'AFTER_DISCHARGE', dischargedAt: '2026-03-28T10:00:00.000Z' } }],
  ['anything in the past', 'discharge_conference', stillAdmitted, '2026-03-27T09:00:00+01:00', '2026-03-27T09:06:00+01:00', { ok: false, refusal: { code: 'STARTS_IN_PAST' } }],
  ['"now" from a clock 4 minutes behind', 'discharge_conference', stillAdmitted, '2026-03-27T09:00:00+01:00', '2026-03-27T09:04:00+01:00', { ok: true, advisories: [] }],
  ['advice call on day 6 after discharge, across spring-forward', 'advice_call', home, '2026-04-03T22:00:00+02:00', '2026-04-03T21:55:00+02:00', { ok: true, advisories: [] }],
  ['advice call one minute before the window closes', 'advice_call', home, '2026-04-04T10:59:00+02:00', '2026-04-04T10:59:00+02:00', { ok: true, advisories: [] }],
  [
    'advice call when the window has closed',
    'advice_call',
    home,
    '2026-04-04T11:00:00+02:00',
    '2026-04-04T11:00:00+02:00',
    { ok: false, refusal: { code: 'ADVICE_WINDOW_CLOSED', closedAt: '2026-04-04T09:00:00.000Z', turnTo: ['gp', 'out_of_hours_doctor', 'medical_helpline_1813'], whenAcute: 'emergency_112' } },
  ],
  ['advice call while still admitted', 'advice_call', stillAdmitted, '2026-03-27T10:00:00+01:00', admitted, { ok: false, refusal: { code: 'ADVICE_WINDOW_NOT_OPEN', turnTo: ['ward'], whenAcute: 'emergency_112' } }],
  ['follow-up while still admitted', 'follow_up', stillAdmitted, '2026-03-30T10:00:00+02:00', admitted, { ok: false, refusal: { code: 'NOT_DISCHARGED_YET' } }],
  ['follow-up on day 5 at home', 'follow_up', home, '2026-04-02T10:00:00+02:00', discharged, { ok: true, advisories: [] }],
  ['follow-up exactly 8 days after', 'follow_up', home, '2026-04-05T11:00:00+02:00', discharged, { ok: true, advisories: [] }],
  ['follow-up later than 8 days: allowed, flagged', 'follow_up', home, '2026-04-05T11:01:00+02:00', discharged, { ok: true, advisories: [{ code: 'LATER_THAN_FOLLOW_UP_DUE', due: '2026-04-05T09:00:00.000Z' }] }],
])('%s', (_name, kind, episode, startsAt, now, expected) => {
  const check = checkConferenceTiming(kind, episode, new Date(startsAt), new Date(now));
  expect(check).toEqual(expected);
  // What is sent must be what the client can parse.
  if (check.ok) check.advisories.forEach((advisory) => expect(timingAdvisorySchema.parse(advisory)).toEqual(advisory));
  else expect(timingRefusalSchema.parse(check.refusal)).toEqual(check.refusal);
});
