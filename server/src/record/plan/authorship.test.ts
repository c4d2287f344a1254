import { describe, expect, test } from 'vitest';
import type { ParticipantPrincipal, StaffPrincipal } from '../../auth/principal.ts';
import { editorOf, storedEditor } from './authorship.ts';

const session = { sub: '', kind: 'staff', jti: '', auth_time: 0, iat: 0, exp: 0 } as unknown as StaffPrincipal['session'];

function staff(role: StaffPrincipal['role'], sector: StaffPrincipal['sector'], name = 'Anna Holm'): StaffPrincipal {
  const actor = role === 'geriatrician' ? ({ kind: 'geriatric_team', userId: 's1' } as const) : ({ kind: 'staff', userId: 's1', organisationId: 'o1', sector } as const);
  return { kind: 'staff', staffId: 's1', name, role, organisationId: 'o1', organisationName: 'Org', sector, administrator: false, actor, session };
}

const guest: ParticipantPrincipal = {
  kind: 'participant',
  participantId: 'p1',
  conferenceId: 'c1',
  episodeId: 'e1',
  name: '',
  role: 'relative',
  representation: 'none',
  actor: { kind: 'conference_guest', guestRole: 'relative', conferenceId: 'c1', episodeId: 'e1' },
  session,
};

describe('who edits, as the plan shows them', () => {
  test.each([
    ['home nurse', staff('home_nurse', 'municipality'), { id: 'staff:s1', name: 'Anna Holm', role: 'municipality' }],
    ['GP', staff('gp', 'general_practice'), { id: 'staff:s1', name: 'Anna Holm', role: 'gp' }],
    ['geriatrician of a hospital', staff('geriatrician', 'hospital'), { id: 'staff:s1', name: 'Anna Holm', role: 'geriatrician' }],
    ['relative without a name on the link', guest, { id: 'participant:p1', name: 'relative', role: 'relative' }],
  ])('%s', (_name, principal, editor) => {
    expect(editorOf(principal)).toEqual(editor);
  });

  test('a long name is cut to what the protocol carries', () => {
    expect(editorOf(staff('nurse', 'hospital', 'x'.repeat(80))).name).toHaveLength(60);
  });

  test('a stored revision names its author as they were named live, so rebase knows their own edits', () => {
    const live = editorOf(staff('home_nurse', 'municipality'));
    const stored = storedEditor({ staff: { id: 's1', name: 'Anna Holm', role: 'home_nurse', organisation: { sector: 'municipal_unit' } }, participant: null });
    expect(stored).toEqual(live);
    expect(storedEditor({ staff: null, participant: { id: 'p1', role: 'relative', externalName: null, staffUser: null } })).toEqual(editorOf(guest));
  });
});
