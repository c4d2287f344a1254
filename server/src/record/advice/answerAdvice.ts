import { type AdviceRequestView, type answerAdviceRequestSchema, type isbarDraftSchema, SamplanError } from '@samplan/shared';
import type { z } from 'zod';
import type { Prisma } from '../../store/generated/client.ts';
import { episodeAccessSelect, episodeRefOf, notFound, requireEpisodeAccess } from '../access.ts';
import { auditDenied, auditOk } from '../audit.ts';
import type { Caller, RecordContext } from '../context.ts';
import { adviceSelect, adviceView } from './adviceView.ts';

async function takeable(ctx: RecordContext, caller: Caller, adviceRequestId: string, verb: string) {
  const row = await ctx.db.adviceRequest.findUnique({ where: { id: adviceRequestId }, select: { ...adviceSelect, episode: { select: { ...adviceSelect.episode.select, ...episodeAccessSelect } } } });
  const audit = { action: verb, resourceType: 'AdviceRequest', resourceId: adviceRequestId };
  // A request asked inside the window is finished by whoever took it, also after the window has closed:
  // for them the standing is judged as of the moment it was asked.
  const mine = row !== null && verb !== 'take' && caller.principal.kind === 'staff' && row.takenBy?.id === caller.principal.staffId;
  const asOf = mine ? { ...ctx, now: () => row.createdAt } : ctx;
  const { episode } = await requireEpisodeAccess(asOf, caller, row === null ? null : { ...episodeRefOf(row.episode), row }, { action: 'advice:take', audit });
  if (caller.principal.kind !== 'staff') throw new SamplanError('FORBIDDEN', 'Only the geriatric team answers advice requests.');
  return { row: episode.row, patientId: episode.patientId, audit, staffId: caller.principal.staffId };
}

async function updateAdvice(ctx: RecordContext, caller: Caller, id: string, data: Prisma.AdviceRequestUncheckedUpdateInput, audit: { action: string; resourceType: string; resourceId: string }, patientId: string) {
  const now = ctx.now();
  return ctx.db.$transaction(async (tx) => {
    const updated = await tx.adviceRequest.update({ where: { id }, data, select: adviceSelect });
    await auditOk(tx, caller, { ...audit, patientId });
    return adviceView(updated, now, false);
  });
}

/** POST /api/advice-requests/:adviceRequestId/take — one geriatrician takes it; a second is told who has it. */
export async function takeAdviceRequest(ctx: RecordContext, caller: Caller, adviceRequestId: string): Promise<AdviceRequestView> {
  const { row, patientId, audit, staffId } = await takeable(ctx, caller, adviceRequestId, 'take');
  if (row.answeredAt !== null) throw new SamplanError('CONFLICT', 'The request has been answered.');
  if (row.takenBy?.id === staffId) return adviceView(row, ctx.now(), false);
  // Taken only if still free: two geriatricians pressing at once cannot both have it.
  const { count } = await ctx.db.adviceRequest.updateMany({ where: { id: adviceRequestId, takenById: null }, data: { takenById: staffId, takenAt: ctx.now() } });
  if (count === 0) {
    // Read again: the row loaded above may predate the winner.
    const holder = await ctx.db.adviceRequest.findUnique({ where: { id: adviceRequestId }, select: { takenBy: { select: { name: true } } } });
    throw new SamplanError('CONFLICT', `${holder?.takenBy?.name ?? 'Another geriatrician'} has taken the request.`);
  }
  const taken = await updateAdvice(ctx, caller, adviceRequestId, {}, audit, patientId);
  await ctx.events.publish({ type: 'advice.changed', episodeId: row.episodeId, adviceRequestId });
  return taken;
}

function requireTakenByMe(row: { takenBy: { id: string } | null; answeredAt: Date | null }, staffId: string): void {
  if (row.answeredAt !== null) throw new SamplanError('CONFLICT', 'The request has been answered.');
  if (row.takenBy?.id !== staffId) throw new SamplanError('CONFLICT', 'Take the request before writing its note.');
}

/** PUT /api/advice-requests/:adviceRequestId/isbar — the note, saved while being written. */
export async function saveIsbarDraft(ctx: RecordContext, caller: Caller, adviceRequestId: string, note: z.output<typeof isbarDraftSchema>): Promise<AdviceRequestView> {
  const { row, patientId, staffId } = await takeable(ctx, caller, adviceRequestId, 'update');
  requireTakenByMe(row, staffId);
  return updateAdvice(
    ctx,
    caller,
    adviceRequestId,
    {
      isbarIdentify: note.identify,
      isbarSituation: note.situation,
      isbarBackground: note.background,
      isbarAssessment: note.assessment,
      isbarRecommendation: note.recommendation,
    },
    { action: 'update', resourceType: 'AdviceRequest', resourceId: adviceRequestId },
    patientId,
  );
}

/** POST /api/advice-requests/:adviceRequestId/answer — by phone, or in an advice call of the same episode. */
export async function answerAdviceRequest(ctx: RecordContext, caller: Caller, adviceRequestId: string, input: z.output<typeof answerAdviceRequestSchema>): Promise<AdviceRequestView> {
  const { row, patientId, audit, staffId } = await takeable(ctx, caller, adviceRequestId, 'answer');
  requireTakenByMe(row, staffId);
  if (input.channel === 'video') {
    const conference = await ctx.db.conference.findUnique({ where: { id: input.conferenceId }, select: { episodeId: true, kind: true } });
    if (conference === null || conference.episodeId !== row.episodeId || conference.kind !== 'advice_call') {
      await auditDenied(ctx.db, caller, { ...audit, patientId });
      throw notFound('Conference');
    }
    if (row.adviceConferenceId !== null && row.adviceConferenceId !== input.conferenceId) {
      throw new SamplanError('CONFLICT', 'The request was scheduled for another advice call.');
    }
  }
  const { isbar } = input;
  const answered = await updateAdvice(
    ctx,
    caller,
    adviceRequestId,
    {
      answeredAt: ctx.now(),
      answerChannel: input.channel,
      ...(input.channel === 'video' ? { adviceConferenceId: input.conferenceId } : {}),
      isbarIdentify: isbar.identify,
      isbarSituation: isbar.situation,
      isbarBackground: isbar.background,
      isbarAssessment: isbar.assessment,
      isbarRecommendation: isbar.recommendation,
    },
    audit,
    patientId,
  );
  await ctx.events.publish({ type: 'advice.changed', episodeId: row.episodeId, adviceRequestId });
  return answered;
}
