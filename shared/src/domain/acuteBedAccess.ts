import type { StaffSector } from './permissions.ts';

/**
 * Who may do what with the municipalities' acute beds. The overview holds no
 * patient data, so it goes to everyone who sends a patient to an acute bed
 * or takes one in:
 * - hospital visitation (visitation nurses) and hospital doctors;
 * - GPs and out-of-hours doctors (lægevagten);
 * - every municipal team (acute nurses, home nurses, visitators).
 * Only doctors reserve a bed (hospital, GP, out-of-hours): sending a patient
 * to an acute bed is a medical decision. Only a municipality's own staff keep
 * its offers and free its occupied beds. A reservation is confirmed or given
 * up by the doctor who made it or by the municipality whose bed it is.
 */
export const ACUTE_BED_VIEW_ROLES = ['visitation_nurse', 'doctor', 'gp', 'out_of_hours_doctor'] as const;
export const ACUTE_BED_RESERVE_ROLES = ['doctor', 'gp', 'out_of_hours_doctor'] as const;

export interface AcuteBedActor {
  readonly staffId: string;
  readonly role: string;
  readonly organisationId: string;
  readonly sector: StaffSector;
}

export function maySeeAcuteBeds(staff: AcuteBedActor): boolean {
  return staff.sector === 'municipality' || (ACUTE_BED_VIEW_ROLES as readonly string[]).includes(staff.role);
}

export function mayReserveAcuteBed(staff: AcuteBedActor): boolean {
  return (ACUTE_BED_RESERVE_ROLES as readonly string[]).includes(staff.role);
}

/** Keeps the municipality's offers and frees its occupied beds. */
export function keepsAcuteOffers(staff: AcuteBedActor, municipalityId: string): boolean {
  return staff.sector === 'municipality' && staff.organisationId === municipalityId;
}

export interface AcuteHold {
  readonly status: 'reserved' | 'confirmed';
  readonly reservedById: string;
  readonly municipalityId: string;
}

export function mayConfirmAcuteHold(staff: AcuteBedActor, hold: AcuteHold): boolean {
  return hold.status === 'reserved' && (hold.reservedById === staff.staffId || keepsAcuteOffers(staff, hold.municipalityId));
}

/** A reservation: its doctor or the municipality gives it up; an occupied bed: only the municipality frees it. */
export function mayReleaseAcuteHold(staff: AcuteBedActor, hold: AcuteHold): boolean {
  if (keepsAcuteOffers(staff, hold.municipalityId)) return true;
  return hold.status === 'reserved' && hold.reservedById === staff.staffId;
}

/** Whether a reservation still holds its bed at `now`: confirmed, or reserved and not yet expired. */
export function holdsBed(reservation: { readonly status: string; readonly expiresAt: Date }, now: Date): boolean {
  return reservation.status === 'confirmed' || (reservation.status === 'reserved' && reservation.expiresAt > now);
}
