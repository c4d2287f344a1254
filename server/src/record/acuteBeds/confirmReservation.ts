import { type AcuteReservationView, mayConfirmAcuteHold, SamplanError } from '@samplan/shared';
import type { DbTransaction } from '../../store/database.ts';
import { notFound } from '../access.ts';
import { auditDenied, auditOk } from '../audit.ts';
import type { Caller, RecordContext } from '../context.ts';
import { acuteBedActorOf } from './acuteBedAccess.ts';
import { acuteReservationSelect, acuteReservationView } from './acuteBedView.ts';
import { lockReservation } from './lockRows.ts';

const AUDIT = { action: 'confirm', resourceType: 'AcuteBedReservation' } as const;

type Refusal = 'NOT_FOUND' | 'FORBIDDEN' | 'RESERVATION_NOT_ACTIVE';

export interface ConfirmedReservation {
  readonly reservation: AcuteReservationView;
  /** For the event published after commit. */
  readonly municipalityId: string;
}

/**
 * Confirms inside the caller's own transaction: for a use case that confirms
 * as part of a larger act (the acute assessment's decision "municipal acute
 * bed"), so the decision and the occupied bed commit together. The caller
 * publishes `acuteBeds.changed` after its commit; a refusal is thrown as a
 * SamplanError and the caller's transaction rolls back (audit it then with
 * `auditConfirmRefused`).
 */
export async function confirmReservationIn(tx: DbTransaction, caller: Caller, reservationId: string, now: Date): Promise<ConfirmedReservation> {
  const refusal = await confirmIn(tx, caller, reservationId, now);
  if (typeof refusal === 'string') throw refusalError(refusal);
  return refusal;
}

/** The audit row of a refused confirmation, written after its transaction rolled back. */
export function auditConfirmRefused(ctx: Pick<RecordContext, 'db'>, caller: Caller, reservationId: string) {
  return auditDenied(ctx.db, caller, { ...AUDIT, resourceId: reservationId });
}

/**
 * POST /api/acute-beds/reservations/:reservationId/confirm — the bed is taken
 * (occupied): by the doctor who reserved it, or by the municipality whose
 * bed it is when the patient arrives. Only a reservation still waiting (not
 * released, not past its time) is confirmed: RESERVATION_NOT_ACTIVE else.
 */
export async function confirmReservation(ctx: RecordContext, caller: Caller, reservationId: string): Promise<AcuteReservationView> {
  const now = ctx.now();
  const outcome = await ctx.db.$transaction((tx) => confirmIn(tx, caller, reservationId, now));
  if (typeof outcome === 'string') {
    await auditConfirmRefused(ctx, caller, reservationId);
    throw refusalError(outcome);
  }
  await ctx.events.publish({ type: 'acuteBeds.changed', municipalityId: outcome.municipalityId });
  return outcome.reservation;
}

async function confirmIn(tx: DbTransaction, caller: Caller, reservationId: string, now: Date): Promise<ConfirmedReservation | Refusal> {
  const actor = await acuteBedActorOf(tx, caller);
  if (actor === null || !(await lockReservation(tx, reservationId))) return 'NOT_FOUND';
  const row = await tx.acuteBedReservation.findUniqueOrThrow({ where: { id: reservationId }, select: acuteReservationSelect });
  const hold = { status: 'reserved' as const, reservedById: row.reservedById, municipalityId: row.offer.municipalityId };
  if (!mayConfirmAcuteHold(actor, hold)) return 'FORBIDDEN';
  if (row.status !== 'reserved' || row.expiresAt <= now) return 'RESERVATION_NOT_ACTIVE';
  const confirmed = await tx.acuteBedReservation.update({
    where: { id: reservationId },
    data: { status: 'confirmed', confirmedAt: now, confirmedById: actor.staffId },
    select: acuteReservationSelect,
  });
  await auditOk(tx, caller, { ...AUDIT, resourceId: reservationId });
  return { reservation: acuteReservationView(confirmed, now), municipalityId: confirmed.offer.municipalityId };
}

function refusalError(refusal: Refusal): SamplanError {
  if (refusal === 'NOT_FOUND') return notFound('AcuteBedReservation');
  if (refusal === 'FORBIDDEN') return new SamplanError('FORBIDDEN', 'Only the doctor who reserved the bed, or the municipality whose bed it is, confirms it.');
  return new SamplanError('RESERVATION_NOT_ACTIVE', 'The reservation is no longer waiting: it was confirmed, released, or not confirmed in time.');
}
