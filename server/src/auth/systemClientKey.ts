import { createHash, randomBytes } from 'node:crypto';

/**
 * A system client's API key: "spk_" and 32 random bytes (base64url). Only the
 * SHA-256 is stored, as for join links: the key is random, not a chosen
 * password, so a plain hash is enough. The prefix (the first 12 characters)
 * is kept in clear for administrators to tell keys apart.
 */
export const SYSTEM_CLIENT_KEY_PREFIX = 'spk_';
const KEY_BYTES = 32;
const SHOWN_PREFIX_LENGTH = 12;

export interface NewSystemClientKey {
  /** Shown once, to the administrator who made it. */
  readonly key: string;
  readonly keyPrefix: string;
  readonly keyHash: string;
}

export function newSystemClientKey(): NewSystemClientKey {
  const key = SYSTEM_CLIENT_KEY_PREFIX + randomBytes(KEY_BYTES).toString('base64url');
  return { key, keyPrefix: key.slice(0, SHOWN_PREFIX_LENGTH), keyHash: hashSystemClientKey(key) };
}

export function hashSystemClientKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}
