import { type AcuteAssessmentView, SamplanError } from '@samplan/shared';
import { staffSectorOf } from '../../auth/principal.ts';
import type { Caller, RecordContext } from '../context.ts';
import { participantRoleOfStaff } from '../conferences/loadConference.ts';
import { scheduleConference } from '../conferences/scheduleConference.ts';
import { requireAcuteTeam } from './acuteAccess.ts';
import { acuteViewById, loadAcuteFor } from './readAcuteAssessment.ts';

/**
 * POST /api/acute-assessments/:acuteAssessmentId/take — an acute nurse takes
 * the request: the call (a conference of kind acute_assessment, hosted by
 * her, starting now) is made with the doctor who asked let in already, so
 * both join at once, she from the citizen's home and he from his desk. A
 * second nurse is told who has it.
 */
export async function takeAcuteAssessment(ctx: RecordContext, caller: Caller, acuteAssessmentId: string): Promise<AcuteAssessmentView> {
  const { row, audit } = await loadAcuteFor(ctx, caller, acuteAssessmentId, 'take');
  const nurse = await requireAcuteTeam(ctx, caller, row.teamId, { ...audit, patientId: row.patientId });
  if (row.decidedAt !== null) throw new SamplanError('CONFLICT', 'The assessment has been decided.');
  if (row.takenBy?.id === nurse.staffId) return acuteViewById(ctx, acuteAssessmentId);
  if (row.takenBy !== null) throw new SamplanError('CONFLICT', `${row.takenBy.name} has taken the request.`);
  const doctor = await ctx.db.staffUser.findUniqueOrThrow({ where: { id: row.requestedById }, select: { role: true, organisation: { select: { sector: true } } } });
  const { conference } = await scheduleConference(ctx, { ...caller, principal: nurse }, row.episodeId, { kind: 'acute_assessment' }, async (tx, created) => {
    // Taken only if still free: two nurses pressing at once cannot both have it; the loser's call is rolled back with it.
    const { count } = await tx.acuteAssessment.updateMany({
      where: { id: acuteAssessmentId, takenById: null, decidedAt: null },
      data: { takenById: nurse.staffId, takenAt: ctx.now(), conferenceId: created.id },
    });
    if (count === 0) throw new SamplanError('CONFLICT', 'Another acute nurse has taken the request.');
    await tx.participant.create({
      data: {
        conferenceId: created.id,
        role: participantRoleOfStaff({ role: doctor.role, sector: staffSectorOf(doctor.organisation.sector) }),
        staffUserId: row.requestedById,
        // He asked for the call: the nurse taking it is the host letting him in.
        lobbyState: 'admitted',
        invitedById: nurse.staffId,
      },
    });
  });
  await ctx.events.publish({ type: 'acute.changed', episodeId: row.episodeId, acuteAssessmentId, conferenceId: conference.id });
  return acuteViewById(ctx, acuteAssessmentId);
}
