import { randomUUID } from 'node:crypto';
import { parseMobileNumber } from '@samplan/shared';
import type { DbTransaction } from '../store/database.ts';
import type { Language, MessageChannel, MessagePurpose } from '../store/generated/enums.ts';
import { sealJoinToken, type SealKey } from './joinLinkSeal.ts';

/**
 * The outbox's write side: what a record change means for e-mail and text
 * messages, written in that change's own transaction (so a restart loses
 * none, and the request never waits for a mail server). The delivery worker
 * (deliveryWorker.ts) sends what is due. Each row has a dedupe key naming its
 * cause, so the same cause written twice is still one message.
 */
export interface OutboxSettings {
  /** How long before the start a guest's reminder goes out. */
  readonly reminderLeadMs: number;
  /** Seals join links for the messages that carry them. */
  readonly sealKey: SealKey;
}

/** A participant as the outbox addresses them. */
export interface Addressee {
  readonly id: string;
  /** Staff are written to at their login when it is an e-mail address, and never by text message. */
  readonly staff: boolean;
  readonly email: string | null;
  readonly phone: string | null;
  readonly language: Language;
}

export interface ConferenceTimes {
  readonly id: string;
  readonly scheduledStart: Date;
  readonly calendarSequence: number;
}

type Row = {
  dedupeKey: string;
  channel: MessageChannel;
  purpose: MessagePurpose;
  conferenceId: string;
  participantId: string;
  recipient: string;
  language: Language;
  notBefore: Date;
  requestedById?: string;
  status?: 'failed';
  problem?: 'bad_recipient';
  lastError?: string;
};

const QUEUED = ['queued'] as const;
const REACHED = ['sending', 'sent'] as const;

/** Where a person can be reached on one channel: the address, why the one on record is unusable, or null when there is none. */
export function addressOn(person: Addressee, channel: MessageChannel): { recipient: string; problem?: string } | null {
  return channelsOf(person).find((candidate) => candidate.channel === channel) ?? null;
}

/** Where a person can be reached on each channel; a number that is no number is a failed row staff see, not a silent gap. */
function channelsOf(person: Addressee): Array<{ channel: MessageChannel; recipient: string; problem?: string }> {
  const channels: Array<{ channel: MessageChannel; recipient: string; problem?: string }> = [];
  if (person.email !== null && person.email.includes('@')) channels.push({ channel: 'email', recipient: person.email.trim().toLowerCase() });
  if (!person.staff && person.phone !== null && person.phone.trim() !== '') {
    const parsed = parseMobileNumber(person.phone);
    channels.push(parsed.ok ? { channel: 'sms', recipient: parsed.number } : { channel: 'sms', recipient: person.phone.trim(), problem: parsed.problem });
  }
  return channels;
}

function rowsFor(person: Addressee, conferenceId: string, purpose: MessagePurpose, key: (channel: MessageChannel) => string, notBefore: Date): Row[] {
  return channelsOf(person).map(({ channel, recipient, problem }) => ({
    dedupeKey: key(channel),
    channel,
    purpose,
    conferenceId,
    participantId: person.id,
    recipient,
    language: person.language,
    notBefore,
    ...(problem === undefined ? {} : { status: 'failed' as const, problem: 'bad_recipient' as const, lastError: problem }),
  }));
}

async function write(tx: DbTransaction, rows: Row[]): Promise<number> {
  if (rows.length === 0) return 0;
  const { count } = await tx.outboundMessage.createMany({ data: rows, skipDuplicates: true });
  return count;
}

function reminderRows(settings: OutboxSettings, person: Addressee, conference: ConferenceTimes, now: Date): Row[] {
  const due = new Date(conference.scheduledStart.getTime() - settings.reminderLeadMs);
  // Invited less than the lead time ahead: the invitation is the reminder.
  if (person.staff || due <= now) return [];
  return rowsFor(person, conference.id, 'reminder', (channel) => `reminder:${person.id}:${channel}:${conference.calendarSequence}`, due);
}

/**
 * A new participant: the invitation on every channel they can be reached on
 * (guests with the join link, staff with the calendar file), and a guest's
 * reminder. For a video call-back of an advice request, one call_back message
 * and no reminder: the call is now. Returns the sealed token to store on the
 * participant (null for staff).
 */
export async function queueInvitation(
  tx: DbTransaction,
  settings: OutboxSettings,
  input: { conference: ConferenceTimes; person: Addressee; callBack: boolean; now: Date },
): Promise<number> {
  const { conference, person, now } = input;
  if (input.callBack && person.staff) return 0;
  const purpose: MessagePurpose = input.callBack ? 'call_back' : 'invitation';
  const rows = rowsFor(person, conference.id, purpose, (channel) => `${purpose}:${person.id}:${channel}`, now);
  if (!input.callBack) rows.push(...reminderRows(settings, person, conference, now));
  return write(tx, rows);
}

export function sealedTokenFor(settings: OutboxSettings, token: string): string {
  return sealJoinToken(settings.sealKey, token);
}

/**
 * The conference moved: everyone already written to gets an update (a guest
 * with the link, staff a calendar file with the next SEQUENCE); an invitation
 * still waiting goes out with the new time anyway. Queued reminders are
 * withdrawn and new ones set from the new start.
 */
export async function queueUpdates(
  tx: DbTransaction,
  settings: OutboxSettings,
  input: { conference: ConferenceTimes; people: readonly Addressee[]; now: Date },
): Promise<number> {
  const { conference, now } = input;
  await tx.outboundMessage.updateMany({
    where: { conferenceId: conference.id, purpose: 'reminder', status: { in: [...QUEUED] } },
    data: { status: 'withdrawn', problem: 'superseded' },
  });
  const reached = await tx.outboundMessage.findMany({
    where: { conferenceId: conference.id, purpose: { in: ['invitation', 'update', 'call_back'] }, status: { in: [...REACHED] } },
    select: { participantId: true, channel: true },
  });
  const wasReached = new Set(reached.map((row) => `${row.participantId}:${row.channel}`));
  const rows: Row[] = [];
  for (const person of input.people) {
    const updates = rowsFor(person, conference.id, 'update', (channel) => `update:${person.id}:${channel}:${conference.calendarSequence}`, now);
    rows.push(...updates.filter((row) => wasReached.has(`${person.id}:${row.channel}`)));
    rows.push(...reminderRows(settings, person, conference, now));
  }
  return write(tx, rows);
}

/**
 * The conference is cancelled: nothing still waiting goes out, and whoever
 * was written to hears that it is off (staff with METHOD:CANCEL, which takes
 * it out of their calendar). The sealed links are dropped.
 */
export async function queueCancellations(tx: DbTransaction, input: { conferenceId: string; now: Date }): Promise<number> {
  await withdrawQueued(tx, { conferenceId: input.conferenceId }, 'conference_over');
  await tx.participant.updateMany({ where: { conferenceId: input.conferenceId }, data: { sealedJoinToken: null } });
  const reached = await tx.outboundMessage.findMany({
    where: { conferenceId: input.conferenceId, purpose: { not: 'cancellation' }, status: { in: [...REACHED] } },
    select: { participantId: true, channel: true, recipient: true, language: true },
    orderBy: { createdAt: 'desc' },
  });
  const rows = new Map<string, Row>();
  for (const row of reached) {
    const dedupeKey = `cancellation:${row.participantId}:${row.channel}`;
    // Newest first: the address the person was last written to.
    if (!rows.has(dedupeKey)) rows.set(dedupeKey, { dedupeKey, purpose: 'cancellation', conferenceId: input.conferenceId, ...row, notBefore: input.now });
  }
  return write(tx, [...rows.values()]);
}

/** The conference ended (or a link was revoked): what still waits is withdrawn and the links are dropped. */
export async function withdrawMessages(tx: DbTransaction, scope: { conferenceId: string; participantId?: string }, reason: 'conference_over' | 'link_revoked'): Promise<void> {
  await withdrawQueued(tx, scope, reason);
  await tx.participant.updateMany({ where: scope.participantId === undefined ? { conferenceId: scope.conferenceId } : { id: scope.participantId }, data: { sealedJoinToken: null } });
}

async function withdrawQueued(tx: DbTransaction, scope: { conferenceId: string; participantId?: string }, reason: 'conference_over' | 'link_revoked'): Promise<void> {
  await tx.outboundMessage.updateMany({
    where: { ...scope, status: { in: [...QUEUED] } },
    data: { status: 'withdrawn', problem: reason },
  });
}

/**
 * Staff ask for the invitation again on one channel, perhaps to a corrected
 * address: one new message, and the person's queued reminders on that
 * channel follow the new address (one is set if there was none).
 */
export async function queueResend(
  tx: DbTransaction,
  settings: OutboxSettings,
  input: { conference: ConferenceTimes; person: Addressee; channel: MessageChannel; recipient: string; callBack: boolean; requestedById: string; now: Date },
): Promise<string> {
  const { conference, person, channel, recipient, now } = input;
  const id = randomUUID();
  await tx.outboundMessage.create({
    data: {
      id,
      dedupeKey: `resend:${id}`,
      channel,
      purpose: input.callBack ? 'call_back' : 'invitation',
      conferenceId: conference.id,
      participantId: person.id,
      recipient,
      language: person.language,
      notBefore: now,
      requestedById: input.requestedById,
    },
  });
  // A reminder still ahead follows the new address, also one that had failed on the old (a number that was no number).
  await tx.outboundMessage.updateMany({
    where: {
      participantId: person.id,
      channel,
      purpose: 'reminder',
      notBefore: { gt: now },
      OR: [{ status: 'queued' }, { status: 'failed', problem: 'bad_recipient' }],
    },
    data: { recipient, status: 'queued', problem: null, lastError: null },
  });
  if (!input.callBack) await write(tx, reminderRows(settings, person, conference, now).filter((row) => row.channel === channel));
  return id;
}
