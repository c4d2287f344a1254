import type { Clock } from '../record/clock.ts';
import type { DbClient } from '../store/database.ts';
import { type NewSession, type SessionClaims, signSessionToken } from './sessionToken.ts';

export interface SessionStoreDeps {
  db: DbClient;
  secret: string;
  now: Clock;
}

export interface SignedSession {
  token: string;
  claims: SessionClaims;
}

/**
 * A new session: its token, and the row that keeps it alive (see AuthSession
 * in schema.prisma). Renewals reuse the jti and need no row of their own.
 * Rows past their absolute end are swept here, once per sign-in, rather than
 * by a timer every node would run.
 */
export async function startSession(deps: SessionStoreDeps, session: Omit<NewSession, 'jti' | 'authTime'>): Promise<SignedSession> {
  const signed = await signSessionToken(session, deps.secret, deps.now);
  const { claims } = signed;
  const holder = claims.kind === 'staff' ? { staffUserId: claims.sub } : { participantId: claims.sub };
  await deps.db.authSession.deleteMany({ where: { notAfter: { lt: deps.now() } } });
  await deps.db.authSession.create({ data: { id: claims.jti, ...holder, notAfter: new Date(claims.max * 1000) } });
  return signed;
}

/** Logout: the token, and every copy of it, is refused from now on, on every node. */
export async function endSession(db: DbClient, claims: SessionClaims): Promise<void> {
  await db.authSession.deleteMany({ where: { id: claims.jti } });
}
