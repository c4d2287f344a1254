import { type CreatedSystemClient, type createSystemClientRequestSchema, SamplanError, type SystemClientView } from '@samplan/shared';
import type { z } from 'zod';
import { newSystemClientKey } from '../../auth/systemClientKey.ts';
import { requireAdministrator, requireOwnOrganisation } from '../access.ts';
import { auditOk } from '../audit.ts';
import type { Caller, RecordContext } from '../context.ts';

// The hospital systems that send FHIR for the administrator's organisation.
// FHIR in authenticates them by key; here they are only listed, made and ended.

const systemClientSelect = {
  id: true,
  name: true,
  keyPrefix: true,
  scopes: true,
  createdAt: true,
  createdBy: { select: { id: true, name: true } },
  deactivatedAt: true,
  organisationId: true,
} as const;

function systemClientView(row: {
  id: string;
  name: string;
  keyPrefix: string;
  scopes: string[];
  createdAt: Date;
  createdBy: { id: string; name: string };
  deactivatedAt: Date | null;
}): SystemClientView {
  return {
    id: row.id,
    name: row.name,
    keyPrefix: row.keyPrefix,
    scopes: row.scopes,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
    deactivatedAt: row.deactivatedAt?.toISOString() ?? null,
  };
}

/** GET /api/admin/system-clients — newest first. */
export async function listSystemClients(ctx: RecordContext, caller: Caller): Promise<SystemClientView[]> {
  const audit = { action: 'read', resourceType: 'SystemClient' };
  const admin = await requireAdministrator(ctx, caller, audit);
  const rows = await ctx.db.systemClient.findMany({ where: { organisationId: admin.organisationId }, select: systemClientSelect, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
  await auditOk(ctx.db, caller, audit);
  return rows.map(systemClientView);
}

/** POST /api/admin/system-clients — the key is in this answer only; only its hash is stored. */
export async function createSystemClient(ctx: RecordContext, caller: Caller, input: z.output<typeof createSystemClientRequestSchema>): Promise<CreatedSystemClient> {
  const audit = { action: 'create', resourceType: 'SystemClient' };
  const admin = await requireAdministrator(ctx, caller, audit);
  const { key, keyPrefix, keyHash } = newSystemClientKey();
  return ctx.db.$transaction(async (tx) => {
    const row = await tx.systemClient.create({
      data: { name: input.name, scopes: input.scopes, keyPrefix, keyHash, organisationId: admin.organisationId, createdById: admin.staffId, createdAt: ctx.now() },
      select: systemClientSelect,
    });
    await auditOk(tx, caller, { ...audit, resourceId: row.id });
    return { systemClient: systemClientView(row), key };
  });
}

/** POST /api/admin/system-clients/:systemClientId/deactivate — its key is refused from now on. */
export async function deactivateSystemClient(ctx: RecordContext, caller: Caller, systemClientId: string): Promise<SystemClientView> {
  const audit = { action: 'deactivate', resourceType: 'SystemClient', resourceId: systemClientId };
  const admin = await requireAdministrator(ctx, caller, audit);
  const client = await requireOwnOrganisation(ctx, caller, admin, await ctx.db.systemClient.findUnique({ where: { id: systemClientId }, select: { organisationId: true, deactivatedAt: true } }), audit);
  if (client.deactivatedAt !== null) throw new SamplanError('CONFLICT', 'The system client is deactivated already.');
  return ctx.db.$transaction(async (tx) => {
    const row = await tx.systemClient.update({ where: { id: systemClientId }, data: { deactivatedAt: ctx.now() }, select: systemClientSelect });
    await auditOk(tx, caller, audit);
    return systemClientView(row);
  });
}
