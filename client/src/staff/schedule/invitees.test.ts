import { describe, expect, it } from 'vitest';
import { defaultKind, expectedFunctions, guestsExpected, preselectedStaff } from './invitees.ts';

const staff = [
  { id: 'hanne', name: 'Hanne Bech', role: 'discharge_coordinator', organisation: 'M2' },
  { id: 'mette', name: 'Mette Lund', role: 'nurse', organisation: 'M2' },
  { id: 'lone', name: 'Lone Mikkelsen', role: 'visitator', organisation: 'Odder' },
  { id: 'jesper', name: 'Jesper Friis', role: 'home_nurse', organisation: 'Odder' },
  { id: 'ole', name: 'Ole Bach', role: 'gp', organisation: 'Rosensgade' },
] as const;

const clocks = { goalConversation: { from: '2026-11-23T14:30:00.000Z', until: '2026-11-24T23:00:00.000Z', defaultStart: '2026-11-24T09:00:00.000Z' } };

describe('default invitees', () => {
  it('tick the functions a goal conversation expects, not the organiser', () => {
    expect([...preselectedStaff('goal_conversation', staff, 'hanne')].sort()).toEqual(['lone', 'mette']);
  });

  it('leave the GP of a discharge conference to the organiser (only when treatment is unclear)', () => {
    expect([...preselectedStaff('discharge_conference', staff, 'mette')]).toEqual(['jesper']);
    expect(expectedFunctions('discharge_conference').whenUnclear).toEqual(['general_practitioner']);
  });

  it('offer a goal conversation on day 1–2, a discharge conference after, a follow-up once home', () => {
    const admitted = { dischargedAt: null, clocks: clocks as never };
    expect(defaultKind(admitted, new Date('2026-11-24T08:00:00Z'))).toBe('goal_conversation');
    expect(defaultKind(admitted, new Date('2026-11-25T08:00:00Z'))).toBe('discharge_conference');
    expect(defaultKind({ dischargedAt: '2026-11-25T09:00:00Z', clocks: clocks as never }, new Date('2026-11-26T08:00:00Z'))).toBe('follow_up');
  });

  it('expect the patient at conferences, not at an advice call', () => {
    expect(guestsExpected('goal_conversation')).toBe(true);
    expect(guestsExpected('advice_call')).toBe(false);
  });
});
