import { type PasswordLinkState, SamplanError } from '@samplan/shared';
import type { Clock } from '../record/clock.ts';
import { recordAudit } from '../store/auditLog.ts';
import type { Db } from '../store/database.ts';
import { hashPassword } from './password.ts';
import { hashPasswordSetToken } from './passwordSetLink.ts';

export interface PasswordLinkDeps {
  db: Db;
  now: Clock;
}

const linkSelect = { id: true, expiresAt: true, usedAt: true, revokedAt: true, staffUser: { select: { id: true, name: true, login: true, deactivatedAt: true } } } as const;
type LinkRow = { id: string; expiresAt: Date; usedAt: Date | null; revokedAt: Date | null; staffUser: { id: string; name: string; login: string; deactivatedAt: Date | null } };

/** Why a link no longer works, if it does not; the page says which in words. */
function refusalOf(link: LinkRow, now: Date): SamplanError | null {
  if (link.usedAt !== null) return new SamplanError('PASSWORD_LINK_USED', 'The link was used already.');
  if (link.revokedAt !== null || link.staffUser.deactivatedAt !== null) return new SamplanError('PASSWORD_LINK_REVOKED', 'The link was deactivated.');
  if (link.expiresAt <= now) return new SamplanError('PASSWORD_LINK_EXPIRED', 'The link has expired.');
  return null;
}

/**
 * The link by its token, or the reason it does not work. A refused link is
 * audited under the staff member it was made for: an administrator can see
 * that someone tried an old link of theirs.
 */
async function usableLink(deps: PasswordLinkDeps, token: string, via: string, action: string): Promise<LinkRow> {
  const link = await deps.db.passwordSetLink.findUnique({ where: { tokenHash: hashPasswordSetToken(token) }, select: linkSelect });
  if (link === null) throw new SamplanError('NOT_FOUND', 'No such set-password link.');
  const refusal = refusalOf(link, deps.now());
  if (refusal === null) return link;
  await recordAudit(deps.db, { actor: { kind: 'staff', staffId: link.staffUser.id }, action, resourceType: 'PasswordSetLink', resourceId: link.id, via, outcome: 'denied' });
  throw refusal;
}

/** GET /api/password-links/:linkToken — whose link it is, so the page can name the login to sign in with. */
export async function readPasswordLink(deps: PasswordLinkDeps, token: string, via: string): Promise<PasswordLinkState> {
  const link = await usableLink(deps, token, via, 'read');
  return { name: link.staffUser.name, login: link.staffUser.login, expiresAt: link.expiresAt.toISOString() };
}

/**
 * POST /api/password-links/:linkToken — sets the password and uses up the
 * link. Every open session of the person ends (the password trigger), so a
 * session someone else held on the old password is gone; they sign in anew.
 */
export async function setPasswordWithLink(deps: PasswordLinkDeps, token: string, password: string, via: string): Promise<void> {
  const link = await usableLink(deps, token, via, 'use');
  const passwordHash = await hashPassword(password);
  const now = deps.now();
  const used = await deps.db.$transaction(async (tx) => {
    // Used once even when two tabs submit together: only one update finds the link unused.
    const claimed = await tx.passwordSetLink.updateMany({ where: { id: link.id, usedAt: null, revokedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    if (claimed.count === 0) return false;
    await tx.staffUser.update({ where: { id: link.staffUser.id }, data: { passwordHash } });
    await recordAudit(tx, { actor: { kind: 'staff', staffId: link.staffUser.id }, action: 'use', resourceType: 'PasswordSetLink', resourceId: link.id, via, outcome: 'ok' });
    return true;
  });
  if (used) return;
  // Another request used it (or it lapsed) while the password was hashed: say which.
  await usableLink(deps, token, via, 'use');
  throw new SamplanError('PASSWORD_LINK_USED', 'The link was used already.');
}
