import type { AdviceRequestView, AdviceWindowView } from '@samplan/shared';
import { authorizePrincipal } from '../../auth/principal.ts';
import { loadEpisodeRef, requireEpisodeAccess } from '../access.ts';
import { auditOk } from '../audit.ts';
import type { Caller, RecordContext } from '../context.ts';
import { adviceWindowView } from '../views.ts';
import { adviceSelect, adviceView } from './adviceView.ts';

/**
 * GET /api/episodes/:episodeId/advice-requests — the care team sees them all;
 * a patient or relative (who may ask) sees them too, with the advice once given.
 */
export async function listEpisodeAdvice(
  ctx: RecordContext,
  caller: Caller,
  episodeId: string,
): Promise<{ adviceRequests: AdviceRequestView[]; adviceWindow: AdviceWindowView }> {
  const ref = await loadEpisodeRef(ctx.db, episodeId);
  const now = ctx.now();
  const mayRead = ref !== null && authorizePrincipal(caller.principal, 'episode:read', { episode: ref.access, now }).allowed;
  const audit = { action: 'read', resourceType: 'AdviceRequest' };
  const { episode } = await requireEpisodeAccess(ctx, caller, ref, { action: mayRead ? 'episode:read' : 'advice:request', audit });
  const rows = await ctx.db.adviceRequest.findMany({ where: { episodeId: episode.access.id }, select: adviceSelect, orderBy: { createdAt: 'asc' } });
  await auditOk(ctx.db, caller, { ...audit, patientId: episode.patientId });
  return {
    adviceRequests: rows.map((row) => adviceView(row, now, caller.principal.kind === 'participant')),
    adviceWindow: adviceWindowView(episode.access.dischargedAt, now),
  };
}
