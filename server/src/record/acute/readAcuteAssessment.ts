import type { AcuteAssessmentView } from '@samplan/shared';
import type { StaffPrincipal } from '../../auth/principal.ts';
import type { Prisma } from '../../store/generated/client.ts';
import { auditOk } from '../audit.ts';
import type { Caller, RecordContext } from '../context.ts';
import { requireAcuteReader } from './acuteAccess.ts';
import { acuteSelect, acuteView } from './acuteView.ts';

export const acuteAccessSelect = {
  ...acuteSelect,
  patientId: true,
  teamId: true,
  requestedById: true,
  episode: { select: { careTeamStaff: { select: { staffUserId: true } } } },
} as const satisfies Prisma.AcuteAssessmentSelect;
export type AcuteAccessRow = Prisma.AcuteAssessmentGetPayload<{ select: typeof acuteAccessSelect }>;

export interface LoadedAcute {
  readonly row: AcuteAccessRow;
  readonly staff: StaffPrincipal;
  readonly audit: { readonly action: string; readonly resourceType: string; readonly resourceId: string };
}

/** One assessment, for a reader who may see it (the doctor who asked, the team, those named in the care team); refusals audited. */
export async function loadAcuteFor(ctx: RecordContext, caller: Caller, acuteAssessmentId: string, action: string): Promise<LoadedAcute> {
  const found = await ctx.db.acuteAssessment.findUnique({ where: { id: acuteAssessmentId }, select: acuteAccessSelect });
  const audit = { action, resourceType: 'AcuteAssessment', resourceId: acuteAssessmentId };
  const { row, staff } = await requireAcuteReader(ctx, caller, found, { ...audit, patientId: found?.patientId ?? null });
  return { row, staff, audit };
}

/** GET /api/acute-assessments/:acuteAssessmentId — the doctor's, the team's and the call's screen. */
export async function readAcuteAssessment(ctx: RecordContext, caller: Caller, acuteAssessmentId: string): Promise<AcuteAssessmentView> {
  const { row, audit } = await loadAcuteFor(ctx, caller, acuteAssessmentId, 'read');
  await auditOk(ctx.db, caller, { ...audit, patientId: row.patientId });
  return acuteView(row, ctx.now());
}

/** Read again after a write, for its answer. */
export async function acuteViewById(ctx: RecordContext, acuteAssessmentId: string): Promise<AcuteAssessmentView> {
  const row = await ctx.db.acuteAssessment.findUniqueOrThrow({ where: { id: acuteAssessmentId }, select: acuteSelect });
  return acuteView(row, ctx.now());
}
