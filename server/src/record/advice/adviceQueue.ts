import { ADVICE_WINDOW_DAYS, addCalendarDays, type AdviceRequestView, type adviceQueueQuerySchema, SamplanError } from '@samplan/shared';
import type { z } from 'zod';
import { authorizePrincipal } from '../../auth/principal.ts';
import type { Prisma } from '../../store/generated/client.ts';
import { episodeAccessSelect, episodeRefOf } from '../access.ts';
import { auditDenied, auditListed } from '../audit.ts';
import type { Caller, RecordContext } from '../context.ts';
import { adviceSelect, adviceView, queueOrder } from './adviceView.ts';

const STATE_FILTER: Record<z.output<typeof adviceQueueQuerySchema>['state'], Prisma.AdviceRequestWhereInput> = {
  open: { answeredAt: null, takenAt: null },
  taken: { answeredAt: null, takenAt: { not: null } },
  unanswered: { answeredAt: null },
};

/** GET /api/advice-requests — the geriatric team's queue, with the time left of each window. */
export async function adviceQueue(ctx: RecordContext, caller: Caller, query: z.output<typeof adviceQueueQuerySchema>): Promise<AdviceRequestView[]> {
  const { principal } = caller;
  if (principal.kind !== 'staff' || principal.actor.kind !== 'geriatric_team') {
    await auditDenied(ctx.db, caller, { action: 'read', resourceType: 'AdviceRequest' });
    throw new SamplanError('FORBIDDEN', 'The advice queue is the geriatric team\'s.');
  }
  const now = ctx.now();
  const rows = await ctx.db.adviceRequest.findMany({
    where: { ...STATE_FILTER[query.state], episode: { dischargedAt: { gte: addCalendarDays(now, -(ADVICE_WINDOW_DAYS + 1)), lte: now } } },
    select: { ...adviceSelect, episode: { select: { ...adviceSelect.episode.select, ...episodeAccessSelect } } },
    take: 500,
  });
  const mine = rows.filter((row) => authorizePrincipal(principal, 'advice:take', { episode: episodeRefOf(row.episode).access, now }).allowed).sort(queueOrder);
  await auditListed(ctx.db, caller, { action: 'read', resourceType: 'AdviceRequest' }, mine.map((row) => ({ resourceId: row.id, patientId: row.episode.patientId })));
  return mine.map((row) => adviceView(row, now, false));
}
