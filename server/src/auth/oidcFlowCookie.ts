import { createHash } from 'node:crypto';
import { parse } from 'cookie';
import type { CookieOptions } from 'express';
import type { IncomingHttpHeaders } from 'node:http';
import { EncryptJWT, jwtDecrypt } from 'jose';
import { z } from 'zod';
import type { Clock } from '../record/clock.ts';

/**
 * What ties the provider's answer to the browser that went there: the state,
 * the nonce and the PKCE verifier of one sign-in, kept in a cookie of that
 * browser for as long as a person takes at the provider. The cookie is
 * encrypted and authenticated (A256GCM under a key derived from
 * SAMPLAN_SECRET): nobody can forge or alter it, and the verifier is not
 * readable even from the browser it sits in.
 */
export const FLOW_SECONDS = 10 * 60;

const flowSchema = z.object({
  organisationId: z.uuid(),
  state: z.string().min(1),
  nonce: z.string().min(1),
  verifier: z.string().min(43),
});
export type OidcFlow = z.infer<typeof flowSchema>;

// Its own key, so no other token sealed with SAMPLAN_SECRET could pass for a flow.
function keyOf(secret: string): Uint8Array {
  return createHash('sha256').update('samplan:oidc-flow\0').update(secret).digest();
}

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

export function flowCookieName(secure: boolean): string {
  return secure ? '__Host-samplan_oidc' : 'samplan_oidc';
}

// Lax: the provider sends the browser back with a top-level GET, which carries it; nothing cross-site may POST with it.
export function flowCookieOptions(secure: boolean): CookieOptions {
  return { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: FLOW_SECONDS * 1000 };
}

export async function sealFlow(flow: OidcFlow, secret: string, now: Clock): Promise<string> {
  const issuedAt = seconds(now());
  return new EncryptJWT({ ...flow })
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + FLOW_SECONDS)
    .encrypt(keyOf(secret));
}

/** The flow this browser started, or null: no cookie, a cookie altered or sealed under another secret, or one past its ten minutes. */
export async function openFlow(headers: IncomingHttpHeaders, secure: boolean, secret: string, now: Clock): Promise<OidcFlow | null> {
  const sealed = typeof headers.cookie === 'string' ? parse(headers.cookie)[flowCookieName(secure)] : undefined;
  if (sealed === undefined || sealed.length === 0) return null;
  try {
    const { payload } = await jwtDecrypt(sealed, keyOf(secret), { currentDate: now(), keyManagementAlgorithms: ['dir'], contentEncryptionAlgorithms: ['A256GCM'] });
    const flow = flowSchema.safeParse(payload);
    return flow.success ? flow.data : null;
  } catch {
    return null;
  }
}
