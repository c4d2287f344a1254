import { createHash, randomBytes } from 'node:crypto';

/**
 * A join link carries 32 random bytes (base64url, 43 characters). Only the
 * SHA-256 of it is stored: a copy of the database opens no conference. A
 * plain hash is enough because the token is random, not a chosen password.
 */
export const JOIN_TOKEN_BYTES = 32;

/** A link stays usable this long after the conference's scheduled end, or after it was ended (calls run over; people reread the plan). */
export const JOIN_LINK_GRACE_MS = 60 * 60_000;

export function newJoinToken(): { token: string; tokenHash: string } {
  const token = randomBytes(JOIN_TOKEN_BYTES).toString('base64url');
  return { token, tokenHash: hashJoinToken(token) };
}

export function hashJoinToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function joinLinkExpiry(conferenceEnd: Date): Date {
  return new Date(conferenceEnd.getTime() + JOIN_LINK_GRACE_MS);
}

export function joinPath(token: string): string {
  return `/join/${token}`;
}
