import { type AcuteServiceSetting, SamplanError } from '@samplan/shared';
import { acuteServiceOf, acuteTeamSelect } from '../acute/acuteView.ts';
import { requireAdministrator } from '../access.ts';
import { auditDenied, auditOk } from '../audit.ts';
import type { Caller, RecordContext } from '../context.ts';

// A municipality's administrator keeps its acute team's hours and promise:
// what a doctor asking for an acute assessment is told at once (record/acute).

const audit = { resourceType: 'Organisation' };

/** The administrator's organisation, refused (audited) unless it is a municipality: only those have acute teams. */
async function requireMunicipality(ctx: RecordContext, caller: Caller, action: string) {
  const act = { ...audit, action };
  const admin = await requireAdministrator(ctx, caller, act);
  const organisation = await ctx.db.organisation.findUniqueOrThrow({ where: { id: admin.organisationId }, select: { ...acuteTeamSelect, sector: true } });
  if (organisation.sector !== 'municipal_unit') {
    await auditDenied(ctx.db, caller, { ...act, resourceId: organisation.id });
    throw new SamplanError('FORBIDDEN', 'Only a municipality has an acute team.');
  }
  return organisation;
}

/** GET /api/admin/acute-service */
export async function readAcuteService(ctx: RecordContext, caller: Caller): Promise<AcuteServiceSetting> {
  const organisation = await requireMunicipality(ctx, caller, 'read');
  await auditOk(ctx.db, caller, { ...audit, action: 'read', resourceId: organisation.id });
  return { service: acuteServiceOf(organisation) };
}

/** PUT /api/admin/acute-service — from the next request on, doctors are told these hours. */
export async function setAcuteService(ctx: RecordContext, caller: Caller, setting: AcuteServiceSetting): Promise<AcuteServiceSetting> {
  const organisation = await requireMunicipality(ctx, caller, 'update');
  const { service } = setting;
  return ctx.db.$transaction(async (tx) => {
    const row = await tx.organisation.update({
      where: { id: organisation.id },
      data: { acuteServiceFromMinute: service?.fromMinute ?? null, acuteServiceToMinute: service?.toMinute ?? null, acutePromiseMinutes: service?.promiseMinutes ?? null },
      select: acuteTeamSelect,
    });
    await auditOk(tx, caller, { ...audit, action: 'update', resourceId: organisation.id });
    return { service: acuteServiceOf(row) };
  });
}
