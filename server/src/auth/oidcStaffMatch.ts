import { staffLoginSchema, type SignInRefusal } from '@samplan/shared';
import type { DbClient } from '../store/database.ts';

export interface VerifiedIdentity {
  /** The provider's stable subject for the person. */
  sub: string;
  /** The value of the organisation's login claim (e-mail, upn…), when the ID token carries it. */
  login: string | null;
}

export type StaffMatch = { kind: 'matched'; staffId: string } | { kind: 'refused'; reason: Extract<SignInRefusal, 'unknown_user' | 'deactivated'>; staffId: string | null };

/**
 * Which staff member of the organisation the provider signed in. Once found,
 * a person is found by the provider's `sub` alone, pinned on her record at
 * the first sign-in, when only the login claim could match her: a changed
 * e-mail address then still finds her, and an address handed on to a new
 * colleague does not find the old record. Only staff of the provider's own
 * organisation can match; the role and everything else comes from Samplan's
 * record, never from the token.
 */
export async function matchStaff(db: DbClient, organisationId: string, identity: VerifiedIdentity): Promise<StaffMatch> {
  const pinned = await db.staffUser.findUnique({ where: { organisationId_oidcSubject: { organisationId, oidcSubject: identity.sub } }, select: { id: true, deactivatedAt: true } });
  if (pinned !== null) return pinned.deactivatedAt === null ? { kind: 'matched', staffId: pinned.id } : { kind: 'refused', reason: 'deactivated', staffId: pinned.id };

  const login = staffLoginSchema.safeParse(identity.login);
  if (!login.success) return { kind: 'refused', reason: 'unknown_user', staffId: null };
  const byLogin = await db.staffUser.findUnique({ where: { login: login.data }, select: { id: true, organisationId: true, oidcSubject: true, deactivatedAt: true } });
  // Another subject pinned already: the address now names someone the provider knows apart.
  if (byLogin === null || byLogin.organisationId !== organisationId || byLogin.oidcSubject !== null) return { kind: 'refused', reason: 'unknown_user', staffId: null };
  if (byLogin.deactivatedAt !== null) return { kind: 'refused', reason: 'deactivated', staffId: byLogin.id };
  // Pinned only while still unpinned: of two first sign-ins at once, one pins and the other finds what it pinned.
  await db.staffUser.updateMany({ where: { id: byLogin.id, oidcSubject: null }, data: { oidcSubject: identity.sub } });
  const holder = await db.staffUser.findUniqueOrThrow({ where: { id: byLogin.id }, select: { oidcSubject: true } });
  return holder.oidcSubject === identity.sub ? { kind: 'matched', staffId: byLogin.id } : { kind: 'refused', reason: 'unknown_user', staffId: null };
}
