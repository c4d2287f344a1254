import type { StaffMember } from '@samplan/shared';
import { NO_PASSWORD } from '../../auth/password.ts';

/** What an administrator sees of a colleague; never the hash, only whether there is one. */
export function staffSelect(now: Date) {
  return {
    id: true,
    name: true,
    login: true,
    role: true,
    unit: true,
    administrator: true,
    passwordHash: true,
    deactivatedAt: true,
    organisationId: true,
    passwordLinks: {
      where: { usedAt: null, revokedAt: null, expiresAt: { gt: now } },
      select: { id: true, createdAt: true, expiresAt: true },
      orderBy: { createdAt: 'desc' },
      take: 1,
    },
  } as const;
}

export interface StaffRow {
  id: string;
  name: string;
  login: string;
  role: StaffMember['role'];
  unit: string | null;
  administrator: boolean;
  passwordHash: string;
  deactivatedAt: Date | null;
  organisationId: string;
  passwordLinks: ReadonlyArray<{ id: string; createdAt: Date; expiresAt: Date }>;
}

export function staffMemberView(row: StaffRow): StaffMember {
  const link = row.passwordLinks[0];
  return {
    id: row.id,
    name: row.name,
    login: row.login,
    role: row.role,
    unit: row.unit,
    administrator: row.administrator,
    hasPassword: row.passwordHash !== NO_PASSWORD,
    deactivatedAt: row.deactivatedAt?.toISOString() ?? null,
    openPasswordLink: link === undefined ? null : { id: link.id, issuedAt: link.createdAt.toISOString(), expiresAt: link.expiresAt.toISOString() },
  };
}
