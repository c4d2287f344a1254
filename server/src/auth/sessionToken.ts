import { randomUUID } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import type { Clock } from '../record/clock.ts';

/**
 * A session is a signed token in a cookie: the staff user or conference
 * participant it stands for, when they signed in, and when it lapses. What
 * they may do is looked up on every request (deactivated staff, revoked links
 * and removed participants lose access at once); the token only says who.
 */
export const SESSION_KINDS = ['staff', 'participant'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

/** Idle time after which a session lapses; each request that finds it older than RENEW_AFTER extends it. */
export const SESSION_IDLE_SECONDS = 60 * 60;
/** A staff session ends after a shift, however busy (the idle renewal never goes past it). */
export const STAFF_SESSION_MAX_SECONDS = 12 * 60 * 60;
/** Renewing on every request would set a cookie on every answer; a few minutes' granularity is enough. */
export const SESSION_RENEW_AFTER_SECONDS = 5 * 60;

const claimsSchema = z.object({
  sub: z.uuid(),
  kind: z.enum(SESSION_KINDS),
  jti: z.uuid(),
  /** When the person signed in (seconds). */
  auth_time: z.number().int(),
  /** The absolute end (seconds) no renewal goes past: a shift for staff, the link's expiry for a guest. */
  max: z.number().int(),
  iat: z.number().int(),
  exp: z.number().int(),
});
export type SessionClaims = z.infer<typeof claimsSchema>;

// Distinct from room tokens' audience, so neither is accepted as the other.
const AUDIENCE = 'samplan:session';
const ALGORITHM = 'HS256';

function keyOf(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

export interface NewSession {
  kind: SessionKind;
  subject: string;
  /** Seconds; a renewal keeps the original sign-in time. */
  authTime?: number;
  /** The absolute end (seconds); required for a participant (their link's expiry), a shift after sign-in for staff by default. */
  notAfter?: number;
  /** Kept across renewals so that a logout revokes the renewed token too. */
  jti?: string;
}

export async function signSessionToken(session: NewSession, secret: string, now: Clock): Promise<{ token: string; claims: SessionClaims }> {
  const issuedAt = seconds(now());
  const authTime = session.authTime ?? issuedAt;
  const shiftEnd = authTime + STAFF_SESSION_MAX_SECONDS;
  const max = session.kind === 'staff' ? Math.min(shiftEnd, session.notAfter ?? shiftEnd) : session.notAfter;
  if (max === undefined) throw new RangeError('a participant session needs the end of its link');
  const claims: SessionClaims = {
    sub: session.subject,
    kind: session.kind,
    jti: session.jti ?? randomUUID(),
    auth_time: authTime,
    max,
    iat: issuedAt,
    exp: Math.min(issuedAt + SESSION_IDLE_SECONDS, max),
  };
  const token = await new SignJWT({ kind: claims.kind, auth_time: claims.auth_time, max: claims.max })
    .setProtectedHeader({ alg: ALGORITHM })
    .setAudience(AUDIENCE)
    .setSubject(claims.sub)
    .setJti(claims.jti)
    .setIssuedAt(claims.iat)
    .setExpirationTime(claims.exp)
    .sign(keyOf(secret));
  return { token, claims };
}

/** Null for anything but a valid, unexpired session token: forged, expired, malformed or of another audience. */
export async function verifySessionToken(token: string, secret: string, now: Clock): Promise<SessionClaims | null> {
  try {
    const { payload } = await jwtVerify(token, keyOf(secret), {
      algorithms: [ALGORITHM],
      audience: AUDIENCE,
      currentDate: now(),
      requiredClaims: ['exp', 'iat', 'sub', 'jti'],
    });
    const parsed = claimsSchema.safeParse(payload);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Whether a request should carry a renewed cookie back. */
export function shouldRenew(claims: SessionClaims, now: Clock): boolean {
  return seconds(now()) - claims.iat >= SESSION_RENEW_AFTER_SECONDS && claims.exp < claims.max;
}
