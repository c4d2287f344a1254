import type { Principal } from '../auth/principal.ts';
import type { Db } from '../store/database.ts';
import type { Clock } from './clock.ts';

/** What every record procedure runs with: the database and the clock its rules read. */
export interface RecordContext {
  readonly db: Db;
  readonly now: Clock;
}

/** Who asks, and through which route or socket event (for the audit trail). */
export interface Caller {
  readonly principal: Principal;
  /** "GET /api/episodes/:episodeId" — the route pattern, never the URL with its ids. */
  readonly via: string;
}
