import { type IssuedPasswordLink, SamplanError } from '@samplan/shared';
import { newPasswordSetToken, PASSWORD_LINK_LIFETIME_MS, passwordSetPath } from '../../auth/passwordSetLink.ts';
import type { DbClient } from '../../store/database.ts';
import { requireAdministrator, requireOwnOrganisation } from '../access.ts';
import { auditOk } from '../audit.ts';
import type { Caller, RecordContext } from '../context.ts';

/**
 * Makes a new link for a staff member and revokes their earlier unused ones:
 * only the newest link works. Run it in the caller's transaction. `issuedById`
 * is null when the operator's command line issues it (the first administrator).
 */
export async function writePasswordLink(tx: DbClient, staffUserId: string, issuedById: string | null, now: Date): Promise<IssuedPasswordLink> {
  await tx.passwordSetLink.updateMany({ where: { staffUserId, usedAt: null, revokedAt: null }, data: { revokedAt: now } });
  const { token, tokenHash } = newPasswordSetToken();
  const link = await tx.passwordSetLink.create({
    data: { staffUserId, issuedById, tokenHash, createdAt: now, expiresAt: new Date(now.getTime() + PASSWORD_LINK_LIFETIME_MS) },
    select: { id: true, createdAt: true, expiresAt: true },
  });
  return { link: { id: link.id, issuedAt: link.createdAt.toISOString(), expiresAt: link.expiresAt.toISOString() }, token, path: passwordSetPath(token) };
}

/** POST /api/admin/staff/:staffId/password-links — the token is in this answer only. */
export async function issuePasswordLink(ctx: RecordContext, caller: Caller, staffId: string): Promise<IssuedPasswordLink> {
  const audit = { action: 'create', resourceType: 'PasswordSetLink' };
  const admin = await requireAdministrator(ctx, caller, audit);
  const target = await requireOwnOrganisation(
    ctx,
    caller,
    admin,
    await ctx.db.staffUser.findUnique({ where: { id: staffId }, select: { organisationId: true, deactivatedAt: true } }),
    { ...audit, resourceType: 'StaffUser', resourceId: staffId },
  );
  if (target.deactivatedAt !== null) throw new SamplanError('CONFLICT', 'The account is deactivated: it gets no set-password link.');
  return ctx.db.$transaction(async (tx) => {
    const issued = await writePasswordLink(tx, staffId, admin.staffId, ctx.now());
    await auditOk(tx, caller, { ...audit, resourceId: issued.link.id });
    return issued;
  });
}

/** POST /api/admin/password-links/:linkId/revoke — "deactivate the link". */
export async function revokePasswordLink(ctx: RecordContext, caller: Caller, linkId: string): Promise<void> {
  const audit = { action: 'revoke', resourceType: 'PasswordSetLink', resourceId: linkId };
  const admin = await requireAdministrator(ctx, caller, audit);
  const link = await ctx.db.passwordSetLink.findUnique({ where: { id: linkId }, select: { usedAt: true, revokedAt: true, staffUser: { select: { organisationId: true } } } });
  const own = await requireOwnOrganisation(ctx, caller, admin, link === null ? null : { ...link, organisationId: link.staffUser.organisationId }, audit);
  if (own.usedAt !== null) throw new SamplanError('PASSWORD_LINK_USED', 'The link was used already.');
  if (own.revokedAt !== null) throw new SamplanError('PASSWORD_LINK_REVOKED', 'The link was deactivated already.');
  await ctx.db.$transaction(async (tx) => {
    await tx.passwordSetLink.update({ where: { id: linkId }, data: { revokedAt: ctx.now() } });
    await auditOk(tx, caller, audit);
  });
}
