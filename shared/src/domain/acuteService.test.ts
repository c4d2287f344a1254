import { describe, expect, it } from 'vitest';
import { acuteAnswerBy, acuteRefusalAt, acuteTeamOpensAt, isWithinAcuteHours } from './acuteService.ts';

const randers = { fromMinute: 8 * 60, toMinute: 23 * 60, promiseMinutes: 120 };
const night = { fromMinute: 22 * 60, toMinute: 6 * 60, promiseMinutes: 60 };

describe('acute team service hours (Copenhagen time)', () => {
  it.each([
    ['2026-12-02T06:59:00Z', randers, false], // 07:59 winter time
    ['2026-12-02T07:00:00Z', randers, true], // 08:00
    ['2026-12-02T21:30:00Z', randers, true], // 22:30
    ['2026-12-02T21:59:00Z', randers, true], // 22:59
    ['2026-12-02T22:00:00Z', randers, false], // 23:00
    ['2026-12-02T22:30:00Z', randers, false], // 23:30
    ['2026-07-02T20:30:00Z', randers, true], // 22:30 summer time
    ['2026-07-02T21:30:00Z', randers, false], // 23:30 summer time
    ['2026-12-02T21:30:00Z', night, true], // 22:30
    ['2026-12-03T04:00:00Z', night, true], // 05:00
    ['2026-12-03T05:00:00Z', night, false], // 06:00
    ['2026-12-02T12:00:00Z', { ...randers, toMinute: randers.fromMinute }, true],
  ] as const)('%s is within the hours: %s', (at, service, within) => {
    expect(isWithinAcuteHours(service, new Date(at))).toBe(within);
  });

  it('after the hours it opens the next morning at 08:00', () => {
    expect(acuteTeamOpensAt(randers, new Date('2026-12-02T22:30:00Z')).toISOString()).toBe('2026-12-03T07:00:00.000Z');
  });

  it('before the hours it opens the same morning', () => {
    expect(acuteTeamOpensAt(randers, new Date('2026-12-02T05:00:00Z')).toISOString()).toBe('2026-12-02T07:00:00.000Z');
  });

  it('promises elapsed time from the request', () => {
    expect(acuteAnswerBy(randers, new Date('2026-12-02T21:30:00Z')).toISOString()).toBe('2026-12-02T23:30:00.000Z');
  });

  it('refuses outside the hours with when it opens and where to turn, not inside', () => {
    expect(acuteRefusalAt(randers, new Date('2026-12-02T21:30:00Z'))).toBeNull();
    expect(acuteRefusalAt(null, new Date('2026-12-02T21:30:00Z'))).toEqual({ code: 'NO_ACUTE_TEAM', whenAcute: 'emergency_112' });
    expect(acuteRefusalAt(randers, new Date('2026-12-02T22:30:00Z'))).toEqual({
      code: 'ACUTE_TEAM_CLOSED',
      fromMinute: 480,
      toMinute: 1380,
      opensAt: '2026-12-03T07:00:00.000Z',
      turnTo: ['admit_directly', 'call_again_when_open', 'home_nurse_night_service'],
      whenAcute: 'emergency_112',
    });
  });
});
