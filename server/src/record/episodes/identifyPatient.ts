import { parseCpr, SamplanError } from '@samplan/shared';
import { loadEpisodeRef, requireEpisodeAccess } from '../access.ts';
import { auditOk } from '../audit.ts';
import type { Caller, RecordContext } from '../context.ts';

/**
 * POST /api/episodes/:episodeId/patient/identify — the full CPR number, for
 * identifying the patient securely at the start of a video consultation.
 * Audited as its own action, so the trail shows who saw the number.
 */
export async function identifyPatient(ctx: RecordContext, caller: Caller, episodeId: string) {
  const ref = await loadEpisodeRef(ctx.db, episodeId);
  const audit = { action: 'reveal-cpr', resourceType: 'Patient', resourceId: ref?.patientId ?? episodeId };
  const { episode } = await requireEpisodeAccess(ctx, caller, ref, { action: 'episode:read', audit });
  const patient = await ctx.db.patient.findUniqueOrThrow({ where: { id: episode.patientId }, select: { id: true, cprNumber: true } });
  const parsed = parseCpr(patient.cprNumber);
  if (!parsed.ok) throw new SamplanError('INTERNAL', 'The stored CPR number is malformed.');
  await auditOk(ctx.db, caller, { ...audit, patientId: patient.id });
  return { patientId: patient.id, cpr: parsed.cpr.value };
}
