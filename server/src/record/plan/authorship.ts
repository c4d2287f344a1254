import type { Editor, ParticipantRole, StaffSector } from '@samplan/shared';
import type { Principal } from '../../auth/principal.ts';
import type { Sector, StaffRole } from '../../store/generated/enums.ts';

/**
 * Who wrote a revision or said yes, in the forms the plan needs: the editor
 * shown on revisions and in conflict messages, the audit actor, the author
 * row. Always from the session's principal, never from a
 * request body.
 */

const SECTOR_ROLE: Readonly<Record<StaffSector, ParticipantRole>> = { hospital: 'hospital', municipality: 'municipality', general_practice: 'gp' };
const STORED_SECTOR_ROLE: Readonly<Record<Sector, ParticipantRole>> = { hospital_ward: 'hospital', municipal_unit: 'municipality', general_practice: 'gp' };

/** Display names are capped by the protocol; a long staff name is cut rather than refused. */
const NAME_MAX = 60;

/**
 * One editor id per person, not per tab: a person's own earlier edits are
 * never a conflict for them (plan/rebase.ts), wherever they made them.
 */
const staffEditorId = (staffId: string) => `staff:${staffId}`;
const participantEditorId = (participantId: string) => `participant:${participantId}`;

function displayName(name: string, fallback: string): string {
  const trimmed = name.trim().slice(0, NAME_MAX).trim();
  return trimmed.length > 0 ? trimmed : fallback;
}

function staffRoleOf(role: StaffRole, sectorRole: ParticipantRole): ParticipantRole {
  return role === 'geriatrician' ? 'geriatrician' : sectorRole;
}

export function editorOf(principal: Principal): Editor {
  if (principal.kind === 'participant') {
    return { id: participantEditorId(principal.participantId), name: displayName(principal.name, principal.role), role: principal.role };
  }
  const role = staffRoleOf(principal.role, SECTOR_ROLE[principal.sector]);
  return { id: staffEditorId(principal.staffId), name: displayName(principal.name, role), role };
}

/** The editor of a stored revision, from its author row: the same id and role editorOf gave them live. */
export function storedEditor(author: {
  staff: { id: string; name: string; role: StaffRole; organisation: { sector: Sector } } | null;
  participant: { id: string; role: ParticipantRole; externalName: string | null; staffUser: { name: string } | null } | null;
}): Editor {
  const { staff, participant } = author;
  if (staff) {
    const role = staffRoleOf(staff.role, STORED_SECTOR_ROLE[staff.organisation.sector]);
    return { id: staffEditorId(staff.id), name: displayName(staff.name, role), role };
  }
  if (participant) {
    const name = participant.externalName ?? participant.staffUser?.name ?? '';
    return { id: participantEditorId(participant.id), name: displayName(name, participant.role), role: participant.role };
  }
  // A CHECK on PlanRevision requires exactly one author.
  throw new Error('plan revision without an author');
}

export function revisionAuthorOf(principal: Principal): { staffId: string } | { participantId: string } {
  return principal.kind === 'staff' ? { staffId: principal.staffId } : { participantId: principal.participantId };
}
