import type { Addressee, ConferenceTimes } from '../../messages/outbox.ts';
import type { DbClient } from '../../store/database.ts';

/**
 * Everyone in a conference the outbox may still write to (not removed, link
 * not revoked): staff at their login when it is an e-mail address, guests at
 * the contact on their invitation, each in their language.
 */
export async function addresseesOf(db: DbClient, conferenceId: string, participantId?: string): Promise<Addressee[]> {
  const rows = await db.participant.findMany({
    where: { conferenceId, revokedAt: null, lobbyState: { not: 'removed' }, ...(participantId === undefined ? {} : { id: participantId }) },
    select: { id: true, externalEmail: true, externalPhone: true, language: true, staffUser: { select: { login: true } } },
    orderBy: { createdAt: 'asc' },
  });
  return rows.map((row) =>
    row.staffUser === null
      ? { id: row.id, staff: false, email: row.externalEmail, phone: row.externalPhone, language: row.language }
      : { id: row.id, staff: true, email: row.staffUser.login.includes('@') ? row.staffUser.login : null, phone: null, language: row.language },
  );
}

/**
 * The conference as its messages speak of it; `callBack` when it is the video
 * call-back of an advice request (its guests get a call_back message, no reminder).
 */
export async function conferenceForMessages(db: DbClient, conferenceId: string): Promise<{ conference: ConferenceTimes; callBack: boolean }> {
  const conference = await db.conference.findUniqueOrThrow({
    where: { id: conferenceId },
    select: { id: true, kind: true, scheduledStart: true, calendarSequence: true, adviceRequests: { select: { id: true } } },
  });
  return { conference, callBack: conference.kind === 'advice_call' && conference.adviceRequests.length > 0 };
}
