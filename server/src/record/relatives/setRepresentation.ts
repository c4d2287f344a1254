import type { RelativeView, setRepresentationRequestSchema } from '@samplan/shared';
import type { z } from 'zod';
import type { StaffPrincipal } from '../../auth/principal.ts';
import { loadEpisodeRef, notFound, requireEpisodeAccess } from '../access.ts';
import { auditDenied, auditOk } from '../audit.ts';
import type { Caller, RecordContext } from '../context.ts';

const relativeSelect = { id: true, patientId: true, name: true, relation: true, phone: true, email: true, representation: true } as const;

/**
 * PUT /api/episodes/:episodeId/relatives/:relativeId/representation — staff
 * record whether a relative represents the patient (guardian, power of
 * attorney), from the papers shown to them, or that she no longer does.
 * Audited with the change; it takes effect at her next request (an agreement
 * on the patient's behalf reads it at that moment).
 */
export async function setRepresentation(
  ctx: RecordContext,
  caller: Caller & { principal: StaffPrincipal },
  episodeId: string,
  relativeId: string,
  input: z.output<typeof setRepresentationRequestSchema>,
): Promise<RelativeView> {
  const ref = await loadEpisodeRef(ctx.db, episodeId);
  const audit = { action: 'set-representation', resourceType: 'Relative', resourceId: relativeId };
  const { episode } = await requireEpisodeAccess(ctx, caller, ref, { action: 'representation:record', audit });
  const existing = await ctx.db.relative.findUnique({ where: { id: relativeId }, select: { patientId: true } });
  // Another patient's relative is not reachable through this episode.
  if (existing === null || existing.patientId !== episode.patientId) {
    await auditDenied(ctx.db, caller, { ...audit, patientId: episode.patientId });
    throw notFound('Relative');
  }
  return ctx.db.$transaction(async (tx) => {
    const { patientId: _, ...relative } = await tx.relative.update({ where: { id: relativeId }, data: { representation: input.representation }, select: relativeSelect });
    await auditOk(tx, caller, { ...audit, patientId: episode.patientId });
    return relative;
  });
}
