import type { DbTransaction } from '../../store/database.ts';

/**
 * Row locks that make the bed count a queue: every write that changes how
 * many beds an offer holds (reserve, a new total) locks the offer's row
 * first, so two doctors reserving its last bed at once are taken one after
 * the other and the second counts the first one's reservation. The same SQL
 * runs on PostgreSQL and PGlite (where transactions run one at a time anyway).
 */
export async function lockOffer(tx: DbTransaction, offerId: string): Promise<{ id: string; municipalityId: string; bedsTotal: number } | null> {
  const rows = await tx.$queryRaw<Array<{ id: string; municipalityId: string; bedsTotal: number }>>`
    SELECT "id"::text AS "id", "municipalityId"::text AS "municipalityId", "bedsTotal"
      FROM "AcuteOffer" WHERE "id" = ${offerId}::uuid FOR UPDATE`;
  return rows[0] ?? null;
}

/** Locks one reservation, so confirming, releasing and the expiry sweep never act on it at once. */
export async function lockReservation(tx: DbTransaction, reservationId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<Array<{ id: string }>>`
    SELECT "id"::text AS "id" FROM "AcuteBedReservation" WHERE "id" = ${reservationId}::uuid FOR UPDATE`;
  return rows.length === 1;
}

/** How many beds of the offer are held at `now`: confirmed, or reserved and not yet expired. */
export function countHeld(tx: DbTransaction, offerId: string, now: Date): Promise<number> {
  return tx.acuteBedReservation.count({ where: { offerId, OR: [{ status: 'confirmed' }, { status: 'reserved', expiresAt: { gt: now } }] } });
}
