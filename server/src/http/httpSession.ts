import type { RequestHandler, Response } from 'express';
import type { Principal, PrincipalResolver } from '../auth/principal.ts';
import { sessionCookieName, sessionCookieOptions } from '../auth/sessionCookie.ts';
import { endSession } from '../auth/sessions.ts';
import { type SessionClaims, shouldRenew, signSessionToken } from '../auth/sessionToken.ts';
import type { Clock } from '../record/clock.ts';
import type { DbClient } from '../store/database.ts';
import type { SessionControl } from './route.ts';

export interface SessionDeps {
  principals: PrincipalResolver;
  db: DbClient;
  secret: string;
  secureCookies: boolean;
  now: Clock;
}

const PRINCIPAL = 'principal';

export function principalOf(res: Response): Principal | null {
  return (res.locals[PRINCIPAL] as Principal | null | undefined) ?? null;
}

export function sessionControl(res: Response, deps: Pick<SessionDeps, 'secureCookies' | 'now' | 'db'>): SessionControl {
  const name = sessionCookieName(deps.secureCookies);
  return {
    set(token: string, claims: SessionClaims) {
      res.cookie(name, token, sessionCookieOptions(deps.secureCookies, claims.exp - Math.floor(deps.now().getTime() / 1000)));
    },
    async clear() {
      const current = principalOf(res);
      if (current !== null) await endSession(deps.db, current.session);
      res.clearCookie(name, { ...sessionCookieOptions(deps.secureCookies), maxAge: undefined });
    },
  };
}

/**
 * Finds who is asking from the session cookie, before any route runs. A
 * session in use is renewed every few minutes (idle timeout), never past its
 * absolute end; a cookie that no longer names anyone is cleared.
 */
export function sessionMiddleware(deps: SessionDeps): RequestHandler {
  return async (req, res, next) => {
    try {
      const principal = await deps.principals.principalFromRequest(req);
      res.locals[PRINCIPAL] = principal;
      if (principal !== null && shouldRenew(principal.session, deps.now)) {
        const { session } = principal;
        const renewed = await signSessionToken(
          { kind: session.kind, subject: session.sub, authTime: session.auth_time, jti: session.jti, notAfter: session.max },
          deps.secret,
          deps.now,
        );
        sessionControl(res, deps).set(renewed.token, renewed.claims);
      }
      next();
    } catch (error) {
      next(error);
    }
  };
}
