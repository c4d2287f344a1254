import { type AcuteOfferInput, keepsAcuteOffers, SamplanError } from '@samplan/shared';
import { notFound } from '../access.ts';
import { auditDenied, auditOk } from '../audit.ts';
import type { Caller, RecordContext } from '../context.ts';
import { acuteBedActorOf } from './acuteBedAccess.ts';
import { countHeld, lockOffer } from './lockRows.ts';

const NOT_OWN = 'Only the municipality’s own staff keep its acute offers.';

/** POST /api/acute-beds/offers — a new acute offer of the caller's own municipality. */
export async function createAcuteOffer(ctx: RecordContext, caller: Caller, input: AcuteOfferInput): Promise<{ id: string }> {
  const audit = { action: 'create', resourceType: 'AcuteOffer' } as const;
  const actor = await acuteBedActorOf(ctx.db, caller);
  if (actor === null || !keepsAcuteOffers(actor, actor.organisationId)) {
    await auditDenied(ctx.db, caller, audit);
    throw new SamplanError('FORBIDDEN', NOT_OWN);
  }
  const created = await ctx.db.$transaction(async (tx) => {
    const row = await tx.acuteOffer.create({ data: { ...input, municipalityId: actor.organisationId, updatedById: actor.staffId }, select: { id: true } });
    await auditOk(tx, caller, { ...audit, resourceId: row.id });
    return row;
  });
  await ctx.events.publish({ type: 'acuteBeds.changed', municipalityId: actor.organisationId });
  return created;
}

/**
 * PUT /api/acute-beds/offers/:offerId — its beds and competences, by its
 * municipality's own staff. The offer is locked like a reservation locks it,
 * so a total is never set below the beds held at that moment (BEDS_IN_USE).
 */
export async function updateAcuteOffer(ctx: RecordContext, caller: Caller, offerId: string, input: AcuteOfferInput): Promise<{ id: string }> {
  const audit = { action: 'update', resourceType: 'AcuteOffer', resourceId: offerId } as const;
  const now = ctx.now();
  const outcome = await ctx.db.$transaction(async (tx) => {
    const actor = await acuteBedActorOf(tx, caller);
    const offer = await lockOffer(tx, offerId);
    if (offer === null) return 'NOT_FOUND' as const;
    if (actor === null || !keepsAcuteOffers(actor, offer.municipalityId)) return 'FORBIDDEN' as const;
    const held = await countHeld(tx, offerId, now);
    if (input.bedsTotal < held) return { held };
    await tx.acuteOffer.update({ where: { id: offerId }, data: { ...input, updatedById: actor.staffId } });
    await auditOk(tx, caller, audit);
    return { municipalityId: offer.municipalityId };
  });
  if (outcome === 'NOT_FOUND' || outcome === 'FORBIDDEN' || 'held' in outcome) {
    await auditDenied(ctx.db, caller, audit);
    if (outcome === 'NOT_FOUND') throw notFound('AcuteOffer');
    if (outcome === 'FORBIDDEN') throw new SamplanError('FORBIDDEN', NOT_OWN);
    throw new SamplanError('BEDS_IN_USE', `${outcome.held} beds are reserved or occupied now; the offer cannot have fewer.`);
  }
  await ctx.events.publish({ type: 'acuteBeds.changed', municipalityId: outcome.municipalityId });
  return { id: offerId };
}
