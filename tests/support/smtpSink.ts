import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { waitUntil } from './waitUntil.ts';

/**
 * A real SMTP server on 127.0.0.1 for tests: Samplan's SMTP_URL points at it
 * and every mail that arrives is parsed (mailparser) and kept. A recipient
 * can be refused with 550, as a mail server refuses an unknown mailbox.
 */
export interface ReceivedEmail {
  readonly to: string[];
  readonly from: string;
  readonly subject: string;
  readonly text: string;
  readonly messageId: string;
  readonly attachments: ReadonlyArray<{ filename: string; contentType: string; content: string }>;
  readonly parsed: ParsedMail;
}

export interface SmtpSink {
  /** smtp://127.0.0.1:<port> */
  readonly url: string;
  readonly received: ReceivedEmail[];
  /** The first mail (already arrived or arriving within the timeout) that matches. */
  waitFor(match: (email: ReceivedEmail) => boolean, timeoutMs?: number): Promise<ReceivedEmail>;
  /** Mails to this address are refused (550) until accepted again. */
  refuse(address: string): void;
  accept(address: string): void;
  close(): Promise<void>;
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const received: ReceivedEmail[] = [];
  const refused = new Set<string>();
  const server = new SMTPServer({
    authOptional: true,
    // Samplan would upgrade to TLS when offered; the sink has no certificate to offer.
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (refused.has(address.address.toLowerCase())) {
        const error = Object.assign(new Error('mailbox unavailable'), { responseCode: 550 });
        callback(error);
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          received.push({
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase()),
            from: session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address,
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            messageId: parsed.messageId ?? '',
            attachments: parsed.attachments.map((attachment) => ({ filename: attachment.filename ?? '', contentType: attachment.contentType, content: attachment.content.toString('utf8') })),
            parsed,
          });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    waitFor: (match, timeoutMs = 10_000) =>
      waitUntil(() => received.find(match), timeoutMs, () => `no such e-mail; arrived: ${JSON.stringify(received.map((email) => ({ to: email.to, subject: email.subject })))}`),
    refuse: (address) => refused.add(address.toLowerCase()),
    accept: (address) => refused.delete(address.toLowerCase()),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
