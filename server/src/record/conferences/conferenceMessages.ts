import { type OutboundMessageView, type resendMessageRequestSchema, SamplanError } from '@samplan/shared';
import type { z } from 'zod';
import type { StaffPrincipal } from '../../auth/principal.ts';
import { addressOn, type OutboxSettings, queueResend } from '../../messages/outbox.ts';
import type { Prisma } from '../../store/generated/client.ts';
import { requireEpisodeAccess } from '../access.ts';
import { auditOk } from '../audit.ts';
import type { Caller, RecordContext } from '../context.ts';
import { addresseesOf, conferenceForMessages } from './addressees.ts';
import { loadConference, OPEN_STATUSES } from './loadConference.ts';

const messageSelect = {
  id: true,
  participantId: true,
  channel: true,
  purpose: true,
  recipient: true,
  language: true,
  status: true,
  attempts: true,
  notBefore: true,
  sentAt: true,
  problem: true,
  lastError: true,
  createdAt: true,
  participant: { select: { externalName: true, staffUser: { select: { name: true } } } },
} as const satisfies Prisma.OutboundMessageSelect;

function messageView(row: Prisma.OutboundMessageGetPayload<{ select: typeof messageSelect }>): OutboundMessageView {
  const { participant, notBefore, sentAt, createdAt, ...rest } = row;
  return {
    ...rest,
    name: participant.staffUser?.name ?? participant.externalName ?? '',
    notBefore: notBefore.toISOString(),
    sentAt: sentAt?.toISOString() ?? null,
    createdAt: createdAt.toISOString(),
  };
}

/**
 * GET /api/conferences/:conferenceId/messages — what was sent to whom and
 * what became of it, newest first, for staff who may schedule it (the
 * addresses are contact details: guests never see them). Audited as a read.
 */
export async function listConferenceMessages(ctx: RecordContext, caller: Caller, conferenceId: string): Promise<OutboundMessageView[]> {
  const found = await loadConference(ctx.db, conferenceId);
  const audit = { action: 'read', resourceType: 'OutboundMessage' };
  const { episode } = await requireEpisodeAccess(ctx, caller, found, { action: 'conference:schedule', conferenceId, audit });
  const rows = await ctx.db.outboundMessage.findMany({ where: { conferenceId }, select: messageSelect, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
  await auditOk(ctx.db, caller, { ...audit, resourceId: conferenceId, patientId: episode.patientId });
  return rows.map(messageView);
}

const addressWord = { sms: 'phone number', email: 'e-mail address' } as const;

/**
 * POST /api/conferences/:conferenceId/participants/:participantId/messages —
 * the invitation once more on one channel: again to the same address, or to
 * a corrected one (a wrong digit, a new e-mail), which then is the
 * participant's address for the reminder too.
 */
export async function sendInvitationAgain(
  ctx: RecordContext & { outbox: OutboxSettings },
  caller: Caller & { principal: StaffPrincipal },
  conferenceId: string,
  participantId: string,
  input: z.output<typeof resendMessageRequestSchema>,
): Promise<OutboundMessageView> {
  const found = await loadConference(ctx.db, conferenceId);
  const audit = { action: 'resend', resourceType: 'OutboundMessage' };
  const { episode } = await requireEpisodeAccess(ctx, caller, found, { action: 'conference:schedule', conferenceId, audit });
  if (!OPEN_STATUSES.has(episode.conference.status)) throw new SamplanError('CONFLICT', `The conference is ${episode.conference.status}.`);
  const [person] = await addresseesOf(ctx.db, conferenceId, participantId);
  if (person === undefined) throw new SamplanError('NOT_FOUND', 'No such participant in this conference, or their link was revoked.');
  if (person.staff && (input.recipient !== undefined || input.channel === 'sms')) {
    throw new SamplanError('BAD_REQUEST', 'Staff get their calendar file by e-mail at their login.', [{ path: input.channel === 'sms' ? 'channel' : 'recipient', message: 'not for staff' }]);
  }
  const corrected = input.recipient === undefined ? person : { ...person, ...(input.channel === 'sms' ? { phone: input.recipient } : { email: input.recipient }) };
  const address = addressOn(corrected, input.channel);
  if (address === null || address.problem !== undefined) {
    const problem = address?.problem ?? `there is no ${addressWord[input.channel]} on the invitation`;
    throw new SamplanError('BAD_REQUEST', `Give a ${addressWord[input.channel]} to send to: ${problem}.`, [{ path: 'recipient', message: problem }]);
  }
  const now = ctx.now();
  const id = await ctx.db.$transaction(async (tx) => {
    if (input.recipient !== undefined) {
      await tx.participant.update({ where: { id: participantId }, data: input.channel === 'sms' ? { externalPhone: address.recipient } : { externalEmail: address.recipient } });
    }
    const { conference, callBack } = await conferenceForMessages(tx, conferenceId);
    const queued = await queueResend(tx, ctx.outbox, { conference, person: corrected, channel: input.channel, recipient: address.recipient, callBack, requestedById: caller.principal.staffId, now });
    await auditOk(tx, caller, { ...audit, resourceId: queued, patientId: episode.patientId });
    return queued;
  });
  await ctx.events.publish({ type: 'messages.queued', conferenceId });
  return messageView(await ctx.db.outboundMessage.findUniqueOrThrow({ where: { id }, select: messageSelect }));
}
