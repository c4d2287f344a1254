import { expect, test } from 'vitest';
import { CONFERENCE_KIND_RULES, CONFERENCE_KINDS, type ConferenceKind, type ConferenceOrigin, PATHWAY_CONFERENCE_KINDS } from './conferenceKinds.ts';

// The pathway as the sources describe it, per kind: who must be there (role/function) and who joins on a condition.
test.each<[ConferenceKind, number, string[], string[]]>([
  [
    'goal_conversation',
    45,
    ['hospital/discharge_coordinator', 'hospital/ward_doctor', 'hospital/ward_nurse', 'hospital/therapist', 'municipality/visitator', 'patient', 'relative'],
    [],
  ],
  ['discharge_conference', 30, ['patient', 'relative', 'hospital/ward_nurse', 'municipality/home_nurse'], ['gp/general_practitioner:when_treatment_unclear']],
  ['advice_call', 20, ['geriatrician/geriatrician', 'requester'], []],
  ['follow_up', 30, ['patient', 'municipality/home_nurse', 'gp/general_practitioner'], ['relative:welcome']],
  ['acute_assessment', 30, ['municipality/acute_nurse', 'requester'], ['patient:welcome', 'hospital/visitator:welcome', 'municipality/visitation_nurse:welcome']],
])('%s: %i min, expects %j, conditional %j', (kind, minutes, expected, conditional) => {
  const rules = CONFERENCE_KIND_RULES[kind];
  const label = (p: (typeof rules.participants)[number]) => (p.as ? `${p.who}/${p.as}` : p.who);
  expect(rules.defaultMinutes).toBe(minutes);
  expect(rules.participants.filter((p) => p.attendance === 'expected').map(label)).toEqual(expected);
  expect(rules.participants.filter((p) => p.attendance !== 'expected').map((p) => `${label(p)}:${p.attendance}`)).toEqual(conditional);
});

test('every kind has rules', () => {
  expect(Object.keys(CONFERENCE_KIND_RULES).sort()).toEqual([...CONFERENCE_KINDS].sort());
});

// Where each kind begins and what its link leads to afterwards; the schedule page, the schedule request and the guest page read these.
test.each<[ConferenceKind, ConferenceOrigin, boolean]>([
  ['goal_conversation', 'schedule', false],
  ['discharge_conference', 'schedule', false],
  ['advice_call', 'advice_request', true],
  ['follow_up', 'schedule', true],
  ['acute_assessment', 'acute_request', false],
])('%s begins from %s; after discharge: %s', (kind, origin, afterDischarge) => {
  expect(CONFERENCE_KIND_RULES[kind]).toMatchObject({ origin, afterDischarge });
});

test('the indicators count the discharge pathway, not the acute assessment', () => {
  expect(PATHWAY_CONFERENCE_KINDS).toEqual(['goal_conversation', 'discharge_conference', 'advice_call', 'follow_up']);
});
