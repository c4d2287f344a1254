import { type AcuteAssessmentView, type AcuteDecisionForPlan, type acuteDecisionRequestSchema, parseCpr, SamplanError } from '@samplan/shared';
import type { z } from 'zod';
import type { DbTransaction } from '../../store/database.ts';
import { auditDenied, auditOk } from '../audit.ts';
import type { Caller, RecordContext } from '../context.ts';
import { auditConfirmRefused, confirmReservationIn } from '../acuteBeds/confirmReservation.ts';
import { OpenAdmissionError, writeAdmission } from '../episodes/admitEpisode.ts';
import { acuteViewById, type AcuteAccessRow, loadAcuteFor } from './readAcuteAssessment.ts';

type DecisionInput = z.output<typeof acuteDecisionRequestSchema>;

/** Written in the decision's transaction: the episode it started or updated, and what the row records. */
interface Written {
  readonly episodeId: string;
  readonly admitted: boolean;
  readonly plan: AcuteDecisionForPlan;
  /** The municipality whose acute bed was confirmed, for its overview's notice. */
  readonly bedMunicipalityId?: string;
  readonly data: { admissionWardId?: string; followUpAt?: Date; bedReservationId?: string };
}

/**
 * The admission the doctor decided: a new episode at the ward (the same
 * admission any ward records, with the patient's GP practice from her latest
 * episode), the doctor in its care team by name. A patient admitted already
 * is refused (EPISODE_ALREADY_OPEN).
 */
async function admit(tx: DbTransaction, caller: Caller, row: AcuteAccessRow, { wardId, reason }: { wardId: string; reason: string }, doctorId: string, now: Date): Promise<Written> {
  const patient = await tx.patient.findUniqueOrThrow({
    where: { id: row.patientId },
    select: { name: true, cprNumber: true, homeMunicipalityId: true, episodes: { select: { gpPracticeId: true }, orderBy: { admittedAt: 'desc' }, take: 1 } },
  });
  const cpr = parseCpr(patient.cprNumber);
  if (!cpr.ok) throw new SamplanError('INTERNAL', 'A stored CPR number does not parse.');
  const written = await writeAdmission(
    tx,
    {
      patient: { cpr: cpr.cpr, name: patient.name, homeMunicipalityId: patient.homeMunicipalityId, phone: null, email: null, preferredLanguage: 'da' },
      admittingWardId: wardId,
      unit: null,
      admittedAt: now.toISOString(),
      gpPracticeId: patient.episodes[0]?.gpPracticeId ?? null,
      relatives: [],
      encounterIdentifier: null,
    },
    doctorId,
  );
  await tx.careTeamStaff.create({ data: { episodeId: written.episodeId, staffUserId: doctorId, addedById: doctorId } });
  await auditOk(tx, caller, { action: 'create', resourceType: 'Episode', resourceId: written.episodeId, patientId: row.patientId });
  const ward = await tx.organisation.findUniqueOrThrow({ where: { id: wardId }, select: { name: true } });
  return { episodeId: written.episodeId, admitted: true, plan: { decision: 'admission', reason, ward: ward.name }, data: { admissionWardId: wardId } };
}

/** What each decision writes beside the assessment row, and what it puts in the plan. */
async function decided(tx: DbTransaction, caller: Caller, row: AcuteAccessRow, input: DecisionInput, doctorId: string, now: Date): Promise<Written> {
  const municipality = row.team.name;
  switch (input.decision) {
    case 'admission':
      return admit(tx, caller, row, input, doctorId, now);
    case 'municipal_acute_bed': {
      // The bed is occupied in the same transaction as the decision: both commit or neither.
      const { reservation, municipalityId } = await confirmReservationIn(tx, caller, input.reservationId, now);
      await tx.careTeamOrganisation.upsert({
        where: { episodeId_organisationId: { episodeId: row.episodeId, organisationId: municipalityId } },
        create: { episodeId: row.episodeId, organisationId: municipalityId, addedById: doctorId },
        update: {},
      });
      return {
        episodeId: row.episodeId,
        admitted: false,
        bedMunicipalityId: municipalityId,
        plan: { decision: 'municipal_acute_bed', reason: input.reason, municipality: `${reservation.municipalityName}, ${reservation.offerName}` },
        data: { bedReservationId: reservation.id },
      };
    }
    case 'home_treatment': {
      const followUpAt = new Date(input.followUpAt);
      return {
        episodeId: row.episodeId,
        admitted: false,
        plan: { decision: 'home_treatment', reason: input.reason, followUpAt, tasks: input.tasks, municipality },
        data: { followUpAt },
      };
    }
    case 'other':
      return { episodeId: row.episodeId, admitted: false, plan: { decision: 'other', reason: input.reason }, data: {} };
  }
}

/**
 * POST /api/acute-assessments/:acuteAssessmentId/decision — the doctor who
 * asked records what was decided, with why: admission (a new episode at the
 * ward), a municipal acute bed (the doctor's reservation confirmed in the
 * same transaction; the call's episode goes on there), treatment at home (the call's episode, with a plan of tasks to the
 * acute team and the home nurse and a follow-up time) or other. The episode's
 * shared plan then carries the decision on (acute.decided → plan/acuteDecisionTasks.ts).
 */
export async function decideAcuteAssessment(ctx: RecordContext, caller: Caller, acuteAssessmentId: string, input: DecisionInput): Promise<AcuteAssessmentView> {
  const { row, staff, audit } = await loadAcuteFor(ctx, caller, acuteAssessmentId, 'decide');
  if (staff.staffId !== row.requestedById) {
    await auditDenied(ctx.db, caller, { ...audit, patientId: row.patientId });
    throw new SamplanError('FORBIDDEN', 'The doctor who asked for the assessment decides it.');
  }
  if (row.decidedAt !== null) throw new SamplanError('CONFLICT', 'The assessment has been decided.');
  const now = ctx.now();
  if (input.decision === 'home_treatment' && new Date(input.followUpAt) <= now) {
    throw new SamplanError('BAD_REQUEST', 'The follow-up is a time still to come.', [{ path: 'followUpAt', message: 'must be in the future' }]);
  }
  let written: Written;
  try {
    written = await ctx.db.$transaction(async (tx) => {
      const done = await decided(tx, caller, row, input, staff.staffId, now);
      // Decided once: a second decision racing this one finds decidedAt set and rolls back.
      const { count } = await tx.acuteAssessment.updateMany({
        where: { id: acuteAssessmentId, decidedAt: null },
        data: { decision: input.decision, decisionReason: input.reason, decisionEpisodeId: done.episodeId, decidedById: staff.staffId, decidedAt: now, ...done.data },
      });
      if (count === 0) throw new SamplanError('CONFLICT', 'The assessment has been decided.');
      await auditOk(tx, caller, { ...audit, patientId: row.patientId });
      return done;
    });
  } catch (error) {
    if (error instanceof OpenAdmissionError) await auditDenied(ctx.db, caller, { ...audit, patientId: row.patientId });
    if (input.decision === 'municipal_acute_bed' && error instanceof SamplanError && error.code !== 'CONFLICT') await auditConfirmRefused(ctx, caller, input.reservationId);
    throw error;
  }
  if (written.admitted) await ctx.events.publish({ type: 'episode.admitted', episodeId: written.episodeId, patientId: row.patientId });
  if (written.bedMunicipalityId !== undefined) await ctx.events.publish({ type: 'acuteBeds.changed', municipalityId: written.bedMunicipalityId });
  await ctx.events.publish({ type: 'acute.decided', episodeId: written.episodeId, acuteAssessmentId, decidedByStaffId: staff.staffId, plan: written.plan });
  await ctx.events.publish({ type: 'acute.changed', episodeId: row.episodeId, acuteAssessmentId, ...(row.conference === null ? {} : { conferenceId: row.conference.id }) });
  return acuteViewById(ctx, acuteAssessmentId);
}
