import { isOnAcuteTeam, mayRequestAcuteAssessment, SamplanError } from '@samplan/shared';
import type { StaffPrincipal } from '../../auth/principal.ts';
import { notFound } from '../access.ts';
import { auditDenied } from '../audit.ts';
import type { Caller, RecordContext } from '../context.ts';

type Audit = { action: string; resourceType: string; resourceId?: string; patientId?: string | null };

/** A GP or out-of-hours doctor (shared/src/domain/acuteAccess.ts); anyone else is refused, audited. */
export async function requireAcuteRequester(ctx: Pick<RecordContext, 'db'>, caller: Caller, audit: Audit): Promise<StaffPrincipal> {
  const { principal } = caller;
  if (principal.kind === 'staff' && mayRequestAcuteAssessment(principal)) return principal;
  await auditDenied(ctx.db, caller, { ...audit, patientId: audit.patientId ?? null });
  throw new SamplanError('FORBIDDEN', 'Only a GP or an out-of-hours doctor asks for an acute assessment.');
}

/** A member of the municipality's acute team; anyone else is refused, audited. */
export async function requireAcuteTeam(ctx: Pick<RecordContext, 'db'>, caller: Caller, teamId: string, audit: Audit): Promise<StaffPrincipal> {
  const { principal } = caller;
  if (principal.kind === 'staff' && isOnAcuteTeam(principal, teamId)) return principal;
  await auditDenied(ctx.db, caller, { ...audit, patientId: audit.patientId ?? null });
  throw new SamplanError('FORBIDDEN', "Only the municipality's acute team takes acute assessments.");
}

/**
 * Who may read one assessment: the doctor who asked, the team asked, and
 * whoever the episode's care team holds by name (pulled into the call). Others
 * learn nothing of it: NOT_FOUND, audited.
 */
export async function requireAcuteReader<T extends { teamId: string; requestedById: string; episode: { careTeamStaff: ReadonlyArray<{ staffUserId: string }> } }>(
  ctx: Pick<RecordContext, 'db'>,
  caller: Caller,
  row: T | null,
  audit: Audit,
): Promise<{ row: T; staff: StaffPrincipal }> {
  const { principal } = caller;
  if (row !== null && principal.kind === 'staff') {
    const named = row.requestedById === principal.staffId || row.episode.careTeamStaff.some(({ staffUserId }) => staffUserId === principal.staffId);
    if (named || isOnAcuteTeam(principal, row.teamId)) return { row, staff: principal };
  }
  await auditDenied(ctx.db, caller, { ...audit, patientId: audit.patientId ?? null });
  throw notFound('AcuteAssessment');
}
