import { type AcuteAssessmentView, SamplanError, type TobsMeasurement } from '@samplan/shared';
import { auditOk } from '../audit.ts';
import type { Caller, RecordContext } from '../context.ts';
import { writeTobs } from '../visits/recordTobs.ts';
import { requireAcuteTeam } from './acuteAccess.ts';
import { acuteViewById, loadAcuteFor } from './readAcuteAssessment.ts';

/**
 * POST /api/acute-assessments/:acuteAssessmentId/tobs — the acute nurse
 * enters TOBS in the home during the call. Stored as any TOBS (the episode's,
 * naming the call's conference) with the score the shared pocket card gives;
 * the doctor's screen is told at once (acute.changed → conference:changed)
 * and reads the score and the escalation it calls for.
 */
export async function recordAcuteTobs(ctx: RecordContext, caller: Caller, acuteAssessmentId: string, measurement: TobsMeasurement): Promise<AcuteAssessmentView> {
  const { row, audit } = await loadAcuteFor(ctx, caller, acuteAssessmentId, 'create');
  const nurse = await requireAcuteTeam(ctx, caller, row.teamId, { action: 'create', resourceType: 'TobsObservation', patientId: row.patientId });
  const conferenceId = row.conference?.id;
  if (conferenceId === undefined || row.decidedAt !== null) {
    throw new SamplanError('CONFLICT', row.decidedAt === null ? 'Take the request first: TOBS is entered in its call.' : 'The assessment has been decided.');
  }
  await ctx.db.$transaction(async (tx) => {
    const created = await writeTobs(tx, row.episodeId, measurement, { observedAt: ctx.now(), conferenceId }, nurse.staffId);
    await auditOk(tx, caller, { action: 'create', resourceType: 'TobsObservation', resourceId: created.id, patientId: row.patientId });
    await auditOk(tx, caller, { ...audit, action: 'update', patientId: row.patientId });
  });
  await ctx.events.publish({ type: 'acute.changed', episodeId: row.episodeId, acuteAssessmentId, conferenceId });
  return acuteViewById(ctx, acuteAssessmentId);
}
