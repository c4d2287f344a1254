import { hash, verify } from '@node-rs/argon2';

/**
 * Argon2id with the library's defaults (19 MiB, 2 passes: OWASP's minimum
 * for argon2id). The parameters travel inside each hash, so raising them later
 * only affects new hashes.
 */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/**
 * The stored hash of an account whose person has not chosen a password yet
 * (made by an administrator, waiting for its set-password link). It matches
 * nothing, and is checked as slowly as an unknown login.
 */
export const NO_PASSWORD = '';

// Verified when the login is unknown, so that an unknown login takes as long as a wrong password.
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  if (storedHash === null || storedHash === NO_PASSWORD) {
    await verify(await (dummyHash ??= hash('not-a-password')), password).catch(() => false);
    return false;
  }
  try {
    return await verify(storedHash, password);
  } catch {
    // A malformed stored hash (e.g. an account created without a password) never matches.
    return false;
  }
}
