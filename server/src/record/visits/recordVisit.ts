import { type RecordVisitRequest, refusedError, visitRefusal, type VisitView } from '@samplan/shared';
import type { StaffPrincipal } from '../../auth/principal.ts';
import { loadEpisodeRef, requireEpisodeAccess } from '../access.ts';
import { auditDenied, auditOk } from '../audit.ts';
import type { Caller, RecordContext } from '../context.ts';
import { writeTobs } from './recordTobs.ts';
import { visitSelect, visitView } from './visitView.ts';

/**
 * POST /api/episodes/:episodeId/visits — a reception visit, follow-up home
 * visit or day-after check, with its checklist and the TOBS measured at it.
 * After commit it publishes `visit.recorded`: the plan closes the matching task.
 */
export async function recordVisit(
  ctx: RecordContext,
  caller: Caller & { principal: StaffPrincipal },
  episodeId: string,
  input: RecordVisitRequest,
): Promise<VisitView> {
  const ref = await loadEpisodeRef(ctx.db, episodeId);
  const audit = { action: 'create', resourceType: 'Visit' };
  const { episode } = await requireEpisodeAccess(ctx, caller, ref, { action: 'visit:record', audit });
  const performedAt = new Date(input.performedAt);
  const refusal = visitRefusal(episode.access, performedAt, ctx.now());
  if (refusal !== null) {
    await auditDenied(ctx.db, caller, { ...audit, patientId: episode.patientId });
    throw refusedError(`The visit cannot be recorded for that time: ${refusal.code}.`, refusal);
  }
  const { staffId } = caller.principal;
  const visit = await ctx.db.$transaction(async (tx) => {
    const created = await tx.visit.create({
      data: {
        episodeId: episode.access.id,
        kind: input.kind,
        mode: input.mode,
        performedAt,
        performedBy: input.performedBy ?? null,
        recordedById: staffId,
        checklist: input.checklist,
        note: input.note ?? null,
      },
      select: { id: true },
    });
    await auditOk(tx, caller, { ...audit, resourceId: created.id, patientId: episode.patientId });
    if (input.tobs !== undefined) {
      const tobs = await writeTobs(tx, episode.access.id, input.tobs, { observedAt: performedAt, visitId: created.id }, staffId);
      await auditOk(tx, caller, { action: 'create', resourceType: 'TobsObservation', resourceId: tobs.id, patientId: episode.patientId });
    }
    return tx.visit.findUniqueOrThrow({ where: { id: created.id }, select: visitSelect });
  });
  await ctx.events.publish({ type: 'visit.recorded', episodeId: episode.access.id, visitId: visit.id, kind: visit.kind, performedAt, recordedByStaffId: staffId });
  return visitView(visit, episode.access.dischargedAt);
}

/** GET /api/episodes/:episodeId/visits — the visits after discharge, each kept or late against its clock. */
export async function listVisits(ctx: RecordContext, caller: Caller, episodeId: string): Promise<VisitView[]> {
  const ref = await loadEpisodeRef(ctx.db, episodeId);
  const audit = { action: 'read', resourceType: 'Visit' };
  const { episode } = await requireEpisodeAccess(ctx, caller, ref, { action: 'episode:read', audit });
  const rows = await ctx.db.visit.findMany({ where: { episodeId: episode.access.id }, select: visitSelect, orderBy: { performedAt: 'asc' } });
  await auditOk(ctx.db, caller, { ...audit, patientId: episode.patientId });
  return rows.map((row) => visitView(row, episode.access.dischargedAt));
}
