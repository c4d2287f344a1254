import {
  type AcuteAssessmentView,
  acuteAnswerBy,
  type AcuteLookupResponse,
  acuteRefusalAt,
  type acuteLookupRequestSchema,
  type createAcuteAssessmentSchema,
  maskCpr,
  refusedError,
} from '@samplan/shared';
import type { z } from 'zod';
import { notFound } from '../access.ts';
import { auditDenied, auditOk } from '../audit.ts';
import type { Caller, RecordContext } from '../context.ts';
import { requireAcuteRequester } from './acuteAccess.ts';
import { acuteSelect, acuteServiceOf, acuteTeamSelect, acuteTeamView, acuteView, ageInYears } from './acuteView.ts';

const patientSelect = {
  id: true,
  name: true,
  dateOfBirth: true,
  homeMunicipality: { select: acuteTeamSelect },
  // The call runs in her latest episode, whose care team and plan the pathway already has.
  episodes: { select: { id: true }, orderBy: { admittedAt: 'desc' }, take: 1 },
} as const;

/**
 * POST /api/acute-assessments/lookup — the doctor types the CPR number: who
 * she is, her age, and whether her municipality's acute team takes requests
 * now (or when it opens), before the request is made. A POST, so the number
 * never travels in a URL.
 */
export async function lookupForAcuteAssessment(ctx: RecordContext, caller: Caller, input: z.output<typeof acuteLookupRequestSchema>): Promise<AcuteLookupResponse> {
  const audit = { action: 'lookup', resourceType: 'Patient' };
  await requireAcuteRequester(ctx, caller, audit);
  const patient = await ctx.db.patient.findUnique({ where: { cprNumber: input.cpr.value }, select: patientSelect });
  await auditOk(ctx.db, caller, { ...audit, resourceId: patient?.id ?? null, patientId: patient?.id ?? null });
  if (patient === null || patient.episodes.length === 0) return { found: false, cpr: maskCpr(input.cpr) };
  const now = ctx.now();
  return {
    found: true,
    patient: {
      id: patient.id,
      name: patient.name,
      cpr: maskCpr(input.cpr),
      dateOfBirth: patient.dateOfBirth.toISOString().slice(0, 10),
      ageYears: ageInYears(patient.dateOfBirth, now),
    },
    team: acuteTeamView(patient.homeMunicipality, now),
  };
}

/**
 * POST /api/acute-assessments — the doctor asks the citizen's acute team.
 * Outside the team's hours the answer is REFUSED (ACUTE_TEAM_CLOSED) with when
 * it opens and what to do instead, and nothing is written. The team's
 * municipality and the doctor join the episode's care team, so the call, the
 * notices and the plan reach them as for any conference.
 */
export async function requestAcuteAssessment(ctx: RecordContext, caller: Caller, input: z.output<typeof createAcuteAssessmentSchema>): Promise<AcuteAssessmentView> {
  const audit = { action: 'create', resourceType: 'AcuteAssessment' };
  const doctor = await requireAcuteRequester(ctx, caller, audit);
  const patient = await ctx.db.patient.findUnique({ where: { cprNumber: input.cpr.value }, select: patientSelect });
  const episode = patient?.episodes[0];
  if (patient === null || episode === undefined) {
    await auditDenied(ctx.db, caller, { ...audit, patientId: patient?.id ?? null });
    throw notFound('Patient');
  }
  const now = ctx.now();
  const team = patient.homeMunicipality;
  const service = acuteServiceOf(team);
  const refusal = acuteRefusalAt(service, now);
  if (refusal !== null || service === null) {
    await auditDenied(ctx.db, caller, { ...audit, patientId: patient.id });
    throw refusedError(`${team.name}'s acute team does not take requests now.`, refusal ?? { code: 'NO_ACUTE_TEAM', whenAcute: 'emergency_112' });
  }
  const view = await ctx.db.$transaction(async (tx) => {
    await tx.careTeamOrganisation.upsert({
      where: { episodeId_organisationId: { episodeId: episode.id, organisationId: team.id } },
      create: { episodeId: episode.id, organisationId: team.id, addedById: doctor.staffId },
      update: {},
    });
    await tx.careTeamStaff.upsert({
      where: { episodeId_staffUserId: { episodeId: episode.id, staffUserId: doctor.staffId } },
      create: { episodeId: episode.id, staffUserId: doctor.staffId, addedById: doctor.staffId },
      update: {},
    });
    const created = await tx.acuteAssessment.create({
      data: {
        patientId: patient.id,
        episodeId: episode.id,
        teamId: team.id,
        requestedById: doctor.staffId,
        reason: input.reason,
        answerBy: acuteAnswerBy(service, now),
        createdAt: now,
      },
      select: acuteSelect,
    });
    await auditOk(tx, caller, { ...audit, resourceId: created.id, patientId: patient.id });
    return acuteView(created, now);
  });
  await ctx.events.publish({ type: 'acute.changed', episodeId: episode.id, acuteAssessmentId: view.id });
  return view;
}
