import type { AdviceRequestView } from '@samplan/shared';
import { describe, expect, it } from 'vitest';
import { requesterInvite } from './requesterInvite.ts';

const base = {
  id: '0193a2b4-0000-7000-8000-000000000001',
  episodeId: '0193a2b4-0000-7000-8000-000000000002',
  patient: { id: '0193a2b4-0000-7000-8000-000000000003', name: 'Ella Sørensen', cpr: '231135-****' },
  state: 'taken',
  requesterName: 'Jørgen Sørensen',
  requesterContact: '+45 20 30 40 50',
  channel: 'video',
  urgency: 'urgent',
  question: 'Hun er mere forvirret i dag.',
  createdAt: '2026-11-24T00:33:05.508Z',
  windowClosesAt: '2026-11-26T10:00:00.000Z',
  msLeft: 1,
  takenBy: null,
  takenAt: null,
  answeredAt: null,
  answerChannel: null,
  adviceConferenceId: null,
  isbar: null,
} satisfies Omit<AdviceRequestView, 'requestedBy'>;

const team = [{ id: '0193a2b4-0000-7000-8000-000000000009', name: 'Jesper Friis', role: 'home_nurse' as const, organisation: 'Odder' }];

describe('the advice call invites whoever asked', () => {
  it('the patient from the record', () => {
    expect(requesterInvite({ ...base, requestedBy: 'patient' }, team)).toEqual({ kind: 'patient' });
  });

  it('a relative by the name and number they gave', () => {
    expect(requesterInvite({ ...base, requestedBy: 'relative' }, team)).toEqual({ kind: 'guest', role: 'relative', name: 'Jørgen Sørensen', phone: '+45 20 30 40 50' });
    expect(requesterInvite({ ...base, requestedBy: 'relative', requesterContact: '1813' }, team)).toEqual({ kind: 'guest', role: 'relative', name: 'Jørgen Sørensen' });
  });

  it('a colleague from the care team by name, or nobody when none matches', () => {
    expect(requesterInvite({ ...base, requestedBy: 'municipality', requesterName: 'Jesper Friis' }, team)).toEqual({ kind: 'staff', staffId: team[0]!.id });
    expect(requesterInvite({ ...base, requestedBy: 'gp', requesterName: 'Ole Bach' }, team)).toBeNull();
  });
});
