import type { DomainEventPublisher } from '../../events/domainEvents.ts';
import { recordAudit } from '../../store/auditLog.ts';
import type { Db } from '../../store/database.ts';
import type { Clock } from '../clock.ts';

const BATCH = 50;

/**
 * Writes down what the record's clock has already decided: reservations
 * still `reserved` past their time are released (`expired`), audited as
 * Samplan itself, and the overview is told. Rows are taken with
 * UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP LOCKED) RETURNING, so two
 * nodes sweeping at once never release (or audit) one row twice, and a row
 * being confirmed this moment is left to that confirmation.
 */
export async function releaseExpiredReservations(ctx: { db: Db; now: Clock; events: DomainEventPublisher }): Promise<number> {
  const now = ctx.now();
  const released = await ctx.db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<Array<{ id: string; municipalityId: string }>>`
      UPDATE "AcuteBedReservation" AS r
         SET "status" = 'released', "releasedAt" = r."expiresAt", "releaseReason" = 'expired'
        FROM "AcuteOffer" AS o
       WHERE o."id" = r."offerId"
         AND r."id" IN (
           SELECT "id" FROM "AcuteBedReservation"
            WHERE "status" = 'reserved' AND "expiresAt" <= ${now}
            ORDER BY "expiresAt"
            LIMIT ${BATCH}
            FOR UPDATE SKIP LOCKED)
      RETURNING r."id"::text AS "id", o."municipalityId"::text AS "municipalityId"`;
    for (const row of rows) {
      await recordAudit(tx, { actor: { kind: 'system' }, action: 'expire', resourceType: 'AcuteBedReservation', resourceId: row.id, via: 'acute bed expiry', outcome: 'ok' });
    }
    return rows;
  });
  for (const municipalityId of new Set(released.map((row) => row.municipalityId))) {
    await ctx.events.publish({ type: 'acuteBeds.changed', municipalityId });
  }
  return released.length;
}
