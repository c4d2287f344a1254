import { isConferenceOver, SamplanError } from '@samplan/shared';
import { JOIN_LINK_GRACE_MS } from '../../auth/joinLink.ts';
import type { Principal, StaffPrincipal } from '../../auth/principal.ts';
import type { DbTransaction } from '../../store/database.ts';
import { type ConferenceRoomClaims, conferenceMediaRoomId, signRoomToken } from '../../auth/roomToken.ts';
import { requireEpisodeAccess } from '../access.ts';
import { auditDenied, auditOk } from '../audit.ts';
import type { Caller, RecordContext } from '../context.ts';
import { scheduledEnd } from '../views.ts';
import { loadConference, participantRoleOfStaff } from './loadConference.ts';

/** Long enough for a call that runs over, short enough that a leaked token soon stops working. */
const MIN_TTL_SECONDS = 15 * 60;
const MAX_TTL_SECONDS = 4 * 60 * 60;

/**
 * POST /api/conferences/:conferenceId/room-token — a media-room token for
 * staff of the episode and for guests the host has admitted. The first token
 * opens the conference.
 */
export async function issueRoomToken(ctx: RecordContext & { secret: string }, caller: Caller, conferenceId: string) {
  const found = await loadConference(ctx.db, conferenceId);
  const audit = { action: 'join', resourceType: 'Conference', resourceId: conferenceId };
  const { episode } = await requireEpisodeAccess(ctx, caller, found, { action: 'conference:join', conferenceId, audit });
  const { conference } = episode;
  if (isConferenceOver(conference.status)) throw new SamplanError('ROOM_CLOSED', `The conference is ${conference.status}.`);

  const { principal } = caller;
  const now = ctx.now();
  const self = conference.participants.find((participant) =>
    principal.kind === 'participant' ? participant.id === principal.participantId : participant.staffUserId === principal.staffId,
  );
  // Guests wait in the lobby until the host admits them; staff of the episode come straight in unless the host removed them.
  const refusal = principal.kind === 'participant' && self?.lobbyState !== 'admitted' ? 'The host has not let you in yet.' : self?.lobbyState === 'removed' ? 'The host removed you from this conference.' : null;
  if (refusal !== null) {
    await auditDenied(ctx.db, caller, { ...audit, patientId: episode.patientId });
    throw new SamplanError('FORBIDDEN', refusal);
  }
  const participantId = await ctx.db.$transaction(async (tx) => {
    const id = principal.kind === 'participant' ? principal.participantId : await staffParticipant(tx, conferenceId, principal);
    await enterConference(tx, { id: conferenceId, status: conference.status }, id, now);
    await auditOk(tx, caller, { ...audit, patientId: episode.patientId });
    return id;
  });
  return signConferenceToken(ctx.secret, conference, now, {
    participantId,
    role: principal.kind === 'participant' ? principal.role : participantRoleOfStaff(principal),
    displayName: displayNameOf(principal),
    principal: principal.kind === 'participant' ? { kind: 'participant', participantId } : { kind: 'staff', staffId: principal.staffId },
  });
}

/** The first entry opens the conference and its media room, and says when the participant first joined. */
export async function enterConference(tx: DbTransaction, conference: { id: string; status: string }, participantId: string, now: Date): Promise<void> {
  await tx.conference.update({
    where: { id: conference.id },
    data: { mediaRoomId: conferenceMediaRoomId(conference.id), ...(conference.status === 'scheduled' ? { status: 'open' } : {}) },
  });
  await tx.participant.updateMany({ where: { id: participantId, joinedAt: null }, data: { joinedAt: now } });
}

/** A room token that lasts as long as the conference may (with the links' grace), within bounds. */
export async function signConferenceToken(
  secret: string,
  conference: { id: string; scheduledStart: Date; plannedDurationMinutes: number },
  now: Date,
  who: Omit<ConferenceRoomClaims, 'kind' | 'conferenceId'>,
) {
  const ttl = Math.round(Math.min(MAX_TTL_SECONDS, Math.max(MIN_TTL_SECONDS, (scheduledEnd(conference).getTime() + JOIN_LINK_GRACE_MS - now.getTime()) / 1000)));
  const token = await signRoomToken({ kind: 'conference', conferenceId: conference.id, ...who }, secret, ttl);
  return { token, roomId: conferenceMediaRoomId(conference.id), expiresAt: new Date(now.getTime() + ttl * 1000).toISOString() };
}

/** Staff of the care team come in without an invitation: their participant row is made on first entry. */
async function staffParticipant(tx: DbTransaction, conferenceId: string, principal: StaffPrincipal): Promise<string> {
  const row = await tx.participant.upsert({
    where: { conferenceId_staffUserId: { conferenceId, staffUserId: principal.staffId } },
    create: { conferenceId, staffUserId: principal.staffId, role: participantRoleOfStaff(principal), lobbyState: 'admitted' },
    update: { lobbyState: 'admitted' },
    select: { id: true },
  });
  return row.id;
}

/** The protocol caps display names at 60 characters; a long name is cut, not refused. */
export function displayNameOf(principal: Principal): string | undefined {
  const name = principal.name.trim().slice(0, 60);
  return name.length > 0 ? name : undefined;
}
