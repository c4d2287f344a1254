import { describe, expect, it } from 'vitest';
import { isReadmission, isReadmissionWindowClosed, markReadmissions, readmissionWindowCloses } from './readmission.ts';

const at = (iso: string) => new Date(iso);
const HOUR = 3_600_000;

describe('readmissionWindowCloses: same Copenhagen wall-clock time 30 calendar days later', () => {
  it.each([
    ['ordinary month', '2026-06-10T14:00:00+02:00', '2026-07-10T14:00:00+02:00', 720],
    ['across spring-forward', '2026-03-10T14:00:00+01:00', '2026-04-09T14:00:00+02:00', 719],
    ['across fall-back', '2026-10-10T14:00:00+02:00', '2026-11-09T14:00:00+01:00', 721],
    ['across the new year', '2026-12-20T09:00:00+01:00', '2027-01-19T09:00:00+01:00', 720],
  ])('%s', (_name, discharged, closes, hours) => {
    const closesAt = readmissionWindowCloses(at(discharged));
    expect(closesAt.toISOString()).toBe(at(closes).toISOString());
    expect((closesAt.getTime() - at(discharged).getTime()) / HOUR).toBe(hours);
  });
});

describe('isReadmission', () => {
  it.each([
    ['admitted before the discharge', '2026-06-10T14:00:00+02:00', '2026-06-10T13:00:00+02:00', false],
    ['admitted at the discharge instant (a transfer)', '2026-06-10T14:00:00+02:00', '2026-06-10T14:00:00+02:00', false],
    ['a millisecond after the discharge', '2026-06-10T14:00:00+02:00', '2026-06-10T14:00:00.001+02:00', true],
    ['day 30 at the discharge time', '2026-06-10T14:00:00+02:00', '2026-07-10T14:00:00+02:00', true],
    ['a millisecond later', '2026-06-10T14:00:00+02:00', '2026-07-10T14:00:00.001+02:00', false],
    ['day 31', '2026-06-10T14:00:00+02:00', '2026-07-11T08:00:00+02:00', false],
    // Where calendar days and 30 × 24 h disagree:
    ['spring: 719.5 h later, past 14:00 on day 30', '2026-03-10T14:00:00+01:00', '2026-04-09T14:30:00+02:00', false],
    ['spring: at 14:00 on day 30, only 719 h later', '2026-03-10T14:00:00+01:00', '2026-04-09T14:00:00+02:00', true],
    ['autumn: 720.5 h later, still before 14:00 on day 30', '2026-10-10T14:00:00+02:00', '2026-11-09T13:30:00+01:00', true],
    ['autumn: just after 14:00 on day 30', '2026-10-10T14:00:00+02:00', '2026-11-09T14:01:00+01:00', false],
  ])('%s → %s', (_name, discharged, admitted, expected) => {
    expect(isReadmission(at(discharged), at(admitted))).toBe(expected);
  });
});

describe('isReadmissionWindowClosed', () => {
  it.each([
    ['the day after discharge', '2026-06-11T10:00:00+02:00', false],
    ['at the closing instant (an admission then still counts)', '2026-07-10T14:00:00+02:00', false],
    ['a millisecond later', '2026-07-10T14:00:00.001+02:00', true],
  ])('%s → %s', (_name, asOf, closed) => {
    expect(isReadmissionWindowClosed(at('2026-06-10T14:00:00+02:00'), at(asOf))).toBe(closed);
  });
});

describe('markReadmissions: one patient’s episodes', () => {
  const episode = (id: string, admitted: string, discharged: string | null) => ({
    id,
    admittedAt: at(admitted),
    dischargedAt: discharged === null ? null : at(discharged),
  });
  const marks = (episodes: ReturnType<typeof episode>[]) =>
    markReadmissions(episodes).map((mark) => [mark.episode.id, mark.isReadmission, mark.dischargeFollowedByReadmission]);

  it('a single stay, still admitted', () => {
    expect(marks([episode('a', '2026-01-05T10:00:00+01:00', null)])).toEqual([['a', false, false]]);
  });

  const a = episode('a', '2026-01-01T10:00:00+01:00', '2026-01-05T11:00:00+01:00');
  const b = episode('b', '2026-01-20T22:00:00+01:00', '2026-01-25T10:00:00+01:00');
  const c = episode('c', '2026-03-20T08:00:00+01:00', null);

  it('a readmission, then a later admission more than 30 days on', () => {
    expect(marks([a, b, c])).toEqual([
      ['a', false, true],
      ['b', true, false],
      ['c', false, false],
    ]);
  });

  it('answers in the order given, whatever the order of the stays', () => {
    expect(marks([c, a, b])).toEqual([
      ['c', false, false],
      ['a', false, true],
      ['b', true, false],
    ]);
  });

  it('a chain: each stay counts against the discharge just before it', () => {
    const first = episode('first', '2026-05-01T10:00:00+02:00', '2026-05-03T10:00:00+02:00');
    const second = episode('second', '2026-05-08T10:00:00+02:00', '2026-06-12T10:00:00+02:00');
    const third = episode('third', '2026-07-02T10:00:00+02:00', '2026-07-04T10:00:00+02:00');
    expect(marks([first, second, third])).toEqual([
      ['first', false, true],
      ['second', true, true],
      ['third', true, false],
    ]);
  });

  it.each([
    ['on day 30 at the discharge time', '2026-02-04T11:00:00+01:00', true],
    ['a minute later', '2026-02-04T11:01:00+01:00', false],
    ['at the discharge instant (a transfer)', '2026-01-05T11:00:00+01:00', false],
  ])('the next stay admitted %s', (_name, admitted, readmitted) => {
    expect(marks([a, episode('next', admitted, null)])).toEqual([
      ['a', false, readmitted],
      ['next', readmitted, false],
    ]);
  });

  it('keeps the episodes it was given', () => {
    expect(markReadmissions([a, b]).map((mark) => mark.episode)).toEqual([a, b]);
    expect(markReadmissions([])).toEqual([]);
  });
});
