import type { Actor } from './permissions.ts';

/**
 * Who may look a patient up by CPR and admit them: hospital staff, into their
 * own ward. An admission starts at the hospital (the sources' pathway and
 * MedCom's HospitalNotification both run hospital → municipality), so the
 * municipality, general practice and the geriatric team (which advises after
 * discharge) do not admit, and nobody admits into another ward's list.
 */
export function mayAdmit(actor: Actor): boolean {
  return actor.kind === 'staff' && actor.sector === 'hospital';
}
