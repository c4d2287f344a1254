import { createTransport } from 'nodemailer';
import { DeliveryError } from '../deliveryError.ts';

export interface OutgoingEmail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  /** Stable per outbox row, so a mail system that sees it twice can tell. */
  readonly messageId: string;
  readonly calendar?: { readonly method: 'REQUEST' | 'CANCEL'; readonly content: string };
}

export interface EmailSender {
  /** The address messages come from; calendar files name it as organiser. */
  readonly fromAddress: string;
  send(email: OutgoingEmail): Promise<void>;
}

/** The bare address of "Samplan <samplan@region.dk>". */
export function addressOf(from: string): string {
  const match = /<([^>]+)>/.exec(from);
  return (match?.[1] ?? from).trim();
}

type SmtpFailure = Error & { responseCode?: number; code?: string; response?: string };

/** E-mail through the SMTP server at `url` (smtp:// or smtps://, user and password in it if needed); one connection per message, nothing held open. */
export function smtpMailer(url: string, from: string): EmailSender {
  const transport = createTransport(url);
  return {
    fromAddress: addressOf(from),
    async send(email) {
      try {
        await transport.sendMail({
          from,
          to: email.to,
          subject: email.subject,
          text: email.text,
          messageId: email.messageId,
          ...(email.calendar === undefined
            ? {}
            : {
                attachments: [
                  {
                    filename: email.calendar.method === 'CANCEL' ? 'cancelled.ics' : 'invitation.ics',
                    content: email.calendar.content,
                    contentType: `text/calendar; charset=utf-8; method=${email.calendar.method}`,
                  },
                ],
              }),
        });
      } catch (caught) {
        const error = caught as SmtpFailure;
        // 5xx: the server refuses for good (no such mailbox, policy); 4xx and no connection: try again later.
        const permanent = error.responseCode !== undefined && error.responseCode >= 500;
        throw new DeliveryError(`e-mail server: ${error.response ?? error.message}`, permanent);
      }
    },
  };
}
