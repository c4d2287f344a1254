import { z } from 'zod';
import { mobileNumberSchema } from '../domain/mobileNumber.ts';
import { isoInstantSchema, recordIdSchema } from './common.ts';
import { preferredLanguageSchema } from './intake.ts';

/** The same lists as the enums in prisma/schema.prisma (a test compares them). */
export const MESSAGE_CHANNELS = ['email', 'sms'] as const;
export const MESSAGE_PURPOSES = ['invitation', 'reminder', 'update', 'cancellation', 'call_back'] as const;
export const MESSAGE_STATUSES = ['queued', 'sending', 'sent', 'failed', 'withdrawn'] as const;
export const MESSAGE_PROBLEMS = [
  'no_email_server',
  'no_sms_gateway',
  'bad_recipient',
  'delivery_failed',
  'link_unavailable',
  'conference_over',
  'link_revoked',
  'superseded',
] as const;

export const messageChannelSchema = z.enum(MESSAGE_CHANNELS);
export type MessageChannel = z.infer<typeof messageChannelSchema>;

/** One e-mail or text message as staff see it: to whom, why, and what became of it (never its text or link). */
export const outboundMessageViewSchema = z.object({
  id: recordIdSchema,
  participantId: recordIdSchema,
  name: z.string(),
  channel: messageChannelSchema,
  purpose: z.enum(MESSAGE_PURPOSES),
  recipient: z.string(),
  language: preferredLanguageSchema,
  status: z.enum(MESSAGE_STATUSES),
  attempts: z.number().int().min(0),
  notBefore: isoInstantSchema,
  sentAt: isoInstantSchema.nullable(),
  /** Why it was not sent (a code staff read in their words), with what the mail server or gateway said. */
  problem: z.enum(MESSAGE_PROBLEMS).nullable(),
  lastError: z.string().nullable(),
  createdAt: isoInstantSchema,
});
export type OutboundMessageView = z.infer<typeof outboundMessageViewSchema>;

/** GET /api/conferences/:conferenceId/messages — newest first. */
export const messageListResponseSchema = z.object({ messages: z.array(outboundMessageViewSchema) });

/**
 * POST /api/conferences/:conferenceId/participants/:participantId/messages —
 * the invitation (with the link) once more, on one channel; with a recipient,
 * to that corrected address, which the participant's later messages use too.
 */
export const resendMessageRequestSchema = z.discriminatedUnion('channel', [
  z.object({ channel: z.literal('sms'), recipient: mobileNumberSchema.optional() }),
  z.object({ channel: z.literal('email'), recipient: z.email().max(200).optional() }),
]);
export type ResendMessageRequest = z.input<typeof resendMessageRequestSchema>;
export const resendMessageResponseSchema = z.object({ message: outboundMessageViewSchema });
