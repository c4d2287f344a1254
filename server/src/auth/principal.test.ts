import { describe, expect, it } from 'vitest';
import { actorsOf, authorizePrincipal, guestAccessUntil, type StaffPrincipal } from './principal.ts';

const session = { sub: '0190a0a0-0000-7000-8000-000000000001', kind: 'staff', jti: '0190a0a0-0000-7000-8000-000000000002', auth_time: 0, max: 1, iat: 0, exp: 1 } as const;
const dischargedAt = new Date('2026-03-28T10:00:00+01:00');
const episode = { id: 'ep', admittedAt: new Date('2026-03-25T09:00:00+01:00'), dischargedAt, careTeam: ['ward'] };
const inWindow = new Date('2026-03-30T10:00:00+02:00');
const afterWindow = new Date('2026-04-10T10:00:00+02:00');

const geriatrician: StaffPrincipal = {
  kind: 'staff',
  staffId: 'g1',
  name: 'Geriater',
  role: 'geriatrician',
  organisationId: 'geriatric-clinic',
  organisationName: 'Klinik for Ældresygdomme',
  sector: 'hospital',
  administrator: false,
  actor: { kind: 'geriatric_team', userId: 'g1' },
  session,
};

describe('a geriatrician', () => {
  it('acts as the geriatric team and as a hospital clinician', () => {
    expect(actorsOf(geriatrician).map((actor) => actor.kind)).toEqual(['geriatric_team', 'staff']);
  });

  it('reads an episode in its advice window without being in its team', () => {
    expect(authorizePrincipal(geriatrician, 'episode:read', { episode, now: inWindow })).toEqual({ allowed: true, standing: 'geriatric_team' });
  });

  it('loses it when the window closes, unless named in the care team', () => {
    expect(authorizePrincipal(geriatrician, 'episode:read', { episode, now: afterWindow })).toMatchObject({ allowed: false, standing: 'none' });
    const named = { ...episode, careTeamStaff: ['g1'] };
    expect(authorizePrincipal(geriatrician, 'episode:read', { episode: named, now: afterWindow })).toEqual({ allowed: true, standing: 'care_team_hospital' });
  });

  it('gets the care team rights where the clinic is in the team (task editing), and the advice queue from the window', () => {
    const clinicInTeam = { ...episode, careTeam: ['ward', 'geriatric-clinic'] };
    expect(authorizePrincipal(geriatrician, 'plan:edit-tasks', { episode: clinicInTeam, now: inWindow })).toMatchObject({ allowed: true });
    expect(authorizePrincipal(geriatrician, 'advice:take', { episode: clinicInTeam, now: inWindow })).toEqual({ allowed: true, standing: 'geriatric_team' });
  });

  it('is refused with the most telling reason: a standing without the right beats no standing', () => {
    expect(authorizePrincipal(geriatrician, 'plan:edit-tasks', { episode, now: inWindow })).toEqual({
      allowed: false,
      standing: 'geriatric_team',
      reason: 'NOT_ALLOWED_FOR_STANDING',
    });
  });
});

describe('guest link validity', () => {
  const now = new Date('2026-03-30T10:00:00Z');
  const meetingEnd = new Date('2026-03-30T12:00:00Z');
  const admitted = { status: 'scheduled', episode: { dischargedAt: null } };
  const valid = { expiresAt: meetingEnd, revokedAt: null, lobbyState: 'waiting', conference: admitted };
  const home = (dischargedAt: string) => ({ status: 'ended', episode: { dischargedAt: new Date(dischargedAt) } });
  it.each([
    ['valid', valid, meetingEnd],
    ['expired', { ...valid, expiresAt: now }, null],
    ['revoked', { ...valid, revokedAt: now }, null],
    ['removed by the host', { ...valid, lobbyState: 'removed' }, null],
    ['conference cancelled', { ...valid, conference: { ...admitted, status: 'cancelled' } }, null],
    ['no expiry (staff row)', { ...valid, expiresAt: null }, null],
    // Discharged 27 March 14:00 (winter time): the advice line is open until 3 April 14:00 summer time.
    ['expired, but discharged with the advice window open', { ...valid, expiresAt: now, conference: home('2026-03-27T13:00:00Z') }, new Date('2026-04-03T12:00:00Z')],
    ['expired, discharged and the window closed', { ...valid, expiresAt: now, conference: home('2026-03-20T13:00:00Z') }, null],
    ['revoked, even with the window open', { ...valid, revokedAt: now, conference: home('2026-03-27T13:00:00Z') }, null],
  ])('%s', (_name, link, expected) => {
    expect(guestAccessUntil(link, now)).toEqual(expected);
  });
});
