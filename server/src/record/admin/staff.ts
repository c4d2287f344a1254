import { type createStaffRequestSchema, SamplanError, type StaffMember, type updateStaffRequestSchema } from '@samplan/shared';
import type { z } from 'zod';
import { NO_PASSWORD } from '../../auth/password.ts';
import { UniqueConflictError } from '../../store/uniqueConflict.ts';
import { requireAdministrator, requireOwnOrganisation } from '../access.ts';
import { auditOk } from '../audit.ts';
import type { Caller, RecordContext } from '../context.ts';
import { keepAnAdministrator } from './administrators.ts';
import { staffMemberView, staffSelect } from './staffView.ts';

// An administrator's staff: their own organisation's, never another's.

function loginTaken(error: unknown): never {
  if (error instanceof UniqueConflictError && error.model === 'StaffUser' && error.fields.includes('login')) {
    throw new SamplanError('LOGIN_TAKEN', 'Another staff account has this login.');
  }
  throw error;
}

/** GET /api/admin/staff — active first, then by name. */
export async function listStaff(ctx: RecordContext, caller: Caller): Promise<StaffMember[]> {
  const audit = { action: 'read', resourceType: 'StaffUser' };
  const admin = await requireAdministrator(ctx, caller, audit);
  const rows = await ctx.db.staffUser.findMany({ where: { organisationId: admin.organisationId }, select: staffSelect(ctx.now()), orderBy: [{ name: 'asc' }, { id: 'asc' }] });
  await auditOk(ctx.db, caller, audit);
  const active = rows.filter((row) => row.deactivatedAt === null);
  const deactivated = rows.filter((row) => row.deactivatedAt !== null);
  return [...active, ...deactivated].map(staffMemberView);
}

/** POST /api/admin/staff — without a password: the person sets one through a link. */
export async function createStaff(ctx: RecordContext, caller: Caller, input: z.output<typeof createStaffRequestSchema>): Promise<StaffMember> {
  const audit = { action: 'create', resourceType: 'StaffUser' };
  const admin = await requireAdministrator(ctx, caller, audit);
  return ctx.db
    .$transaction(async (tx) => {
      const row = await tx.staffUser.create({
        data: { ...input, organisationId: admin.organisationId, passwordHash: NO_PASSWORD },
        select: staffSelect(ctx.now()),
      });
      await auditOk(tx, caller, { ...audit, resourceId: row.id });
      return staffMemberView(row);
    })
    .catch(loginTaken);
}

/** PUT /api/admin/staff/:staffId — name, login, role, unit and the administrator role. */
export async function updateStaff(ctx: RecordContext, caller: Caller, staffId: string, input: z.output<typeof updateStaffRequestSchema>): Promise<StaffMember> {
  const audit = { action: 'update', resourceType: 'StaffUser', resourceId: staffId };
  const admin = await requireAdministrator(ctx, caller, audit);
  await requireOwnOrganisation(ctx, caller, admin, await ctx.db.staffUser.findUnique({ where: { id: staffId }, select: { organisationId: true } }), audit);
  return ctx.db
    .$transaction(async (tx) => {
      const row = await tx.staffUser.update({ where: { id: staffId }, data: input, select: staffSelect(ctx.now()) });
      if (!input.administrator) await keepAnAdministrator(tx, admin.organisationId);
      await auditOk(tx, caller, audit);
      return staffMemberView(row);
    })
    .catch(loginTaken);
}

/**
 * POST /api/admin/staff/:staffId/deactivate — never deleted: their name stays
 * on what they wrote. Their sessions end (a trigger on deactivatedAt) and
 * their unused set-password links are revoked with it.
 */
export async function deactivateStaff(ctx: RecordContext, caller: Caller, staffId: string): Promise<StaffMember> {
  const audit = { action: 'deactivate', resourceType: 'StaffUser', resourceId: staffId };
  const admin = await requireAdministrator(ctx, caller, audit);
  const target = await requireOwnOrganisation(
    ctx,
    caller,
    admin,
    await ctx.db.staffUser.findUnique({ where: { id: staffId }, select: { organisationId: true, deactivatedAt: true } }),
    audit,
  );
  if (target.deactivatedAt !== null) throw new SamplanError('CONFLICT', 'The account is deactivated already.');
  const now = ctx.now();
  return ctx.db.$transaction(async (tx) => {
    await tx.passwordSetLink.updateMany({ where: { staffUserId: staffId, usedAt: null, revokedAt: null }, data: { revokedAt: now } });
    const row = await tx.staffUser.update({ where: { id: staffId }, data: { deactivatedAt: now }, select: staffSelect(now) });
    await keepAnAdministrator(tx, admin.organisationId);
    await auditOk(tx, caller, audit);
    return staffMemberView(row);
  });
}
