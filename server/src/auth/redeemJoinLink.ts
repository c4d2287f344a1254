import { SamplanError } from '@samplan/shared';
import { recordAudit } from '../store/audit.ts';
import { hashJoinToken } from './joinLink.ts';
import type { AuthDeps } from './login.ts';
import { guestLinkStillValid } from './principal.ts';
import { type SessionClaims, signSessionToken } from './sessionToken.ts';

const VIA = 'POST /api/join/:linkToken';

/**
 * POST /api/join/:linkToken — a patient or relative opens their link and gets
 * a session for that one conference, lasting no longer than the link. They
 * wait in the lobby until the host admits them. Every link that did not work
 * says the same (the UI asks them to request a new one), except a conference
 * that is over, which says so.
 */
export async function redeemJoinLink(deps: AuthDeps, linkToken: string): Promise<{ token: string; claims: SessionClaims }> {
  const participant = await deps.db.participant.findUnique({
    where: { tokenHash: hashJoinToken(linkToken) },
    select: {
      id: true,
      role: true,
      expiresAt: true,
      revokedAt: true,
      lobbyState: true,
      conference: { select: { status: true, episode: { select: { patientId: true } } } },
    },
  });
  if (participant === null) throw new SamplanError('UNAUTHORIZED', 'This link does not work.');
  const now = deps.now();
  const audit = { actor: { kind: 'participant', participantId: participant.id } as const, action: 'redeem-link', resourceType: 'Participant', resourceId: participant.id, patientId: participant.conference.episode.patientId, via: VIA };
  const over = participant.conference.status === 'ended' || participant.conference.status === 'cancelled';
  if (over || !guestLinkStillValid(participant, now) || participant.expiresAt === null) {
    await recordAudit(deps.db, { ...audit, outcome: 'denied' });
    if (over) throw new SamplanError('ROOM_CLOSED', `The conference is ${participant.conference.status}.`);
    throw new SamplanError('UNAUTHORIZED', 'This link does not work.');
  }
  await deps.db.participant.updateMany({ where: { id: participant.id, lobbyState: 'invited' }, data: { lobbyState: 'waiting' } });
  await recordAudit(deps.db, { ...audit, outcome: 'ok' });
  return signSessionToken({ kind: 'participant', subject: participant.id, notAfter: Math.floor(participant.expiresAt.getTime() / 1000) }, deps.secret, deps.now);
}
