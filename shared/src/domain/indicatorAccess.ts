/**
 * Who may see the pathway's figures (the indicator page and its CSV export).
 * They are aggregates with small cells suppressed, but still about patients:
 * they go to the people who run and answer for the pathway, not to everyone
 * with a login. Chosen:
 * - an organisation's administrators, whatever their clinical role;
 * - discharge coordinators (they run the pathway at the ward);
 * - visitators (they run it in the municipality);
 * - doctors (ward doctors lead quality work at the hospital).
 * Nurses, home nurses, therapists, GPs and the geriatric team work with single
 * patients and have no need for the figures.
 */
export const INDICATOR_ROLES = ['discharge_coordinator', 'visitator', 'doctor'] as const;

export interface IndicatorReader {
  readonly role: string;
  readonly administrator: boolean;
}

export function mayReadIndicators(staff: IndicatorReader): boolean {
  return staff.administrator || (INDICATOR_ROLES as readonly string[]).includes(staff.role);
}
