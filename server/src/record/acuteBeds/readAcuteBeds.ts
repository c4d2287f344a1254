import {
  type AcuteBedHold,
  type AcuteBedsOverview,
  type AcuteCompetence,
  acuteCompetenceSchema,
  type AcuteOfferView,
  keepsAcuteOffers,
  mayConfirmAcuteHold,
  mayReleaseAcuteHold,
  mayReserveAcuteBed,
} from '@samplan/shared';
import { auditOk } from '../audit.ts';
import type { Caller, RecordContext } from '../context.ts';
import { type AcuteBedSettings, requireAcuteBedViewer } from './acuteBedAccess.ts';

/**
 * GET /api/acute-beds — every municipality's acute offers with beds total,
 * occupied, reserved and free as the record's clock says now, and what each
 * acute team can do. No patient data: a held bed says only who holds it and
 * until when, and what the asker may do with it.
 */
export async function readAcuteBeds(ctx: RecordContext & { acuteBeds: AcuteBedSettings }, caller: Caller): Promise<AcuteBedsOverview> {
  const audit = { action: 'read', resourceType: 'AcuteBeds' } as const;
  const actor = await requireAcuteBedViewer(ctx.db, caller, audit);
  const now = ctx.now();
  const offers = await ctx.db.acuteOffer.findMany({
    orderBy: [{ municipality: { name: 'asc' } }, { name: 'asc' }],
    select: {
      id: true,
      municipalityId: true,
      municipality: { select: { name: true } },
      name: true,
      bedsTotal: true,
      competences: true,
      otherCompetences: true,
      updatedAt: true,
      reservations: {
        where: { OR: [{ status: 'confirmed' }, { status: 'reserved', expiresAt: { gt: now } }] },
        orderBy: { reservedAt: 'asc' },
        select: { id: true, status: true, reservedAt: true, expiresAt: true, confirmedAt: true, reservedById: true, reservedBy: { select: { name: true } } },
      },
    },
  });
  await auditOk(ctx.db, caller, audit);
  const municipalities = new Map<string, AcuteBedsOverview['municipalities'][number]>();
  for (const offer of offers) {
    const holds: AcuteBedHold[] = offer.reservations.map((row) => {
      const hold = { status: row.status === 'confirmed' ? ('confirmed' as const) : ('reserved' as const), reservedById: row.reservedById, municipalityId: offer.municipalityId };
      return {
        reservationId: row.id,
        status: hold.status,
        reservedAt: row.reservedAt.toISOString(),
        expiresAt: row.expiresAt.toISOString(),
        confirmedAt: row.confirmedAt?.toISOString() ?? null,
        reservedByName: row.reservedBy.name,
        mine: row.reservedById === actor.staffId,
        mayConfirm: mayConfirmAcuteHold(actor, hold),
        mayRelease: mayReleaseAcuteHold(actor, hold),
      };
    });
    const occupied = holds.filter((hold) => hold.status === 'confirmed').length;
    const reserved = holds.length - occupied;
    const view: AcuteOfferView = {
      id: offer.id,
      municipalityId: offer.municipalityId,
      name: offer.name,
      bedsTotal: offer.bedsTotal,
      occupied,
      reserved,
      free: Math.max(0, offer.bedsTotal - occupied - reserved),
      competences: offer.competences.filter((code): code is AcuteCompetence => acuteCompetenceSchema.safeParse(code).success),
      otherCompetences: offer.otherCompetences,
      updatedAt: offer.updatedAt.toISOString(),
      holds,
    };
    const municipality = municipalities.get(offer.municipalityId) ?? {
      id: offer.municipalityId,
      name: offer.municipality.name,
      bedsTotal: 0,
      occupied: 0,
      reserved: 0,
      free: 0,
      own: keepsAcuteOffers(actor, offer.municipalityId),
      offers: [],
    };
    municipality.bedsTotal += view.bedsTotal;
    municipality.occupied += view.occupied;
    municipality.reserved += view.reserved;
    municipality.free += view.free;
    municipality.offers.push(view);
    municipalities.set(offer.municipalityId, municipality);
  }
  // A municipality's own staff see it even before it has an offer, to add the first.
  const { principal } = caller;
  if (principal.kind === 'staff' && actor.sector === 'municipality' && !municipalities.has(actor.organisationId)) {
    municipalities.set(actor.organisationId, { id: actor.organisationId, name: principal.organisationName, bedsTotal: 0, occupied: 0, reserved: 0, free: 0, own: true, offers: [] });
  }
  return { municipalities: [...municipalities.values()], mayReserve: mayReserveAcuteBed(actor), reservationMinutes: Math.round(ctx.acuteBeds.reservationMs / 60_000) };
}
