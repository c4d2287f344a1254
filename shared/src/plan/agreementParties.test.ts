import { describe, expect, test } from 'vitest';
import type { Representation } from '../api/relatives.ts';
import type { ParticipantRole } from '../roles.ts';
import { type AgreeingPerson, agreementOfParties, ownPartyOf, presentParties, representsPatient } from './agreementParties.ts';

const KAREN = '0193a2b4-0000-7000-8000-000000000001';
const HANNE = '0193a2b4-0000-7000-8000-000000000002';
const HANNE_ROW = '0193a2b4-0000-7000-8000-0000000000a2';
const PETER = '0193a2b4-0000-7000-8000-000000000003';
const NURSE = '0193a2b4-0000-7000-8000-000000000004';
const GERIATRICIAN = '0193a2b4-0000-7000-8000-000000000005';

const person = (participantId: string, role: ParticipantRole, relativeId: string | null = null, representation: Representation = 'none'): AgreeingPerson => ({
  participantId,
  role,
  relativeId,
  representation,
});

describe('each party agrees for itself', () => {
  test.each<[string, AgreeingPerson, string | null]>([
    ['the patient for herself', person(KAREN, 'patient'), 'patient'],
    ['a relative from the record by her record row (her yes holds in every conference)', person(HANNE, 'relative', HANNE_ROW), `relative:${HANNE_ROW}`],
    ['a relative invited by name only by her link', person(PETER, 'relative'), `relative:${PETER}`],
    ['a representative for herself, not for the patient', person(HANNE, 'relative', HANNE_ROW, 'power_of_attorney'), `relative:${HANNE_ROW}`],
    ['the ward', person(NURSE, 'hospital'), 'hospital'],
    ['the geriatric team, who advises, for nobody', person(GERIATRICIAN, 'geriatrician'), null],
  ])('%s', (_name, who, party) => {
    expect(ownPartyOf(who)).toBe(party);
  });

  test.each<[string, AgreeingPerson, string | null]>([
    ['a relative without representation may not answer for the patient', person(HANNE, 'relative', HANNE_ROW), null],
    ['a guardian may', person(HANNE, 'relative', HANNE_ROW, 'guardian'), 'guardian'],
    ['a holder of a power of attorney may', person(HANNE, 'relative', HANNE_ROW, 'power_of_attorney'), 'power_of_attorney'],
    ['staff never do', person(NURSE, 'hospital', null, 'guardian'), null],
  ])('%s', (_name, who, as) => {
    expect(representsPatient(who)).toBe(as);
  });
});

describe('the parties present, in the order they are asked', () => {
  test.each<[string, AgreeingPerson[], string[]]>([
    ['patient, daughter and ward: three parties', [person(NURSE, 'hospital'), person(HANNE, 'relative', HANNE_ROW), person(KAREN, 'patient')], ['patient', 'hospital', `relative:${HANNE_ROW}`]],
    [
      'two relatives are two parties, in the order given',
      [person(PETER, 'relative'), person(HANNE, 'relative', HANNE_ROW), person(NURSE, 'hospital')],
      ['hospital', `relative:${PETER}`, `relative:${HANNE_ROW}`],
    ],
    ['a daughter alone does not make the patient present', [person(HANNE, 'relative', HANNE_ROW), person(NURSE, 'hospital')], ['hospital', `relative:${HANNE_ROW}`]],
    [
      'a representative makes the patient present: someone can answer for her',
      [person(HANNE, 'relative', HANNE_ROW, 'guardian'), person(NURSE, 'hospital')],
      ['patient', 'hospital', `relative:${HANNE_ROW}`],
    ],
    ['the same relative on two devices is one party', [person(HANNE, 'relative', HANNE_ROW), person(HANNE, 'relative', HANNE_ROW)], [`relative:${HANNE_ROW}`]],
    ['the geriatric team is no party', [person(GERIATRICIAN, 'geriatrician')], []],
  ])('%s', (_name, people, parties) => {
    expect(presentParties(people)).toEqual(parties);
  });
});

describe('agreement status per party', () => {
  const relatives = [{ party: `relative:${HANNE_ROW}` as const, name: 'Hanne Jensen' }];
  const present = ['patient', 'hospital', `relative:${HANNE_ROW}`] as const;

  test("a daughter's yes is hers only: the patient is still asked", () => {
    const status = agreementOfParties([true], {
      present: [...present],
      agreements: [
        { party: 'hospital', revision: 1, onBehalfAs: null },
        { party: `relative:${HANNE_ROW}`, revision: 1, onBehalfAs: null },
      ],
      relatives,
    });
    expect(status).toEqual({ state: 'not_agreed', currentRevision: 1, agreedRevision: null, awaiting: ['patient'], relatives });
  });

  test('patient and daughter each said yes: agreed', () => {
    const status = agreementOfParties([true], {
      present: [...present],
      agreements: [
        { party: 'hospital', revision: 1, onBehalfAs: null },
        { party: `relative:${HANNE_ROW}`, revision: 1, onBehalfAs: null },
        { party: 'patient', revision: 1, onBehalfAs: null },
      ],
      relatives,
    });
    expect(status).toMatchObject({ state: 'agreed', agreedRevision: 1, awaiting: [] });
  });

  test("a representative's yes on the patient's behalf counts for the patient, her own yes for herself", () => {
    const status = agreementOfParties([true], {
      present: ['patient', 'hospital', `relative:${HANNE_ROW}`],
      agreements: [
        { party: 'hospital', revision: 1, onBehalfAs: null },
        { party: 'patient', revision: 1, onBehalfAs: 'power_of_attorney' },
      ],
      relatives,
    });
    expect(status).toMatchObject({ state: 'not_agreed', awaiting: [`relative:${HANNE_ROW}`] });
  });
});
