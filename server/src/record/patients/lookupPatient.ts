import { maskCpr, type PatientLookupResponse, type patientLookupRequestSchema } from '@samplan/shared';
import type { z } from 'zod';
import { requireAdmittingStaff } from '../access.ts';
import { auditOk } from '../audit.ts';
import type { Caller, RecordContext } from '../context.ts';

/**
 * POST /api/patients/lookup — is this CPR number on record? A POST, so the
 * number travels in the body and never in a URL, a proxy's log or the audit
 * trail (which names the patient by id, or nobody when not found).
 */
export async function lookupPatient(ctx: RecordContext, caller: Caller, input: z.output<typeof patientLookupRequestSchema>): Promise<PatientLookupResponse> {
  const audit = { action: 'lookup', resourceType: 'Patient' };
  await requireAdmittingStaff(ctx, caller, audit);
  const patient = await ctx.db.patient.findUnique({
    where: { cprNumber: input.cpr.value },
    select: {
      id: true,
      name: true,
      dateOfBirth: true,
      phone: true,
      email: true,
      preferredLanguage: true,
      homeMunicipality: { select: { id: true, name: true } },
      relatives: { select: { id: true, name: true, relation: true, phone: true, email: true, representation: true }, orderBy: { createdAt: 'asc' } },
      episodes: { where: { status: 'admitted' }, select: { id: true }, take: 1 },
    },
  });
  await auditOk(ctx.db, caller, { ...audit, resourceId: patient?.id ?? null, patientId: patient?.id ?? null });
  if (patient === null) return { found: false, cpr: maskCpr(input.cpr), dateOfBirth: input.cpr.birthDate };
  const { episodes, dateOfBirth, ...rest } = patient;
  return {
    found: true,
    patient: { ...rest, cpr: maskCpr(input.cpr), dateOfBirth: dateOfBirth.toISOString().slice(0, 10), openEpisodeId: episodes[0]?.id ?? null },
  };
}
