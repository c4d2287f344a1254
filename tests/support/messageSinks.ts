import type { Config } from '@samplan/server/config.ts';
import { type SmsSink, startSmsSink } from './smsSink.ts';
import { type SmtpSink, startSmtpSink } from './smtpSink.ts';

/**
 * A real SMTP server and a real HTTP SMS gateway on 127.0.0.1, and the
 * Samplan settings that send to them (pass `config` to startTestSamplan):
 * a fast poll and short retries, so a test sees a reminder soon after it
 * moves the clock.
 */
export interface MessageSinks {
  readonly smtp: SmtpSink;
  readonly sms: SmsSink;
  readonly config: Partial<Config>;
  close(): Promise<void>;
}

export const TEST_MAIL_FROM = 'Samplan <samplan@samplan.test>';

export async function startMessageSinks(): Promise<MessageSinks> {
  const smtp = await startSmtpSink();
  const sms = await startSmsSink();
  return {
    smtp,
    sms,
    config: { smtpUrl: smtp.url, mailFrom: TEST_MAIL_FROM, smsGatewayUrl: sms.url, smsGatewayKey: sms.key, messagePollMs: 200, messageRetryMs: 100, messageAttempts: 3 },
    close: async () => {
      await smtp.close();
      await sms.close();
    },
  };
}

/** The join link's path in a message's text (/join/<token>). */
export function joinPathIn(text: string): string {
  const match = /\/join\/[A-Za-z0-9_-]+/.exec(text);
  if (match === null) throw new Error(`no join link in: ${text}`);
  return match[0];
}
