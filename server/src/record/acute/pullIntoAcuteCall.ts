import { type AcuteAssessmentView, type AcutePullIn, isOnAcuteTeam, SamplanError } from '@samplan/shared';
import { staffSectorOf } from '../../auth/principal.ts';
import { auditDenied, auditOk } from '../audit.ts';
import type { Caller, RecordContext } from '../context.ts';
import { participantRoleOfStaff } from '../conferences/loadConference.ts';
import { acuteViewById, loadAcuteFor } from './readAcuteAssessment.ts';

/**
 * POST /api/acute-assessments/:acuteAssessmentId/pull-in — one click in the
 * call: the doctor who asked or the acute team pulls in the hospital's
 * visitation (the visitation nurses of the episode's hospital) or the
 * municipal visitation nurses (of the team's municipality). They join the
 * episode's care team by name, so they may read it, and are let into the call
 * as participants; both in one transaction with the audit row. Every
 * refusal (not theirs to do, no call yet, nobody to pull in) is audited.
 */
export async function pullIntoAcuteCall(ctx: RecordContext, caller: Caller, acuteAssessmentId: string, who: AcutePullIn): Promise<AcuteAssessmentView> {
  const { row, staff, audit } = await loadAcuteFor(ctx, caller, acuteAssessmentId, 'invite');
  if (row.requestedById !== staff.staffId && !isOnAcuteTeam(staff, row.teamId)) {
    await auditDenied(ctx.db, caller, { ...audit, patientId: row.patientId });
    throw new SamplanError('FORBIDDEN', 'Only the doctor who asked and the acute team pull others into the call.');
  }
  const conferenceId = row.conference?.id;
  if (conferenceId === undefined || row.decidedAt !== null) {
    await auditDenied(ctx.db, caller, { ...audit, patientId: row.patientId });
    throw new SamplanError('CONFLICT', row.decidedAt === null ? 'Take the request first: they are pulled into its call.' : 'The assessment has been decided.');
  }
  const episode = await ctx.db.episode.findUniqueOrThrow({ where: { id: row.episodeId }, select: { admittingWardId: true } });
  const organisationId = who === 'hospital_visitation' ? episode.admittingWardId : row.teamId;
  const nurses = await ctx.db.staffUser.findMany({
    where: { organisationId, role: 'visitation_nurse', deactivatedAt: null },
    select: { id: true, role: true, organisation: { select: { sector: true } } },
    orderBy: { name: 'asc' },
  });
  if (nurses.length === 0) {
    await auditDenied(ctx.db, caller, { ...audit, patientId: row.patientId });
    throw new SamplanError('NOT_FOUND', who === 'hospital_visitation' ? 'The hospital has no visitation nurse in Samplan.' : 'The municipality has no visitation nurse in Samplan.');
  }
  await ctx.db.$transaction(async (tx) => {
    await tx.careTeamOrganisation.upsert({
      where: { episodeId_organisationId: { episodeId: row.episodeId, organisationId } },
      create: { episodeId: row.episodeId, organisationId, addedById: staff.staffId },
      update: {},
    });
    for (const nurse of nurses) {
      await tx.careTeamStaff.upsert({
        where: { episodeId_staffUserId: { episodeId: row.episodeId, staffUserId: nurse.id } },
        create: { episodeId: row.episodeId, staffUserId: nurse.id, addedById: staff.staffId },
        update: {},
      });
      const already = await tx.participant.findFirst({ where: { conferenceId, staffUserId: nurse.id, revokedAt: null }, select: { id: true } });
      if (already !== null) continue;
      const participant = await tx.participant.create({
        data: {
          conferenceId,
          role: participantRoleOfStaff({ role: nurse.role, sector: staffSectorOf(nurse.organisation.sector) }),
          staffUserId: nurse.id,
          // Pulled in by someone already in the call: no lobby to wait in.
          lobbyState: 'admitted',
          invitedById: staff.staffId,
        },
        select: { id: true },
      });
      await auditOk(tx, caller, { action: 'invite', resourceType: 'Participant', resourceId: participant.id, patientId: row.patientId });
    }
    await auditOk(tx, caller, { ...audit, patientId: row.patientId });
  });
  await ctx.events.publish({ type: 'conference.changed', conferenceId, episodeId: row.episodeId, change: 'invited' });
  await ctx.events.publish({ type: 'acute.changed', episodeId: row.episodeId, acuteAssessmentId, conferenceId });
  return acuteViewById(ctx, acuteAssessmentId);
}
