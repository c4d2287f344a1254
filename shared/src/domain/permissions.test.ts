import { describe, expect, test } from 'vitest';
import { ACTIONS, type Actor, type AccessTarget, authorize, allowedActions, PERMISSIONS, STANDINGS, standingOf } from './permissions.ts';

// The matrix as the product owner reads it: H hospital, M municipality, G GP (all in the care team),
// T geriatric team (advice window open), P patient link, R relative link, V a relative the record names
// the patient's representative (guardian, power of attorney), N no standing.
const MATRIX = `
                     H M G T P R V N
episode:read         x x x x . . . .
plan:read            x x x x x x x .
plan:edit-tasks      x x x . . . . .
plan:edit-wishes     x x x . x x x .
plan:comment         x x x x x x x .
plan:agree           x x x . x x x .
conference:schedule  x x x x . . . .
conference:join      x x x x x x x .
conference:admit     x x x x . . . .
advice:request       . x x . x x x .
advice:take          . . . x . . . .
audit:read           x . . . . . . .
access-log:read      . . . . x . x .
consent:record       x . . . . . . .
representation:record x x . . . . . .
screening:record     x . . . . . . .
episode:discharge    x . . . . . . .
visit:record         . x x . . . . .
tobs:record          . x x . . . . .
`;
const matrix = MATRIX.trim()
  .split('\n')
  .slice(1)
  .map((line) => line.trim().split(/\s+/));

describe('permission matrix', () => {
  test('names every action exactly once', () => {
    expect(matrix.map(([action]) => action)).toEqual([...ACTIONS]);
  });

  const cells = matrix.flatMap(([action, ...marks]) => STANDINGS.map((standing, i) => [standing, action, marks[i] === 'x'] as const));
  test.each(cells)('%s may %s: %s', (standing, action, allowed) => {
    expect(PERMISSIONS[standing].includes(action as (typeof ACTIONS)[number])).toBe(allowed);
  });
});

describe('standingOf', () => {
  const dischargedAt = new Date('2026-03-28T14:00:00+01:00');
  const episode = { id: 'ep-1', admittedAt: new Date('2026-03-25T09:00:00+01:00'), dischargedAt, careTeam: ['ward-7', 'aarhus-home-care', 'gp-lind'] };
  const inWindow = new Date('2026-04-03T12:00:00+02:00');
  const afterWindow = new Date('2026-04-04T14:00:00+02:00');
  const target = (now: Date, conferenceId?: string): AccessTarget => ({ episode, now, ...(conferenceId ? { conferenceId } : {}) });

  const hospital: Actor = { kind: 'staff', userId: 'u1', organisationId: 'ward-7', sector: 'hospital' };
  const municipality: Actor = { kind: 'staff', userId: 'u2', organisationId: 'aarhus-home-care', sector: 'municipality' };
  const gp: Actor = { kind: 'staff', userId: 'u3', organisationId: 'gp-lind', sector: 'general_practice' };
  const otherWard: Actor = { kind: 'staff', userId: 'u4', organisationId: 'ward-9', sector: 'hospital' };
  const geriatrician: Actor = { kind: 'geriatric_team', userId: 'u5' };
  const patient: Actor = { kind: 'conference_guest', guestRole: 'patient', conferenceId: 'conf-1', episodeId: 'ep-1' };
  const relative: Actor = { kind: 'conference_guest', guestRole: 'relative', conferenceId: 'conf-1', episodeId: 'ep-1' };
  const strangersRelative: Actor = { kind: 'conference_guest', guestRole: 'relative', conferenceId: 'conf-9', episodeId: 'ep-9' };
  const representative: Actor = { kind: 'conference_guest', guestRole: 'relative', representative: true, conferenceId: 'conf-1', episodeId: 'ep-1' };
  const strangersRepresentative: Actor = { ...representative, conferenceId: 'conf-9', episodeId: 'ep-9' };

  test.each([
    ['hospital ward in the team', hospital, target(afterWindow), { standing: 'care_team_hospital' }],
    ['home care in the team', municipality, target(afterWindow), { standing: 'care_team_municipality' }],
    ['GP in the team', gp, target(afterWindow), { standing: 'care_team_gp' }],
    ['another ward', otherWard, target(inWindow), { standing: 'none', reason: 'NOT_IN_CARE_TEAM' }],
    ['named in the team from another ward', otherWard, { episode: { ...episode, careTeamStaff: ['u4'] }, now: inWindow }, { standing: 'care_team_hospital' }],
    ['a colleague of someone named in the team', otherWard, { episode: { ...episode, careTeamStaff: ['u9'] }, now: inWindow }, { standing: 'none', reason: 'NOT_IN_CARE_TEAM' }],
    ['geriatric team, window open', geriatrician, target(inWindow), { standing: 'geriatric_team' }],
    ['geriatric team, window closed', geriatrician, target(afterWindow), { standing: 'none', reason: 'ADVICE_WINDOW_NOT_OPEN' }],
    ['geriatric team, still admitted', geriatrician, { episode: { ...episode, dischargedAt: null }, now: inWindow }, { standing: 'none', reason: 'ADVICE_WINDOW_NOT_OPEN' }],
    ['patient, their episode', patient, target(afterWindow), { standing: 'patient' }],
    ['patient, their conference', patient, target(afterWindow, 'conf-1'), { standing: 'patient' }],
    ['patient, another conference of the same episode', patient, target(afterWindow, 'conf-2'), { standing: 'none', reason: 'OTHER_CONFERENCE' }],
    ['relative, their episode', relative, target(inWindow), { standing: 'relative' }],
    ['relative of someone else', strangersRelative, target(inWindow), { standing: 'none', reason: 'OTHER_EPISODE' }],
    ['representative, their episode', representative, target(inWindow), { standing: 'representative' }],
    ['representative of someone else', strangersRepresentative, target(inWindow), { standing: 'none', reason: 'OTHER_EPISODE' }],
  ] as const)('%s', (_name, actor, accessTarget, expected) => {
    expect(standingOf(actor, accessTarget)).toEqual(expected);
  });

  test.each([
    [hospital, 'consent:record', target(afterWindow), { allowed: true, standing: 'care_team_hospital' }],
    [municipality, 'consent:record', target(afterWindow), { allowed: false, standing: 'care_team_municipality', reason: 'NOT_ALLOWED_FOR_STANDING' }],
    [hospital, 'episode:discharge', target(afterWindow), { allowed: true, standing: 'care_team_hospital' }],
    [municipality, 'episode:discharge', target(afterWindow), { allowed: false, standing: 'care_team_municipality', reason: 'NOT_ALLOWED_FOR_STANDING' }],
    [otherWard, 'episode:discharge', target(inWindow), { allowed: false, standing: 'none', reason: 'NOT_IN_CARE_TEAM' }],
    [municipality, 'visit:record', target(inWindow), { allowed: true, standing: 'care_team_municipality' }],
    [gp, 'tobs:record', target(inWindow), { allowed: true, standing: 'care_team_gp' }],
    [hospital, 'visit:record', target(inWindow), { allowed: false, standing: 'care_team_hospital', reason: 'NOT_ALLOWED_FOR_STANDING' }],
    [geriatrician, 'tobs:record', target(inWindow), { allowed: false, standing: 'geriatric_team', reason: 'NOT_ALLOWED_FOR_STANDING' }],
    [patient, 'plan:edit-tasks', target(inWindow), { allowed: false, standing: 'patient', reason: 'NOT_ALLOWED_FOR_STANDING' }],
    [patient, 'plan:agree', target(inWindow), { allowed: true, standing: 'patient' }],
    [geriatrician, 'advice:take', target(inWindow), { allowed: true, standing: 'geriatric_team' }],
    [geriatrician, 'plan:read', target(afterWindow), { allowed: false, standing: 'none', reason: 'ADVICE_WINDOW_NOT_OPEN' }],
    [otherWard, 'plan:read', target(inWindow), { allowed: false, standing: 'none', reason: 'NOT_IN_CARE_TEAM' }],
    [patient, 'conference:join', target(inWindow, 'conf-1'), { allowed: true, standing: 'patient' }],
    [patient, 'conference:join', target(inWindow), { allowed: false, standing: 'none', reason: 'OTHER_CONFERENCE' }],
    [hospital, 'conference:join', target(inWindow), { allowed: true, standing: 'care_team_hospital' }],
  ] as const)('authorize %o %s', (actor, action, accessTarget, expected) => {
    expect(authorize(actor, action, accessTarget)).toEqual(expected);
  });

  test('allowedActions is the row of the actor’s standing, conference actions only for the linked conference', () => {
    expect(allowedActions(relative, target(inWindow, 'conf-1'))).toEqual(['plan:read', 'plan:edit-wishes', 'plan:comment', 'plan:agree', 'conference:join', 'advice:request']);
    expect(allowedActions(relative, target(inWindow))).toEqual(['plan:read', 'plan:edit-wishes', 'plan:comment', 'plan:agree', 'advice:request']);
    expect(allowedActions(strangersRelative, target(inWindow))).toEqual([]);
  });
});
