import { type AcuteBedActor, maySeeAcuteBeds, mayReserveAcuteBed, SamplanError } from '@samplan/shared';
import type { DbClient } from '../../store/database.ts';
import { auditDenied, type AuditedAct } from '../audit.ts';
import type { Caller } from '../context.ts';

/** Settings the acute bed use cases read (ACUTE_RESERVATION_MINUTES). */
export interface AcuteBedSettings {
  /** How long a reservation holds its bed without being confirmed. */
  readonly reservationMs: number;
}

/**
 * The staff member as the acute bed rules see them (shared/src/domain/acuteBedAccess.ts),
 * their role read from the record, not the session, so a changed role counts at once.
 */
export async function acuteBedActorOf(db: DbClient, caller: Caller): Promise<AcuteBedActor | null> {
  const { principal } = caller;
  if (principal.kind !== 'staff') return null;
  const staff = await db.staffUser.findUnique({ where: { id: principal.staffId }, select: { role: true, deactivatedAt: true } });
  if (staff === null || staff.deactivatedAt !== null) return null;
  return { staffId: principal.staffId, role: staff.role, organisationId: principal.organisationId, sector: principal.sector };
}

/** Hospital visitation and doctors, GPs, out-of-hours doctors and municipal teams see the overview; others are refused (audited). */
export async function requireAcuteBedViewer(db: DbClient, caller: Caller, audit: AuditedAct): Promise<AcuteBedActor> {
  const actor = await acuteBedActorOf(db, caller);
  if (actor !== null && maySeeAcuteBeds(actor)) return actor;
  await auditDenied(db, caller, audit);
  throw new SamplanError('FORBIDDEN', 'Only hospital visitation, doctors, GPs, out-of-hours doctors and municipal teams see the acute beds.');
}

/** Only doctors (hospital, GP, out-of-hours) reserve an acute bed. */
export async function requireAcuteBedDoctor(db: DbClient, caller: Caller, audit: AuditedAct): Promise<AcuteBedActor> {
  const actor = await acuteBedActorOf(db, caller);
  if (actor !== null && mayReserveAcuteBed(actor)) return actor;
  await auditDenied(db, caller, audit);
  throw new SamplanError('FORBIDDEN', 'Only doctors reserve an acute bed.');
}
