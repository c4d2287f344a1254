import { type Action, allowedActions, type Decision, type EpisodeAccess, mayAdmit, mayReadIndicators, PERMISSIONS, SamplanError } from '@samplan/shared';
import { actorsOf, authorizePrincipal, type Principal, type StaffPrincipal } from '../auth/principal.ts';
import type { DbClient } from '../store/database.ts';
import { auditDenied } from './audit.ts';
import type { Caller, RecordContext } from './context.ts';

export interface EpisodeRef {
  readonly access: EpisodeAccess;
  readonly patientId: string;
}

/** What the rules need of an episode: its times and its care team (organisations and named staff). */
export const episodeAccessSelect = {
  id: true,
  patientId: true,
  admittedAt: true,
  dischargedAt: true,
  careTeamOrganisations: { select: { organisationId: true } },
  careTeamStaff: { select: { staffUserId: true } },
} as const;

type EpisodeAccessRow = {
  id: string;
  patientId: string;
  admittedAt: Date;
  dischargedAt: Date | null;
  careTeamOrganisations: ReadonlyArray<{ organisationId: string }>;
  careTeamStaff: ReadonlyArray<{ staffUserId: string }>;
};

export function episodeRefOf(row: EpisodeAccessRow): EpisodeRef {
  return {
    patientId: row.patientId,
    access: {
      id: row.id,
      admittedAt: row.admittedAt,
      dischargedAt: row.dischargedAt,
      careTeam: row.careTeamOrganisations.map((member) => member.organisationId),
      careTeamStaff: row.careTeamStaff.map((member) => member.staffUserId),
    },
  };
}

export async function loadEpisodeRef(db: DbClient, episodeId: string): Promise<EpisodeRef | null> {
  const row = await db.episode.findUnique({ where: { id: episodeId }, select: episodeAccessSelect });
  return row === null ? null : episodeRefOf(row);
}

/** Everything the principal may do in the episode now (union over their actors). */
export function allowedFor(principal: Principal, episode: EpisodeAccess, now: Date, conferenceId?: string): Action[] {
  const target = { episode, now, ...(conferenceId === undefined ? {} : { conferenceId }) };
  const allowed = new Set(actorsOf(principal).flatMap((actor) => allowedActions(actor, target)));
  return [...allowed];
}

export interface AccessCheck {
  readonly action: Action;
  /** The audit verb and resource if refused. */
  readonly audit: { readonly action: string; readonly resourceType: string; readonly resourceId?: string };
  /** Set when the request concerns one conference: a link reaches only its own. */
  readonly conferenceId?: string;
}

/**
 * The one check in front of every record read and write. A refusal is
 * audited, then answered NOT_FOUND when the person has no standing in the
 * episode at all (that it exists is not theirs to learn), FORBIDDEN when they
 * have one but not this right.
 */
export async function requireEpisodeAccess<T extends EpisodeRef>(
  ctx: Pick<RecordContext, 'db' | 'now'>,
  caller: Caller,
  episode: T | null,
  check: AccessCheck,
): Promise<{ episode: T; decision: Decision }> {
  const decision =
    episode === null
      ? null
      : authorizePrincipal(caller.principal, check.action, {
          episode: episode.access,
          now: ctx.now(),
          ...(check.conferenceId === undefined ? {} : { conferenceId: check.conferenceId }),
        });
  if (episode !== null && decision?.allowed) return { episode, decision };
  await auditDenied(ctx.db, caller, { ...check.audit, patientId: episode?.patientId ?? null });
  if (decision === null || decision.standing === 'none') throw notFound(check.audit.resourceType);
  // What she could do as the patient's representative: say why it is refused, so she knows whom to ask.
  if (decision.standing === 'relative' && PERMISSIONS.representative.includes(check.action)) {
    throw new SamplanError('NOT_REPRESENTATIVE', `Only a relative the record names the patient's representative may: ${check.action}.`);
  }
  throw new SamplanError('FORBIDDEN', `Not allowed: ${check.action}.`);
}

export function notFound(resourceType: string): SamplanError {
  return new SamplanError('NOT_FOUND', `No such ${resourceType.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()}.`);
}

/**
 * The check in front of intake (CPR look-up, admission), which concerns no
 * episode yet: hospital staff only (shared/src/domain/intakeAccess.ts).
 * Refusals are audited like every other.
 */
export async function requireAdmittingStaff(ctx: Pick<RecordContext, 'db'>, caller: Caller, audit: AccessCheck['audit']): Promise<StaffPrincipal> {
  const { principal } = caller;
  if (principal.kind === 'staff' && mayAdmit(principal.actor)) return principal;
  await auditDenied(ctx.db, caller, { ...audit, patientId: null });
  throw new SamplanError('FORBIDDEN', 'Only hospital staff admit patients.');
}

/**
 * An administrator acts only in their own organisation. Not an administrator:
 * FORBIDDEN; a staff member, link or system client of another organisation
 * (or none): NOT_FOUND, as for episodes. Both audited.
 */
export async function requireAdministrator(
  ctx: Pick<RecordContext, 'db'>,
  caller: Caller,
  audit: AccessCheck['audit'],
): Promise<{ staffId: string; organisationId: string }> {
  const { principal } = caller;
  if (principal.kind === 'staff' && principal.administrator) return { staffId: principal.staffId, organisationId: principal.organisationId };
  await auditDenied(ctx.db, caller, audit);
  throw new SamplanError('FORBIDDEN', 'Only an administrator of the organisation may do this.');
}

/** Refuses (audited) a row of another organisation, or none, as if it did not exist. */
export async function requireOwnOrganisation<T extends { organisationId: string }>(
  ctx: Pick<RecordContext, 'db'>,
  caller: Caller,
  admin: { organisationId: string },
  row: T | null,
  audit: AccessCheck['audit'],
): Promise<T> {
  if (row !== null && row.organisationId === admin.organisationId) return row;
  await auditDenied(ctx.db, caller, audit);
  throw notFound(audit.resourceType);
}

/**
 * The check in front of the figures (indicator page, CSV export): a role that
 * may see aggregates (shared/src/domain/indicatorAccess.ts). Whether the
 * staff member is an administrator is read from the record, not the session,
 * so a change takes effect at once. A refusal is audited.
 */
export async function requireIndicatorAccess(ctx: Pick<RecordContext, 'db'>, caller: Caller, audit: AccessCheck['audit']): Promise<void> {
  const { principal } = caller;
  const staff =
    principal.kind === 'staff' ? await ctx.db.staffUser.findUnique({ where: { id: principal.staffId }, select: { role: true, administrator: true } }) : null;
  if (staff !== null && mayReadIndicators(staff)) return;
  await auditDenied(ctx.db, caller, { ...audit, patientId: null });
  throw new SamplanError('FORBIDDEN', 'Only administrators, discharge coordinators, visitators and doctors may see the figures.');
}
