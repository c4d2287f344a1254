import { type ConsentView, type recordConsentRequestSchema, SamplanError } from '@samplan/shared';
import type { z } from 'zod';
import { loadEpisodeRef, notFound, requireEpisodeAccess } from '../access.ts';
import { auditDenied, auditOk } from '../audit.ts';
import type { Caller, RecordContext } from '../context.ts';
import { consentSelect, consentView } from './consentView.ts';

function staffIdOf(caller: Caller): string {
  // consent:record is a hospital care-team right; guests never hold it.
  if (caller.principal.kind !== 'staff') throw new SamplanError('FORBIDDEN', 'Only staff record consent.');
  return caller.principal.staffId;
}

/** POST /api/episodes/:episodeId/consents */
export async function recordConsent(ctx: RecordContext, caller: Caller, episodeId: string, input: z.output<typeof recordConsentRequestSchema>): Promise<ConsentView> {
  const ref = await loadEpisodeRef(ctx.db, episodeId);
  const audit = { action: 'create', resourceType: 'Consent' };
  const { episode } = await requireEpisodeAccess(ctx, caller, ref, { action: 'consent:record', audit });
  const staffId = staffIdOf(caller);
  return ctx.db.$transaction(async (tx) => {
    const consent = await tx.consent.create({
      data: {
        patientId: episode.patientId,
        episodeId: input.lasts === 'this_episode' ? episode.access.id : null,
        scope: input.scope,
        recordedById: staffId,
        recordedAt: ctx.now(),
      },
      select: consentSelect,
    });
    await auditOk(tx, caller, { ...audit, resourceId: consent.id, patientId: episode.patientId });
    return consentView(consent);
  });
}

/** POST /api/episodes/:episodeId/consents/:consentId/withdraw — the row stays as evidence. */
export async function withdrawConsent(ctx: RecordContext, caller: Caller, episodeId: string, consentId: string): Promise<ConsentView> {
  const ref = await loadEpisodeRef(ctx.db, episodeId);
  const audit = { action: 'withdraw', resourceType: 'Consent', resourceId: consentId };
  const { episode } = await requireEpisodeAccess(ctx, caller, ref, { action: 'consent:record', audit });
  const staffId = staffIdOf(caller);
  const existing = await ctx.db.consent.findUnique({ where: { id: consentId }, select: { patientId: true, episodeId: true, withdrawnAt: true } });
  // A consent of another patient (or another episode) is not reachable through this one.
  if (existing === null || existing.patientId !== episode.patientId || (existing.episodeId !== null && existing.episodeId !== episode.access.id)) {
    await auditDenied(ctx.db, caller, { ...audit, patientId: episode.patientId });
    throw notFound('Consent');
  }
  if (existing.withdrawnAt !== null) throw new SamplanError('CONFLICT', 'The consent was withdrawn already.');
  return ctx.db.$transaction(async (tx) => {
    const consent = await tx.consent.update({ where: { id: consentId }, data: { withdrawnAt: ctx.now(), withdrawnById: staffId }, select: consentSelect });
    await auditOk(tx, caller, { ...audit, patientId: episode.patientId });
    return consentView(consent);
  });
}

/** GET /api/episodes/:episodeId/consents */
export async function listConsents(ctx: RecordContext, caller: Caller, episodeId: string): Promise<ConsentView[]> {
  const ref = await loadEpisodeRef(ctx.db, episodeId);
  const audit = { action: 'read', resourceType: 'Consent' };
  const { episode } = await requireEpisodeAccess(ctx, caller, ref, { action: 'episode:read', audit });
  const rows = await ctx.db.consent.findMany({
    where: { patientId: episode.patientId, OR: [{ episodeId: episode.access.id }, { episodeId: null }] },
    select: consentSelect,
    orderBy: { recordedAt: 'asc' },
  });
  await auditOk(ctx.db, caller, { ...audit, patientId: episode.patientId });
  return rows.map(consentView);
}
