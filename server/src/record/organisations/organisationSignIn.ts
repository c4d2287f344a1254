import { SamplanError } from '@samplan/shared';
import { recordAudit } from '../../store/auditLog.ts';
import type { Db, DbClient } from '../../store/database.ts';

export interface IdentityProviderInput {
  issuer: string;
  clientId: string;
  /** The environment variable that holds the client secret on every node; none for a public client. */
  clientSecretEnv?: string;
  /** The ID token claim compared with the staff login at a person's first sign-in. */
  loginClaim: string;
}

/**
 * An organisation named the way an operator knows it: its id, its SOR code,
 * or its exact name (refused when two organisations share it).
 */
export async function findOrganisation(db: DbClient, reference: string): Promise<{ id: string; name: string }> {
  const found = await db.organisation.findMany({
    where: { OR: [{ name: reference }, { sorCode: reference }, ...(/^[0-9a-f-]{36}$/i.test(reference) ? [{ id: reference }] : [])] },
    select: { id: true, name: true },
    take: 2,
  });
  if (found.length === 0) throw new SamplanError('NOT_FOUND', `No organisation has the id, SOR code or name "${reference}".`);
  if (found.length > 1) throw new SamplanError('CONFLICT', `Several organisations are called "${reference}": name it by its id or SOR code.`);
  return found[0] as { id: string; name: string };
}

/**
 * Sets (or replaces) the identity provider an organisation's staff sign in
 * through (`npm run admin -- identity-provider`). Operator's work like
 * creating the organisation: audited as the system with the command as `via`.
 */
export async function setIdentityProvider(db: Db, organisationId: string, input: IdentityProviderInput, via: string): Promise<void> {
  const data = { issuer: input.issuer, clientId: input.clientId, clientSecretEnv: input.clientSecretEnv ?? null, loginClaim: input.loginClaim };
  await db.$transaction(async (tx) => {
    await tx.identityProvider.upsert({ where: { organisationId }, create: { organisationId, ...data }, update: data });
    await recordAudit(tx, { actor: { kind: 'system' }, action: 'update', resourceType: 'IdentityProvider', resourceId: organisationId, via, outcome: 'ok' });
  });
}

/** Removes it; refused while password sign-in is off, which would leave the staff no way in. */
export async function removeIdentityProvider(db: Db, organisationId: string, via: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const organisation = await tx.organisation.findUniqueOrThrow({ where: { id: organisationId }, select: { passwordSignIn: true } });
    if (!organisation.passwordSignIn) throw new SamplanError('CONFLICT', 'Password sign-in is off for this organisation: switch it on first, or its staff could not sign in at all.');
    const removed = await tx.identityProvider.deleteMany({ where: { organisationId } });
    if (removed.count === 0) throw new SamplanError('NOT_FOUND', 'The organisation has no identity provider.');
    await recordAudit(tx, { actor: { kind: 'system' }, action: 'delete', resourceType: 'IdentityProvider', resourceId: organisationId, via, outcome: 'ok' });
  });
}

/** Switches password sign-in on or off; off only once an identity provider signs the staff in. */
export async function setPasswordSignIn(db: Db, organisationId: string, allowed: boolean, via: string): Promise<void> {
  await db.$transaction(async (tx) => {
    if (!allowed && (await tx.identityProvider.findUnique({ where: { organisationId }, select: { organisationId: true } })) === null) {
      throw new SamplanError('CONFLICT', 'The organisation has no identity provider: set one first, or its staff could not sign in at all.');
    }
    await tx.organisation.update({ where: { id: organisationId }, data: { passwordSignIn: allowed } });
    await recordAudit(tx, { actor: { kind: 'system' }, action: 'update', resourceType: 'Organisation', resourceId: organisationId, via, outcome: 'ok' });
  });
}
