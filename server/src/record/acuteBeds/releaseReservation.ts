import { type AcuteReleaseRequest, type AcuteReservationView, holdsBed, mayReleaseAcuteHold, SamplanError } from '@samplan/shared';
import { notFound } from '../access.ts';
import { auditDenied, auditOk } from '../audit.ts';
import type { Caller, RecordContext } from '../context.ts';
import { acuteBedActorOf } from './acuteBedAccess.ts';
import { acuteReservationSelect, acuteReservationView } from './acuteBedView.ts';
import { lockReservation } from './lockRows.ts';

const AUDIT = { action: 'release', resourceType: 'AcuteBedReservation' } as const;

/**
 * POST /api/acute-beds/reservations/:reservationId/release — the bed is free
 * again. A reservation is given up (`cancelled`) by its doctor or the
 * municipality; an occupied bed is freed (`left`: the patient left) only by
 * the municipality's own staff. The reason must fit what the bed is now.
 */
export async function releaseReservation(ctx: RecordContext, caller: Caller, reservationId: string, input: AcuteReleaseRequest): Promise<AcuteReservationView> {
  const now = ctx.now();
  const outcome = await ctx.db.$transaction(async (tx) => {
    const actor = await acuteBedActorOf(tx, caller);
    if (actor === null || !(await lockReservation(tx, reservationId))) return 'NOT_FOUND' as const;
    const row = await tx.acuteBedReservation.findUniqueOrThrow({ where: { id: reservationId }, select: acuteReservationSelect });
    if (!holdsBed(row, now)) return 'RESERVATION_NOT_ACTIVE' as const;
    const status = row.status === 'confirmed' ? 'confirmed' : 'reserved';
    if (!mayReleaseAcuteHold(actor, { status, reservedById: row.reservedById, municipalityId: row.offer.municipalityId })) return 'FORBIDDEN' as const;
    if ((status === 'confirmed') !== (input.reason === 'left')) return 'WRONG_REASON' as const;
    const released = await tx.acuteBedReservation.update({
      where: { id: reservationId },
      data: { status: 'released', releasedAt: now, releasedById: actor.staffId, releaseReason: input.reason },
      select: acuteReservationSelect,
    });
    await auditOk(tx, caller, { ...AUDIT, resourceId: reservationId });
    return released;
  });
  if (typeof outcome === 'string') {
    await auditDenied(ctx.db, caller, { ...AUDIT, resourceId: reservationId });
    if (outcome === 'NOT_FOUND') throw notFound('AcuteBedReservation');
    if (outcome === 'FORBIDDEN') throw new SamplanError('FORBIDDEN', 'A reservation is given up by its doctor or the municipality; an occupied bed is freed by the municipality.');
    if (outcome === 'WRONG_REASON') throw new SamplanError('BAD_REQUEST', "A reservation is released as 'cancelled', an occupied bed as 'left'.");
    throw new SamplanError('RESERVATION_NOT_ACTIVE', 'The bed is not held by this reservation any more.');
  }
  await ctx.events.publish({ type: 'acuteBeds.changed', municipalityId: outcome.offer.municipalityId });
  return acuteReservationView(outcome, now);
}
