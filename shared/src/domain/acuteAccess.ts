import type { StaffSector } from './permissions.ts';

/**
 * Who takes part in an acute assessment, by professional role (strings, as
 * the record's StaffRole stores them):
 * - a GP, or the out-of-hours doctor (lægevagten), asks for it and decides;
 * - the acute team of the citizen's home municipality (its acute nurses)
 *   sees the queue, takes the request and enters TOBS from the home.
 * Everyone else reaches the call only through the episode's care team, as
 * for any conference (the hospital's visitation, the visitation nurse pulled in).
 */
export const ACUTE_REQUESTER_ROLES = ['gp', 'out_of_hours_doctor'] as const;
export const ACUTE_TEAM_ROLES = ['acute_nurse'] as const;

interface StaffRef {
  readonly role: string;
  readonly sector: StaffSector;
  readonly organisationId: string;
}

export function mayRequestAcuteAssessment(staff: StaffRef): boolean {
  return (ACUTE_REQUESTER_ROLES as readonly string[]).includes(staff.role);
}

/** A member of the acute team of municipality `teamId`. */
export function isOnAcuteTeam(staff: StaffRef, teamId: string): boolean {
  return staff.sector === 'municipality' && staff.organisationId === teamId && (ACUTE_TEAM_ROLES as readonly string[]).includes(staff.role);
}
