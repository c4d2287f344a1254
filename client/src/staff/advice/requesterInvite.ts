/**
 * Whom to invite to the advice call: the person who asked. A patient is on
 * the record; a relative is invited by the name and number they gave (the
 * server texts her the link there); a
 * municipal or GP colleague is found in the care team by name. Null when
 * nobody matches (the geriatrician then calls the number instead).
 */
import { type AdviceRequestView, type EpisodeDetail, type InviteRequest, parseMobileNumber } from '@samplan/shared';

export function requesterInvite(request: AdviceRequestView, careTeamStaff: EpisodeDetail['careTeam']['staff']): InviteRequest | null {
  switch (request.requestedBy) {
    case 'patient':
      return { kind: 'patient' };
    case 'relative':
      // The call-back's text message goes to the number she gave; one that cannot take a text message is left off, not refused.
      return { kind: 'guest', role: 'relative', name: request.requesterName, ...(request.requesterContact && parseMobileNumber(request.requesterContact).ok ? { phone: request.requesterContact } : {}) };
    case 'municipality':
    case 'gp': {
      const staff = careTeamStaff.find((person) => person.name === request.requesterName);
      return staff ? { kind: 'staff', staffId: staff.id } : null;
    }
  }
}
