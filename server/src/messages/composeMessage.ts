import { icsOf } from '@samplan/shared';
import { joinPath } from '../auth/joinLink.ts';
import type { DbClient } from '../store/database.ts';
import type { Language, MessageChannel, MessageProblem, MessagePurpose } from '../store/generated/enums.ts';
import type { OutgoingEmail } from './email/smtpMailer.ts';
import { openJoinToken, type SealKey } from './joinLinkSeal.ts';
import { guestEmail, guestSms, staffEmail } from './templates/messageTexts.ts';

/** A claimed outbox row, as the worker holds it. */
export interface ClaimedMessage {
  readonly id: string;
  readonly channel: MessageChannel;
  readonly purpose: MessagePurpose;
  readonly recipient: string;
  readonly language: Language;
  readonly attempts: number;
  readonly conferenceId: string;
  readonly participantId: string;
}

/** What to send, or why nothing is (withdrawn: no longer wanted; failed: cannot be made). */
export type Composed =
  | { kind: 'email'; email: OutgoingEmail }
  | { kind: 'sms'; text: string }
  | { kind: 'withdrawn'; problem: MessageProblem }
  | { kind: 'failed'; problem: MessageProblem; detail: string };

export interface ComposeContext {
  readonly db: DbClient;
  readonly sealKey: SealKey;
  /** Where people reach Samplan: links are made under it. */
  readonly baseUrl: string;
  /** The organiser named in calendar files. */
  readonly organizer: string;
  readonly now: Date;
}

/**
 * The message is made when it is sent, from the record as it is then: a
 * reminder carries the time the conference has now, a message for a link
 * revoked or a conference over is not sent at all.
 */
export async function composeMessage(ctx: ComposeContext, message: ClaimedMessage): Promise<Composed> {
  const participant = await ctx.db.participant.findUnique({
    where: { id: message.participantId },
    select: {
      staffUserId: true,
      revokedAt: true,
      lobbyState: true,
      sealedJoinToken: true,
      conference: { select: { id: true, kind: true, status: true, scheduledStart: true, plannedDurationMinutes: true, calendarSequence: true } },
    },
  });
  if (participant === null) return { kind: 'withdrawn', problem: 'link_revoked' };
  const { conference } = participant;
  const cancelling = message.purpose === 'cancellation';
  if (!cancelling && (conference.status === 'ended' || conference.status === 'cancelled')) return { kind: 'withdrawn', problem: 'conference_over' };
  if (!cancelling && (participant.revokedAt !== null || participant.lobbyState === 'removed')) return { kind: 'withdrawn', problem: 'link_revoked' };

  const staff = participant.staffUserId !== null;
  let link: string | null = null;
  if (!cancelling) {
    if (staff) {
      link = `${ctx.baseUrl}/conferences/${conference.id}`;
    } else {
      const token = participant.sealedJoinToken === null ? null : openJoinToken(ctx.sealKey, participant.sealedJoinToken);
      if (token === null) {
        return { kind: 'failed', problem: 'link_unavailable', detail: 'the join link is no longer kept (it was made before messages were sent, or under another SAMPLAN_SECRET): invite the person again for a new link' };
      }
      link = `${ctx.baseUrl}${joinPath(token)}`;
    }
  }
  const facts = { purpose: message.purpose, language: message.language, start: conference.scheduledStart, minutes: conference.plannedDurationMinutes, link };
  if (message.channel === 'sms') return { kind: 'sms', text: guestSms(facts) };

  const text = staff ? staffEmail({ ...facts, kind: conference.kind }) : { ...guestEmail(facts), summary: null };
  const withCalendar = message.purpose !== 'reminder' && message.purpose !== 'call_back';
  const method = cancelling ? 'CANCEL' : 'REQUEST';
  const summary = text.summary ?? text.subject;
  return {
    kind: 'email',
    email: {
      to: message.recipient,
      subject: text.subject,
      text: text.text,
      messageId: `<${message.id}@samplan>`,
      ...(withCalendar
        ? {
            calendar: {
              method,
              content: icsOf({
                uid: conference.id,
                start: conference.scheduledStart.toISOString(),
                minutes: conference.plannedDurationMinutes,
                summary,
                description: link === null ? text.subject : `${summary}\n${link}`,
                url: link ?? `${ctx.baseUrl}/`,
                stamp: ctx.now.toISOString(),
                method,
                sequence: conference.calendarSequence,
                organizer: ctx.organizer,
                attendee: message.recipient,
              }),
            },
          }
        : {}),
    },
  };
}
