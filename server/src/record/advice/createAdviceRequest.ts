import { adviceRefusalAt, type AdviceRequestView, type createAdviceRequestSchema, refusedError } from '@samplan/shared';
import type { z } from 'zod';
import type { Principal } from '../../auth/principal.ts';
import type { AdviceRequester } from '../../store/generated/enums.ts';
import { loadEpisodeRef, requireEpisodeAccess } from '../access.ts';
import { auditDenied, auditOk } from '../audit.ts';
import type { Caller, RecordContext } from '../context.ts';
import { adviceSelect, adviceView } from './adviceView.ts';

/** Who is asking, as the advice line records it; advice:request is only granted to these. */
function requesterOf(principal: Principal): AdviceRequester {
  if (principal.kind === 'participant') return principal.role === 'patient' ? 'patient' : 'relative';
  return principal.sector === 'general_practice' ? 'gp' : 'municipality';
}

/**
 * POST /api/episodes/:episodeId/advice-requests — the 7-day geriatric advice
 * line. Outside the window the answer is REFUSED with when it closed (or that
 * the patient is still admitted) and where to turn instead.
 */
export async function createAdviceRequest(
  ctx: RecordContext,
  caller: Caller,
  episodeId: string,
  input: z.output<typeof createAdviceRequestSchema>,
): Promise<AdviceRequestView> {
  const ref = await loadEpisodeRef(ctx.db, episodeId);
  const audit = { action: 'create', resourceType: 'AdviceRequest' };
  const { episode } = await requireEpisodeAccess(ctx, caller, ref, { action: 'advice:request', audit });
  const now = ctx.now();
  const refusal = adviceRefusalAt(episode.access.dischargedAt, now);
  if (refusal !== null) {
    await auditDenied(ctx.db, caller, { ...audit, patientId: episode.patientId });
    throw refusedError('The geriatric advice line is open for seven days after discharge.', refusal);
  }
  const view = await ctx.db.$transaction(async (tx) => {
    const created = await tx.adviceRequest.create({
      data: {
        episodeId: episode.access.id,
        requestedBy: requesterOf(caller.principal),
        requesterName: input.requesterName ?? caller.principal.name,
        requesterContact: input.requesterContact ?? null,
        channel: input.channel,
        question: input.question,
        urgency: input.urgency,
        createdAt: now,
        requesterParticipantId: caller.principal.kind === 'participant' ? caller.principal.participantId : null,
      },
      select: adviceSelect,
    });
    await auditOk(tx, caller, { ...audit, resourceId: created.id, patientId: episode.patientId });
    return adviceView(created, now, caller.principal.kind === 'participant');
  });
  await ctx.events.publish({ type: 'advice.changed', episodeId: episode.access.id, adviceRequestId: view.id });
  return view;
}
