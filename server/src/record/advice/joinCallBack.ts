import { CONFERENCE_OVER_STATUSES, isConferenceOver, type RingingCallBack, SamplanError } from '@samplan/shared';
import type { ParticipantPrincipal } from '../../auth/principal.ts';
import { auditDenied, auditOk } from '../audit.ts';
import type { Caller, RecordContext } from '../context.ts';
import { displayNameOf, enterConference, signConferenceToken } from '../conferences/issueRoomToken.ts';

/**
 * A guest's side of a call-back by video (callBackByVideo.ts): her join-link
 * session enters the advice call through the participant row made for her
 * there, and through nothing else. The tie is the row's
 * `sessionParticipantId`, written by the geriatrician's call-back; the
 * session's own conference and link are not widened.
 */

function guestOf(caller: Caller): ParticipantPrincipal | null {
  return caller.principal.kind === 'participant' ? caller.principal : null;
}

/**
 * GET /api/call-back — the call-back ringing for her now, if any: what her
 * advice page asks when it opens and when its socket reconnects, so a ring
 * sent while the page was away is not missed. It names a conference and
 * nothing of the record, so it is not an audited read; joining is.
 */
export async function ringingCallBack(ctx: RecordContext, caller: Caller): Promise<RingingCallBack> {
  const guest = guestOf(caller);
  if (guest === null) return { callBack: null };
  const row = await ctx.db.participant.findFirst({
    where: { sessionParticipantId: guest.participantId, revokedAt: null, lobbyState: 'admitted', conference: { status: { notIn: [...CONFERENCE_OVER_STATUSES] } } },
    orderBy: { createdAt: 'desc' },
    select: { conferenceId: true },
  });
  return { callBack: row === null ? null : { conferenceId: row.conferenceId } };
}

/** POST /api/call-back/:conferenceId/room-token — the one tap: a room token as the participant made for her in the call-back. */
export async function issueCallBackToken(ctx: RecordContext & { secret: string }, caller: Caller, conferenceId: string) {
  const guest = guestOf(caller);
  const audit = { action: 'join', resourceType: 'Conference', resourceId: conferenceId };
  const row =
    guest === null
      ? null
      : await ctx.db.participant.findFirst({
          where: { conferenceId, sessionParticipantId: guest.participantId, conference: { episodeId: guest.episodeId } },
          select: {
            id: true,
            role: true,
            lobbyState: true,
            revokedAt: true,
            conference: { select: { id: true, status: true, scheduledStart: true, plannedDurationMinutes: true, episode: { select: { patientId: true } } } },
          },
        });
  if (guest === null || row === null) {
    await auditDenied(ctx.db, caller, { ...audit, patientId: null });
    throw new SamplanError('NOT_FOUND', 'No such call for you.');
  }
  const { conference } = row;
  const patientId = conference.episode.patientId;
  if (isConferenceOver(conference.status)) throw new SamplanError('ROOM_CLOSED', `The conference is ${conference.status}.`);
  if (row.revokedAt !== null || row.lobbyState !== 'admitted') {
    await auditDenied(ctx.db, caller, { ...audit, patientId });
    throw new SamplanError('REMOVED', 'The host removed you from this conference.');
  }
  const now = ctx.now();
  await ctx.db.$transaction(async (tx) => {
    await enterConference(tx, conference, row.id, now);
    await auditOk(tx, caller, { ...audit, patientId });
  });
  return signConferenceToken(ctx.secret, conference, now, {
    participantId: row.id,
    role: row.role,
    displayName: displayNameOf(guest),
    principal: { kind: 'participant', participantId: row.id },
  });
}
