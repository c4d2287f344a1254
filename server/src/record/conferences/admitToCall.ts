import { isConferenceOver, SamplanError } from '@samplan/shared';
import type { ConferenceRoomClaims } from '../../auth/roomToken.ts';
import { recordAudit } from '../../store/auditLog.ts';
import type { RecordContext } from '../context.ts';

/**
 * Socket.IO `room:join` with a conference's room token. The token says who
 * was let in when it was issued; this checks that they still are, at every
 * join and resume, so a removal, a revoked link, a deactivated account or the
 * end of the conference stops every token issued before it.
 */
export async function admitToCall(ctx: Pick<RecordContext, 'db'>, claims: ConferenceRoomClaims): Promise<void> {
  const participant = await ctx.db.participant.findUnique({
    where: { id: claims.participantId },
    select: {
      conferenceId: true,
      staffUserId: true,
      lobbyState: true,
      revokedAt: true,
      staffUser: { select: { deactivatedAt: true } },
      conference: { select: { status: true, episode: { select: { patientId: true } } } },
    },
  });
  const sameParticipant =
    participant !== null &&
    participant.conferenceId === claims.conferenceId &&
    (claims.principal.kind === 'staff' ? participant.staffUserId === claims.principal.staffId : claims.principal.participantId === claims.participantId);
  // Only a token signed with the server's secret gets here, so a mismatch is a bug, not a guess; say nothing more than for an unknown token.
  if (!sameParticipant) throw new SamplanError('UNAUTHORIZED', 'The room token is invalid or has expired.');
  if (isConferenceOver(participant.conference.status)) throw new SamplanError('ROOM_CLOSED', `The conference is ${participant.conference.status}.`);

  const standing = participant.staffUser?.deactivatedAt ? 'deactivated' : participant.revokedAt !== null || participant.lobbyState === 'removed' ? 'removed' : participant.lobbyState === 'admitted' ? 'admitted' : 'waiting';
  if (standing === 'admitted') return;
  await recordAudit(ctx.db, {
    actor: claims.principal.kind === 'staff' ? { kind: 'staff', staffId: claims.principal.staffId } : { kind: 'participant', participantId: claims.participantId },
    action: 'join',
    resourceType: 'Conference',
    resourceId: claims.conferenceId,
    patientId: participant.conference.episode.patientId,
    via: 'room:join',
    outcome: 'denied',
  });
  if (standing === 'waiting') throw new SamplanError('FORBIDDEN', 'The host has not let you in yet.');
  throw new SamplanError('REMOVED', standing === 'deactivated' ? 'This account is deactivated.' : 'The host removed you from this conference.');
}
