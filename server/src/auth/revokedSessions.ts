import type { Clock } from '../record/clock.ts';

/**
 * Sessions ended by logout before their expiry. Held in memory until they
 * would have expired anyway (at most SESSION_IDLE_SECONDS), so the set stays
 * small. With several server nodes a logout reaches only the node that took
 * it; the cookie is cleared in the browser regardless, and the token lapses
 * within the idle time.
 */
export class RevokedSessions {
  readonly #until = new Map<string, number>();
  readonly #now: Clock;

  constructor(now: Clock) {
    this.#now = now;
  }

  revoke(jti: string, expiresAtSeconds: number): void {
    this.#sweep();
    this.#until.set(jti, expiresAtSeconds);
  }

  has(jti: string): boolean {
    return this.#until.has(jti);
  }

  #sweep(): void {
    const now = this.#now().getTime() / 1000;
    for (const [jti, until] of this.#until) if (until <= now) this.#until.delete(jti);
  }
}
