import type { Principal } from '../auth/principal.ts';
import type { DomainEventPublisher } from '../events/domainEvents.ts';
import type { Db } from '../store/database.ts';
import type { Clock } from './clock.ts';

/** What every record procedure runs with: the database, the clock its rules read, and where it says what it did. */
export interface RecordContext {
  readonly db: Db;
  readonly now: Clock;
  readonly events: DomainEventPublisher;
}

/** Who asks, and through which route or socket event (for the audit trail). */
export interface Caller {
  readonly principal: Principal;
  /** "GET /api/episodes/:episodeId" — the route pattern, never the URL with its ids. */
  readonly via: string;
  /**
   * The socket the request came over, when it did: it gets its answer, so
   * what the request changed is not sent back to it as a notice as well.
   */
  readonly origin?: string;
}
