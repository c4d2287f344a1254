import { parse } from 'cookie';
import type { IncomingHttpHeaders } from 'node:http';
import type { CookieOptions } from 'express';
import { SESSION_IDLE_SECONDS } from './sessionToken.ts';

/**
 * In production the `__Host-` prefix makes the browser refuse the cookie
 * unless it is Secure, host-only and for path / — a subdomain cannot plant or
 * shadow it. Over plain http on a developer machine the prefix is not allowed.
 */
export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-samplan_session' : 'samplan_session';
}

export function sessionCookieOptions(secure: boolean, maxAgeSeconds: number = SESSION_IDLE_SECONDS): CookieOptions {
  // Lax: sent on a top-level navigation from a link in an SMS or e-mail, never with a cross-site POST.
  return { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: Math.max(0, maxAgeSeconds) * 1000 };
}

export function sessionTokenFromHeaders(headers: IncomingHttpHeaders, secure: boolean): string | null {
  const header = headers.cookie;
  if (typeof header !== 'string' || header.length === 0) return null;
  const value = parse(header)[sessionCookieName(secure)];
  return value === undefined || value.length === 0 ? null : value;
}
