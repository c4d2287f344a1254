import { createHash, randomBytes } from 'node:crypto';

/**
 * A set-password link carries 32 random bytes (base64url), like a join link,
 * and only the SHA-256 of it is stored: a copy of the database sets nobody's
 * password. It works once, for three days, and is shown once, to the
 * administrator who issued it (e-mail delivery is another issue's).
 */
const TOKEN_BYTES = 32;
export const PASSWORD_LINK_LIFETIME_MS = 72 * 60 * 60_000;

export function newPasswordSetToken(): { token: string; tokenHash: string } {
  const token = randomBytes(TOKEN_BYTES).toString('base64url');
  return { token, tokenHash: hashPasswordSetToken(token) };
}

export function hashPasswordSetToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function passwordSetPath(token: string): string {
  return `/set-password/${token}`;
}
