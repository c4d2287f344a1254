import { adviceWindowAt, isConferenceOver, SamplanError } from '@samplan/shared';
import type { DomainEventPublisher } from '../events/domainEvents.ts';
import { recordAudit } from '../store/auditLog.ts';
import { hashJoinToken } from './joinLink.ts';
import type { AuthDeps } from './login.ts';
import { guestAccessUntil } from './principal.ts';
import { type SignedSession, startSession } from './sessions.ts';

const VIA = 'POST /api/join/:linkToken';

/**
 * POST /api/join/:linkToken — a patient or relative opens their link and gets
 * a session for that one conference, lasting no longer than the link. They
 * wait in the lobby until the host admits them. Every link that did not work
 * says the same (the UI asks them to request a new one), except a conference
 * that is over, which says so — unless the patient has gone home and her
 * 7-day advice window is open: then the link opens for the advice line.
 */
export async function redeemJoinLink(deps: AuthDeps & { events: DomainEventPublisher }, linkToken: string): Promise<SignedSession> {
  const participant = await deps.db.participant.findUnique({
    where: { tokenHash: hashJoinToken(linkToken) },
    select: {
      id: true,
      role: true,
      expiresAt: true,
      revokedAt: true,
      lobbyState: true,
      conferenceId: true,
      conference: { select: { status: true, episodeId: true, episode: { select: { patientId: true, dischargedAt: true } } } },
    },
  });
  if (participant === null) throw new SamplanError('UNAUTHORIZED', 'This link does not work.');
  const now = deps.now();
  const audit = { actor: { kind: 'participant', participantId: participant.id } as const, action: 'redeem-link', resourceType: 'Participant', resourceId: participant.id, patientId: participant.conference.episode.patientId, via: VIA };
  const over = isConferenceOver(participant.conference.status);
  const until = guestAccessUntil(participant, now);
  const adviceOpen = adviceWindowAt(participant.conference.episode.dischargedAt, now).state === 'open';
  if (until === null || (over && !adviceOpen)) {
    await recordAudit(deps.db, { ...audit, outcome: 'denied' });
    if (over) throw new SamplanError('ROOM_CLOSED', `The conference is ${participant.conference.status}.`);
    throw new SamplanError('UNAUTHORIZED', 'This link does not work.');
  }
  const arrived = over ? 0 : (await deps.db.participant.updateMany({ where: { id: participant.id, lobbyState: 'invited' }, data: { lobbyState: 'waiting' } })).count;
  await recordAudit(deps.db, { ...audit, outcome: 'ok' });
  const session = await startSession(deps, { kind: 'participant', subject: participant.id, notAfter: Math.floor(until.getTime() / 1000) });
  if (arrived > 0) await deps.events.publish({ type: 'conference.changed', conferenceId: participant.conferenceId, episodeId: participant.conference.episodeId, change: 'guest_arrived' });
  return session;
}
