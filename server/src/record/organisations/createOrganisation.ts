import { type IssuedPasswordLink, SamplanError, type StaffRole } from '@samplan/shared';
import { NO_PASSWORD } from '../../auth/password.ts';
import { recordAudit } from '../../store/auditLog.ts';
import type { Db } from '../../store/database.ts';
import type { Sector } from '../../store/generated/client.ts';
import { writePasswordLink } from '../admin/passwordLinks.ts';

export interface NewOrganisation {
  name: string;
  sector: Sector;
  /** Its code in SOR, by which the hospital's systems name it in FHIR (docs/fhir-in.md). */
  sorCode?: string;
  /** Its first administrator, who sets a password through the link returned. */
  administrator?: { name: string; login: string; role: StaffRole };
}

export interface CreatedOrganisation {
  organisationId: string;
  administrator: { staffId: string; link: IssuedPasswordLink } | null;
}

/**
 * An organisation, made by the operator (`npm run admin -- create-organisation`),
 * not by an administrator: an administrator manages only their own
 * organisation, and a new organisation is a new tenant of the installation.
 * Audited as the system, with the command as `via`.
 */
export async function createOrganisation(db: Db, now: Date, input: NewOrganisation, via: string): Promise<CreatedOrganisation> {
  return db.$transaction(async (tx) => {
    if (input.sorCode !== undefined && (await tx.organisation.findUnique({ where: { sorCode: input.sorCode }, select: { id: true } })) !== null) {
      throw new SamplanError('CONFLICT', `An organisation with SOR code ${input.sorCode} exists already.`);
    }
    const organisation = await tx.organisation.create({ data: { name: input.name, sector: input.sector, sorCode: input.sorCode ?? null }, select: { id: true } });
    await recordAudit(tx, { actor: { kind: 'system' }, action: 'create', resourceType: 'Organisation', resourceId: organisation.id, via, outcome: 'ok' });
    if (input.administrator === undefined) return { organisationId: organisation.id, administrator: null };
    const staff = await tx.staffUser.create({
      data: { ...input.administrator, organisationId: organisation.id, administrator: true, passwordHash: NO_PASSWORD },
      select: { id: true },
    });
    await recordAudit(tx, { actor: { kind: 'system' }, action: 'create', resourceType: 'StaffUser', resourceId: staff.id, via, outcome: 'ok' });
    const link = await writePasswordLink(tx, staff.id, null, now);
    await recordAudit(tx, { actor: { kind: 'system' }, action: 'create', resourceType: 'PasswordSetLink', resourceId: link.link.id, via, outcome: 'ok' });
    return { organisationId: organisation.id, administrator: { staffId: staff.id, link } };
  });
}

/** A new link for a staff member who has none that works (the only administrator locked out): the operator's way back in. */
export async function issueLinkByOperator(db: Db, now: Date, login: string, via: string): Promise<{ staffId: string; name: string; link: IssuedPasswordLink } | null> {
  return db.$transaction(async (tx) => {
    const staff = await tx.staffUser.findUnique({ where: { login }, select: { id: true, name: true, deactivatedAt: true } });
    if (staff === null || staff.deactivatedAt !== null) return null;
    const link = await writePasswordLink(tx, staff.id, null, now);
    await recordAudit(tx, { actor: { kind: 'system' }, action: 'create', resourceType: 'PasswordSetLink', resourceId: link.link.id, via, outcome: 'ok' });
    return { staffId: staff.id, name: staff.name, link };
  });
}
