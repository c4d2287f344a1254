import type { Logger } from '../../logger.ts';
import { releaseExpiredReservations } from './releaseExpired.ts';

type ExpiryContext = Parameters<typeof releaseExpiredReservations>[0];

/** How often a node looks for lapsed reservations; the overview counts a lapsed one free at once, this only writes it down and tells the screens. */
export const ACUTE_EXPIRY_POLL_MS = 10_000;

/**
 * Releases acute bed reservations whose time has run out by the record's
 * clock, in every server process (each sweep is safe beside another node's).
 * A test that moves the clock calls `sweep()` rather than waiting.
 */
export class AcuteExpiry {
  readonly #ctx: ExpiryContext;
  readonly #logger: Logger;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<number> | undefined;

  constructor(ctx: ExpiryContext, logger: Logger) {
    this.#ctx = ctx;
    this.#logger = logger;
  }

  start(): void {
    this.#timer = setInterval(() => {
      this.sweep().catch((error: unknown) => this.#logger.error({ err: error }, 'lapsed acute bed reservations could not be released'));
    }, ACUTE_EXPIRY_POLL_MS);
    this.#timer.unref();
  }

  /** Releases every lapsed reservation now; resolves with how many. A sweep under way is waited for, then one more runs. */
  async sweep(): Promise<number> {
    await this.#running?.catch(() => 0);
    this.#running = this.#sweepAll();
    return this.#running;
  }

  async stop(): Promise<void> {
    clearInterval(this.#timer);
    await this.#running?.catch(() => 0);
  }

  async #sweepAll(): Promise<number> {
    let total = 0;
    for (;;) {
      const released = await releaseExpiredReservations(this.#ctx);
      total += released;
      if (released === 0) return total;
    }
  }
}
