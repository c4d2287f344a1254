import { observationRefusal, type RecordTobsRequest, refusedError, scoreTobs, type TobsMeasurement, type TobsObservationView } from '@samplan/shared';
import type { StaffPrincipal } from '../../auth/principal.ts';
import type { DbTransaction } from '../../store/database.ts';
import { loadEpisodeRef, notFound, requireEpisodeAccess } from '../access.ts';
import { auditDenied, auditOk } from '../audit.ts';
import type { Caller, RecordContext } from '../context.ts';
import { tobsObservationSelect, tobsObservationView } from './visitView.ts';

export interface TobsOccasion {
  readonly observedAt: Date;
  readonly visitId?: string;
  readonly conferenceId?: string;
}

/**
 * Stores the five values (and SpO₂ beside them) with the score the shared
 * pocket-card table gives them, so the score shown later is the one the nurse
 * acted on even if the table is ever corrected.
 */
export function writeTobs(tx: DbTransaction, episodeId: string, measurement: TobsMeasurement, occasion: TobsOccasion, recordedById: string) {
  return tx.tobsObservation.create({
    data: {
      episodeId,
      visitId: occasion.visitId ?? null,
      conferenceId: occasion.conferenceId ?? null,
      observedAt: occasion.observedAt,
      pulsePerMinute: measurement.pulsePerMinute,
      respirationPerMinute: measurement.respirationPerMinute,
      temperatureCelsius: measurement.temperatureCelsius,
      temperatureSite: measurement.temperatureSite,
      systolicMmHg: measurement.systolicMmHg,
      consciousness: measurement.consciousness,
      spo2Percent: measurement.spo2Percent ?? null,
      score: scoreTobs(measurement).total,
      recordedById,
    },
    select: tobsObservationSelect,
  });
}

/** POST /api/episodes/:episodeId/tobs — TOBS on its own, e.g. during a call (then naming its conference). */
export async function recordTobs(
  ctx: RecordContext,
  caller: Caller & { principal: StaffPrincipal },
  episodeId: string,
  input: RecordTobsRequest,
): Promise<TobsObservationView> {
  const ref = await loadEpisodeRef(ctx.db, episodeId);
  const audit = { action: 'create', resourceType: 'TobsObservation' };
  const { episode } = await requireEpisodeAccess(ctx, caller, ref, { action: 'tobs:record', audit });
  const observedAt = new Date(input.observedAt);
  const refusal = observationRefusal(episode.access, observedAt, ctx.now());
  if (refusal !== null) {
    await auditDenied(ctx.db, caller, { ...audit, patientId: episode.patientId });
    throw refusedError(`TOBS cannot be recorded for that time: ${refusal.code}.`, refusal);
  }
  if (input.conferenceId !== undefined) {
    const conference = await ctx.db.conference.findUnique({ where: { id: input.conferenceId }, select: { episodeId: true } });
    // Another episode's conference is not reachable through this one.
    if (conference === null || conference.episodeId !== episode.access.id) {
      await auditDenied(ctx.db, caller, { ...audit, patientId: episode.patientId });
      throw notFound('Conference');
    }
  }
  const { observedAt: _observedAt, conferenceId, ...measurement } = input;
  const row = await ctx.db.$transaction(async (tx) => {
    const created = await writeTobs(tx, episode.access.id, measurement, { observedAt, ...(conferenceId === undefined ? {} : { conferenceId }) }, caller.principal.staffId);
    await auditOk(tx, caller, { ...audit, resourceId: created.id, patientId: episode.patientId });
    return created;
  });
  return tobsObservationView(row);
}

/** GET /api/episodes/:episodeId/tobs — every TOBS of the episode, oldest first (at visits too). */
export async function listTobs(ctx: RecordContext, caller: Caller, episodeId: string): Promise<TobsObservationView[]> {
  const ref = await loadEpisodeRef(ctx.db, episodeId);
  const audit = { action: 'read', resourceType: 'TobsObservation' };
  const { episode } = await requireEpisodeAccess(ctx, caller, ref, { action: 'episode:read', audit });
  const rows = await ctx.db.tobsObservation.findMany({ where: { episodeId: episode.access.id }, select: tobsObservationSelect, orderBy: { observedAt: 'asc' } });
  await auditOk(ctx.db, caller, { ...audit, patientId: episode.patientId });
  return rows.map(tobsObservationView);
}
