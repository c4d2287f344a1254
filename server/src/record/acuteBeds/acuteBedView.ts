import type { AcuteReservationView } from '@samplan/shared';

export const acuteReservationSelect = {
  id: true,
  offerId: true,
  status: true,
  reservedById: true,
  reservedAt: true,
  expiresAt: true,
  confirmedAt: true,
  releasedAt: true,
  releaseReason: true,
  offer: { select: { name: true, municipalityId: true, municipality: { select: { name: true } } } },
} as const;

export interface AcuteReservationRow {
  id: string;
  offerId: string;
  status: 'reserved' | 'confirmed' | 'released';
  reservedById: string;
  reservedAt: Date;
  expiresAt: Date;
  confirmedAt: Date | null;
  releasedAt: Date | null;
  releaseReason: 'cancelled' | 'expired' | 'left' | null;
  offer: { name: string; municipalityId: string; municipality: { name: string } };
}

/**
 * A reservation still `reserved` past its time is shown released (expired)
 * even before the sweep has written so: the record's clock decides, not the sweep.
 */
export function acuteReservationView(row: AcuteReservationRow, now: Date): AcuteReservationView {
  const lapsed = row.status === 'reserved' && row.expiresAt <= now;
  return {
    id: row.id,
    offerId: row.offerId,
    offerName: row.offer.name,
    municipalityId: row.offer.municipalityId,
    municipalityName: row.offer.municipality.name,
    status: lapsed ? 'released' : row.status,
    reservedAt: row.reservedAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    confirmedAt: row.confirmedAt?.toISOString() ?? null,
    releasedAt: lapsed ? row.expiresAt.toISOString() : (row.releasedAt?.toISOString() ?? null),
    releaseReason: lapsed ? 'expired' : row.releaseReason,
  };
}
