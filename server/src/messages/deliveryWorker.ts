import type { Logger } from '../logger.ts';
import type { Clock } from '../record/clock.ts';
import type { Db } from '../store/database.ts';
import type { MessageProblem } from '../store/generated/enums.ts';
import { type ClaimedMessage, composeMessage } from './composeMessage.ts';
import { DeliveryError } from './deliveryError.ts';
import type { EmailSender } from './email/smtpMailer.ts';
import type { SealKey } from './joinLinkSeal.ts';
import type { SmsSender } from './sms/smsGateway.ts';

export interface DeliveryWorkerOptions {
  readonly db: Db;
  /** The record's clock: when a reminder is due, when a retry may go. */
  readonly now: Clock;
  readonly logger: Logger;
  readonly sealKey: SealKey;
  readonly baseUrl: string;
  /** Unset: no e-mail server configured; e-mails are marked failed with that reason, for staff to copy the link. */
  readonly mailer?: EmailSender;
  readonly sms?: SmsSender;
  /** How often the outbox is looked at without a nudge (other nodes' messages, reminders coming due). */
  readonly pollMs: number;
  /** The first retry's delay; each further one doubles it. */
  readonly retryBaseMs: number;
  /** Attempts before a message is shown as failed. */
  readonly maxAttempts: number;
}

/** How long a claim holds (real time) before another node may take the row over: a node that died mid-send. */
const LEASE_MS = 5 * 60_000;
const BATCH = 10;

/**
 * Sends what the outbox holds that is due, in the server process. Rows are
 * claimed with one UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP LOCKED)
 * RETURNING, so two nodes on one PostgreSQL never take the same row, and it
 * runs the same on PGlite. A send that fails is tried again with a doubling
 * delay, then shown failed with what the server or gateway said.
 */
export class DeliveryWorker {
  readonly #options: DeliveryWorkerOptions;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #again = false;
  #stopped = true;

  constructor(options: DeliveryWorkerOptions) {
    this.#options = options;
  }

  start(): void {
    this.#stopped = false;
    this.kick();
  }

  /** Look now (a record change has just queued something); a look under way looks once more when done. */
  kick(): void {
    if (this.#stopped) return;
    if (this.#running !== undefined) {
      this.#again = true;
      return;
    }
    clearTimeout(this.#timer);
    this.#running = this.#drain().finally(() => {
      this.#running = undefined;
      if (this.#stopped) return;
      if (this.#again) {
        this.#again = false;
        this.kick();
      } else {
        this.#timer = setTimeout(() => this.kick(), this.#options.pollMs);
      }
    });
  }

  /** Stops looking; resolves when the send under way has been recorded, so a restart sends nothing twice. */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    await this.#running;
  }

  async #drain(): Promise<void> {
    try {
      for (;;) {
        if (this.#stopped) return;
        const claimed = await this.#claim();
        for (const message of claimed) await this.#deliver(message);
        if (claimed.length < BATCH) return;
      }
    } catch (error) {
      this.#options.logger.error({ err: error }, 'the message outbox could not be read');
    }
  }

  #claim(): Promise<ClaimedMessage[]> {
    const now = this.#options.now();
    const leaseEnds = new Date(Date.now() + LEASE_MS);
    return this.#options.db.$queryRaw<ClaimedMessage[]>`
      UPDATE "OutboundMessage"
         SET "status" = 'sending', "attempts" = "attempts" + 1, "lockedUntil" = ${leaseEnds}, "updatedAt" = ${new Date()}
       WHERE "id" IN (
         SELECT "id" FROM "OutboundMessage"
          WHERE ("status" = 'queued' AND "notBefore" <= ${now})
             OR ("status" = 'sending' AND "lockedUntil" <= ${new Date()})
          ORDER BY "notBefore"
          LIMIT ${BATCH}
          FOR UPDATE SKIP LOCKED)
      RETURNING "id", "channel"::text AS "channel", "purpose"::text AS "purpose", "recipient", "language"::text AS "language",
                "attempts", "conferenceId", "participantId"`;
  }

  async #deliver(message: ClaimedMessage): Promise<void> {
    const { db, logger } = this.#options;
    const now = this.#options.now();
    try {
      if (message.channel === 'email' && this.#options.mailer === undefined) {
        return await this.#fail(message, 'no_email_server', 'no e-mail server configured (SMTP_URL): copy the link to the person');
      }
      if (message.channel === 'sms' && this.#options.sms === undefined) {
        return await this.#fail(message, 'no_sms_gateway', 'no SMS gateway configured (SMS_GATEWAY_URL): copy the link to the person');
      }
      const composed = await composeMessage(
        { db, sealKey: this.#options.sealKey, baseUrl: this.#options.baseUrl, organizer: this.#options.mailer?.fromAddress ?? 'samplan@localhost', now },
        message,
      );
      switch (composed.kind) {
        case 'withdrawn':
          return await this.#finish(message, { status: 'withdrawn', problem: composed.problem });
        case 'failed':
          return await this.#fail(message, composed.problem, composed.detail);
        case 'email':
          await this.#options.mailer?.send(composed.email);
          break;
        case 'sms':
          await this.#options.sms?.send({ to: message.recipient, text: composed.text, reference: message.id });
          break;
      }
      await this.#finish(message, { status: 'sent', sentAt: now, problem: null, lastError: null });
      logger.info({ messageId: message.id, channel: message.channel, purpose: message.purpose }, 'message sent');
    } catch (error) {
      const detail = error instanceof DeliveryError ? error.message : `could not be sent: ${(error as Error).message}`;
      const permanent = error instanceof DeliveryError && error.permanent;
      if (permanent || message.attempts >= this.#options.maxAttempts) {
        await this.#fail(message, 'delivery_failed', permanent ? detail : `${detail} (gave up after ${message.attempts} attempts)`);
        return;
      }
      const delay = this.#options.retryBaseMs * 2 ** (message.attempts - 1);
      logger.warn({ messageId: message.id, channel: message.channel, attempts: message.attempts, detail }, 'message not sent, trying again later');
      await this.#finish(message, { status: 'queued', notBefore: new Date(now.getTime() + delay), lastError: detail });
    }
  }

  async #fail(message: ClaimedMessage, problem: MessageProblem, detail: string): Promise<void> {
    this.#options.logger.warn({ messageId: message.id, channel: message.channel, problem, detail }, 'message not sent');
    await this.#finish(message, { status: 'failed', problem, lastError: detail });
  }

  /** Only the holder of the claim records the outcome (a lapsed claim taken over elsewhere is theirs now). */
  async #finish(message: ClaimedMessage, data: { status: 'sent' | 'failed' | 'withdrawn' | 'queued'; problem?: MessageProblem | null; lastError?: string | null; sentAt?: Date; notBefore?: Date }): Promise<void> {
    await this.#options.db.outboundMessage.updateMany({
      where: { id: message.id, status: 'sending', attempts: message.attempts },
      data: { ...data, lockedUntil: null },
    });
  }
}
