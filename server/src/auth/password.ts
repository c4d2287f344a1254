import { hash, verify } from '@node-rs/argon2';

/**
 * Argon2id with the library's defaults (19 MiB, 2 passes: OWASP's minimum
 * for argon2id). The parameters travel inside each hash, so raising them later
 * only affects new hashes.
 */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// Verified when the login is unknown, so that an unknown login takes as long as a wrong password.
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  if (storedHash === null) {
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
