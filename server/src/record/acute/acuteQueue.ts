import { type AcuteAssessmentView, type acuteQueueQuerySchema, type AcuteTeamView, SamplanError } from '@samplan/shared';
import type { z } from 'zod';
import type { Prisma } from '../../store/generated/client.ts';
import { auditDenied, auditListed } from '../audit.ts';
import type { Caller, RecordContext } from '../context.ts';
import { requireAcuteTeam } from './acuteAccess.ts';
import { acuteQueueOrder, acuteSelect, acuteTeamSelect, acuteTeamView, acuteView } from './acuteView.ts';

const STATE_FILTER: Record<z.output<typeof acuteQueueQuerySchema>['state'], Prisma.AcuteAssessmentWhereInput> = {
  open: { decidedAt: null, takenAt: null },
  taken: { decidedAt: null, takenAt: { not: null } },
  undecided: { decidedAt: null },
};

/**
 * GET /api/acute-assessments — the acute team's queue: its municipality's
 * undecided requests, oldest first, each with how long it has waited and the
 * promise made for it, and the team's hours.
 */
export async function acuteQueue(
  ctx: RecordContext,
  caller: Caller,
  query: z.output<typeof acuteQueueQuerySchema>,
): Promise<{ acuteAssessments: AcuteAssessmentView[]; team: AcuteTeamView }> {
  const audit = { action: 'read', resourceType: 'AcuteAssessment' };
  const { principal } = caller;
  if (principal.kind !== 'staff') {
    await auditDenied(ctx.db, caller, audit);
    throw new SamplanError('FORBIDDEN', "The acute queue is the acute team's.");
  }
  await requireAcuteTeam(ctx, caller, principal.organisationId, audit);
  const now = ctx.now();
  const team = await ctx.db.organisation.findUniqueOrThrow({ where: { id: principal.organisationId }, select: acuteTeamSelect });
  const rows = await ctx.db.acuteAssessment.findMany({
    where: { ...STATE_FILTER[query.state], teamId: principal.organisationId },
    select: { ...acuteSelect, patientId: true },
    orderBy: { createdAt: 'asc' },
    take: 200,
  });
  rows.sort(acuteQueueOrder);
  await auditListed(ctx.db, caller, audit, rows.map((row) => ({ resourceId: row.id, patientId: row.patientId })));
  return { acuteAssessments: rows.map((row) => acuteView(row, now)), team: acuteTeamView(team, now) };
}
