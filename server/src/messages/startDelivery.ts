import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import type { Clock } from '../record/clock.ts';
import type { Db } from '../store/database.ts';
import { DeliveryWorker } from './deliveryWorker.ts';
import { smtpMailer } from './email/smtpMailer.ts';
import type { SealKey } from './joinLinkSeal.ts';
import { httpSmsGateway } from './sms/smsGateway.ts';

/**
 * The delivery worker with the transports the configuration names. Without
 * SMTP_URL or SMS_GATEWAY_URL (the embedded default) Samplan runs all the
 * same: those messages are shown to staff as not sent, with the reason, and
 * they copy the link as before.
 */
export function startDelivery(deps: { config: Config; db: Db; now: Clock; logger: Logger; sealKey: SealKey; baseUrl: string }): DeliveryWorker {
  const { config } = deps;
  const mailer = config.smtpUrl !== undefined && config.mailFrom !== undefined ? smtpMailer(config.smtpUrl, config.mailFrom) : undefined;
  const sms = config.smsGatewayUrl !== undefined && config.smsGatewayKey !== undefined ? httpSmsGateway(config.smsGatewayUrl, config.smsGatewayKey) : undefined;
  if (mailer === undefined) deps.logger.info('no e-mail server configured (SMTP_URL): invitations by e-mail are shown to staff as not sent');
  if (sms === undefined) deps.logger.info('no SMS gateway configured (SMS_GATEWAY_URL): text messages are shown to staff as not sent');
  const worker = new DeliveryWorker({
    db: deps.db,
    now: deps.now,
    logger: deps.logger,
    sealKey: deps.sealKey,
    baseUrl: deps.baseUrl,
    ...(mailer === undefined ? {} : { mailer }),
    ...(sms === undefined ? {} : { sms }),
    pollMs: config.messagePollMs,
    retryBaseMs: config.messageRetryMs,
    maxAttempts: config.messageAttempts,
  });
  worker.start();
  return worker;
}
