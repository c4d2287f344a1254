import { describe, expect, it } from 'vitest';
import { mayAdmit } from './intakeAccess.ts';

describe('mayAdmit', () => {
  it.each([
    [{ kind: 'staff', userId: 'u', organisationId: 'o', sector: 'hospital' } as const, true],
    [{ kind: 'staff', userId: 'u', organisationId: 'o', sector: 'municipality' } as const, false],
    [{ kind: 'staff', userId: 'u', organisationId: 'o', sector: 'general_practice' } as const, false],
    [{ kind: 'geriatric_team', userId: 'u' } as const, false],
    [{ kind: 'conference_guest', guestRole: 'patient', conferenceId: 'c', episodeId: 'e' } as const, false],
  ])('%o → %s', (actor, expected) => {
    expect(mayAdmit(actor)).toBe(expected);
  });
});
