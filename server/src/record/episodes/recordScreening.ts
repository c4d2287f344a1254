import { type recordScreeningRequestSchema, SamplanError, type ScreeningRecordView } from '@samplan/shared';
import type { z } from 'zod';
import { loadEpisodeRef, requireEpisodeAccess } from '../access.ts';
import { auditOk } from '../audit.ts';
import type { Caller, RecordContext } from '../context.ts';
import { recommendationsOf } from '../views.ts';

/** Clocks of the form's device and the server differ a little. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

export const screeningSelect = { id: true, score: true, screenedAt: true, recordedBy: { select: { id: true, name: true } } } as const;

/** The order of the history: by screening time, then (uuid v7 ids) by entry; the first is the latest. */
export function newestFirst<T extends { id: string; screenedAt: Date }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => b.screenedAt.getTime() - a.screenedAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}

export function screeningView(row: { id: string; score: number; screenedAt: Date; recordedBy: { id: string; name: string } }): ScreeningRecordView {
  return { id: row.id, score: row.score, screenedAt: row.screenedAt.toISOString(), recordedBy: row.recordedBy, recommendations: recommendationsOf(row.score) };
}

/**
 * POST /api/episodes/:episodeId/screenings — a score is kept as history
 * (ScreeningRecord) and the episode holds the latest by screening time, which
 * the recommendations and the scheduling defaults follow. A screening entered
 * late with an earlier time joins the history without replacing a later one.
 */
export async function recordScreening(ctx: RecordContext, caller: Caller, episodeId: string, input: z.output<typeof recordScreeningRequestSchema>): Promise<ScreeningRecordView> {
  const ref = await loadEpisodeRef(ctx.db, episodeId);
  const audit = { action: 'create', resourceType: 'ScreeningRecord' };
  const { episode } = await requireEpisodeAccess(ctx, caller, ref, { action: 'screening:record', audit });
  // screening:record is a hospital care-team right; guests never hold it.
  if (caller.principal.kind !== 'staff') throw new SamplanError('FORBIDDEN', 'Only staff record a screening.');
  const staffId = caller.principal.staffId;
  const now = ctx.now();
  const screenedAt = input.screenedAt === undefined ? now : new Date(input.screenedAt);
  if (screenedAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
    throw new SamplanError('BAD_REQUEST', 'A screening cannot be made in the future.', [{ path: 'screenedAt', message: 'must not be in the future' }]);
  }
  return ctx.db.$transaction(async (tx) => {
    const row = await tx.screeningRecord.create({ data: { episodeId, score: input.score, screenedAt, recordedById: staffId }, select: screeningSelect });
    const latest = await tx.screeningRecord.findFirstOrThrow({ where: { episodeId }, orderBy: [{ screenedAt: 'desc' }, { id: 'desc' }], select: { score: true } });
    await tx.episode.update({ where: { id: episodeId }, data: { screeningScore: latest.score } });
    await auditOk(tx, caller, { ...audit, resourceId: row.id, patientId: episode.patientId });
    return screeningView(row);
  });
}
