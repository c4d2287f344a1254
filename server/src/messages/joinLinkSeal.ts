import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * A join link kept for the messages that must carry it (the invitation, the
 * reminder, an update, a resend). The database holds it only sealed with
 * AES-256-GCM under a key derived from SAMPLAN_SECRET: a copy of the database
 * alone opens no conference. A changed secret makes old seals unreadable,
 * which the delivery worker reports as "link unavailable".
 */
export type SealKey = Buffer & { readonly __sealKey: true };

const IV_BYTES = 12;
const TAG_BYTES = 16;

export function sealKeyOf(secret: string): SealKey {
  return Buffer.from(hkdfSync('sha256', secret, 'samplan', 'join link in outbound messages', 32)) as SealKey;
}

export function sealJoinToken(key: SealKey, token: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

/** The token, or null when the seal was made under another secret (or altered). */
export function openJoinToken(key: SealKey, sealed: string): string | null {
  const raw = Buffer.from(sealed, 'base64url');
  if (raw.length <= IV_BYTES + TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
