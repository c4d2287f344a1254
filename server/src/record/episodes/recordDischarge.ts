import {
  type DischargeDestination,
  dischargeRefusal,
  type DischargeView,
  followUpVisitDue,
  isPreferredDischargeTime,
  type RecordDischargeRequest,
  receptionVisitDue,
  refusedError,
  SamplanError,
} from '@samplan/shared';
import type { StaffPrincipal } from '../../auth/principal.ts';
import type { DbTransaction } from '../../store/database.ts';
import { loadEpisodeRef, notFound, requireEpisodeAccess } from '../access.ts';
import { auditDenied, auditOk } from '../audit.ts';
import type { Caller, RecordContext } from '../context.ts';

/** What writeDischarge stored: enough to answer and to publish `episode.discharged`. */
export interface WrittenDischarge {
  readonly episodeId: string;
  readonly patientId: string;
  readonly dischargedAt: Date;
  readonly destination: DischargeDestination;
}

/**
 * The discharge's writes inside the caller's transaction: from the episode
 * page (recordDischarge) and from the hospital's systems (FHIR in), so both
 * keep the same rules. `recordedBy` is the staff member, or null when a
 * system client sent it. Refusals (already discharged, before the admission,
 * in the future) throw REFUSED and write nothing; an unknown episode throws
 * NOT_FOUND. The caller audits and, after commit, publishes
 * `episode.discharged` (dischargedEvent). `now` is the clock the "not in the
 * future" rule reads: pass ctx.now(), so a test's clock is the one that counts.
 */
export async function writeDischarge(
  tx: DbTransaction,
  episodeId: string,
  input: RecordDischargeRequest,
  recordedBy: string | null,
  now: Date = new Date(),
): Promise<WrittenDischarge> {
  const dischargedAt = new Date(input.dischargedAt);
  const episode = await tx.episode.findUnique({ where: { id: episodeId }, select: { patientId: true, admittedAt: true, dischargedAt: true } });
  if (episode === null) throw notFound('Episode');
  refuseIfNotAllowed(dischargeRefusal(episode, dischargedAt, now));
  // Guarded on "still admitted" so that two discharges racing each other store one.
  const { count } = await tx.episode.updateMany({
    where: { id: episodeId, dischargedAt: null, status: 'admitted' },
    data: { dischargedAt, status: 'discharged', dischargeDestination: input.destination, dischargeRecordedById: recordedBy },
  });
  if (count !== 1) {
    const current = await tx.episode.findUniqueOrThrow({ where: { id: episodeId }, select: { admittedAt: true, dischargedAt: true } });
    refuseIfNotAllowed(dischargeRefusal(current, dischargedAt, now));
    throw new SamplanError('CONFLICT', 'The episode changed while the discharge was recorded.');
  }
  return { episodeId, patientId: episode.patientId, dischargedAt, destination: input.destination };
}

function refuseIfNotAllowed(refusal: ReturnType<typeof dischargeRefusal>): void {
  if (refusal !== null) throw refusedError(`The discharge cannot be recorded: ${refusal.code}.`, refusal);
}

/** The event to publish once the transaction that wrote the discharge has committed. */
export function dischargedEvent(written: WrittenDischarge) {
  return { type: 'episode.discharged', episodeId: written.episodeId, patientId: written.patientId, dischargedAt: written.dischargedAt } as const;
}

export function dischargeView(written: Pick<WrittenDischarge, 'episodeId' | 'dischargedAt' | 'destination'>): DischargeView {
  return {
    episodeId: written.episodeId,
    dischargedAt: written.dischargedAt.toISOString(),
    destination: written.destination,
    beforeNoon: isPreferredDischargeTime(written.dischargedAt),
    receptionVisitDue: receptionVisitDue(written.dischargedAt).toISOString(),
    followUpVisitDue: followUpVisitDue(written.dischargedAt).toISOString(),
  };
}

/** POST /api/episodes/:episodeId/discharge — the ward records that the patient went home (or elsewhere). */
export async function recordDischarge(
  ctx: RecordContext,
  caller: Caller & { principal: StaffPrincipal },
  episodeId: string,
  input: RecordDischargeRequest,
): Promise<DischargeView> {
  const ref = await loadEpisodeRef(ctx.db, episodeId);
  const audit = { action: 'discharge', resourceType: 'Episode', resourceId: episodeId };
  const { episode } = await requireEpisodeAccess(ctx, caller, ref, { action: 'episode:discharge', audit });
  let written: WrittenDischarge;
  try {
    written = await ctx.db.$transaction(async (tx) => {
      const result = await writeDischarge(tx, episodeId, input, caller.principal.staffId, ctx.now());
      await auditOk(tx, caller, { ...audit, patientId: episode.patientId });
      return result;
    });
  } catch (error) {
    if (error instanceof SamplanError && (error.code === 'REFUSED' || error.code === 'CONFLICT')) {
      await auditDenied(ctx.db, caller, { ...audit, patientId: episode.patientId });
    }
    throw error;
  }
  await ctx.events.publish(dischargedEvent(written));
  return dischargeView(written);
}
