import type { AgreeingPerson, ParticipantRole, Representation } from '@samplan/shared';
import type { Principal } from '../../auth/principal.ts';

/** What agreement needs of a participant row: her part in the call, her relative's standing, the patient's name. */
export const AGREEING_PERSON = {
  id: true,
  role: true,
  relativeId: true,
  relative: { select: { representation: true } },
  conference: { select: { episode: { select: { patient: { select: { name: true } } } } } },
} as const;

export type AgreeingRow = {
  id: string;
  role: ParticipantRole;
  relativeId: string | null;
  relative: { representation: Representation } | null;
  conference: { episode: { patient: { name: string } } };
};

export function agreeingPerson(row: AgreeingRow): AgreeingPerson {
  return { participantId: row.id, role: row.role, relativeId: row.relativeId, representation: row.relative?.representation ?? 'none' };
}

/** The principal's participant row in a conference: her link's, or the staff member's. */
export function whoIs(principal: Principal): { id: string } | { staffUserId: string } {
  return principal.kind === 'participant' ? { id: principal.participantId } : { staffUserId: principal.staffId };
}
