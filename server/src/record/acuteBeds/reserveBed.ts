import { type AcuteReservationView, SamplanError } from '@samplan/shared';
import { auditDenied, auditOk } from '../audit.ts';
import { notFound } from '../access.ts';
import type { Caller, RecordContext } from '../context.ts';
import { type AcuteBedSettings, requireAcuteBedDoctor } from './acuteBedAccess.ts';
import { acuteReservationSelect, acuteReservationView } from './acuteBedView.ts';
import { countHeld, lockOffer } from './lockRows.ts';

const AUDIT = { action: 'reserve', resourceType: 'AcuteBedReservation' } as const;

/**
 * POST /api/acute-beds/offers/:offerId/reservations — a doctor holds one bed
 * of the offer for ACUTE_RESERVATION_MINUTES, until confirmed or released.
 * The offer's row is locked while the beds are counted, so of two doctors
 * taking the last bed at once exactly one gets it; the other is told
 * NO_FREE_BED at once. The reservation names no patient.
 */
export async function reserveBed(
  ctx: RecordContext & { acuteBeds: AcuteBedSettings },
  caller: Caller,
  offerId: string,
): Promise<AcuteReservationView> {
  const doctor = await requireAcuteBedDoctor(ctx.db, caller, { ...AUDIT, resourceId: offerId });
  const now = ctx.now();
  const outcome = await ctx.db.$transaction(async (tx) => {
    const offer = await lockOffer(tx, offerId);
    if (offer === null) return { refused: 'NOT_FOUND' as const };
    if ((await countHeld(tx, offerId, now)) >= offer.bedsTotal) return { refused: 'NO_FREE_BED' as const };
    const row = await tx.acuteBedReservation.create({
      data: { offerId, reservedById: doctor.staffId, reservedAt: now, expiresAt: new Date(now.getTime() + ctx.acuteBeds.reservationMs) },
      select: acuteReservationSelect,
    });
    await auditOk(tx, caller, { ...AUDIT, resourceId: row.id });
    return { row };
  });
  if ('refused' in outcome) {
    await auditDenied(ctx.db, caller, { ...AUDIT, resourceId: offerId });
    if (outcome.refused === 'NOT_FOUND') throw notFound('AcuteOffer');
    throw new SamplanError('NO_FREE_BED', 'Every bed of this acute offer is reserved or occupied.');
  }
  await ctx.events.publish({ type: 'acuteBeds.changed', municipalityId: outcome.row.offer.municipalityId });
  return acuteReservationView(outcome.row, now);
}
