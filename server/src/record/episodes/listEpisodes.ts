import type { EpisodeListResponse, episodeListQuerySchema } from '@samplan/shared';
import type { z } from 'zod';
import type { StaffPrincipal } from '../../auth/principal.ts';
import { auditListed } from '../audit.ts';
import type { Caller, RecordContext } from '../context.ts';
import { episodeSummary } from './summary.ts';
import { visibleEpisodes } from './visibleEpisodes.ts';

/** GET /api/episodes — mine, with their clocks. */
export async function listEpisodes(
  ctx: RecordContext,
  caller: Caller & { principal: StaffPrincipal },
  query: z.output<typeof episodeListQuerySchema>,
): Promise<EpisodeListResponse> {
  const now = ctx.now();
  const visible = await visibleEpisodes(ctx.db, caller.principal, now, query.status === undefined ? {} : { status: query.status });
  await auditListed(ctx.db, caller, { action: 'read', resourceType: 'Episode' }, visible.map(({ row }) => ({ resourceId: row.id, patientId: row.patientId })));
  return { episodes: visible.map(({ row, ref }) => episodeSummary(row, ref, caller.principal, now)) };
}
