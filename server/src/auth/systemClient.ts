import type { DbClient } from '../store/database.ts';
import { hashSystemClientKey, SYSTEM_CLIENT_KEY_PREFIX } from './systemClientKey.ts';

/**
 * Who a hospital system is: its `Authorization: Bearer <api key>` looked up
 * by the key's hash. Systems are not people, so they have no session: every
 * call carries its key, and a key deactivated a second ago no longer works.
 */
export interface SystemCaller {
  readonly systemClientId: string;
  readonly name: string;
  readonly organisationId: string;
  /** "POST /fhir/R4": the route pattern, for the audit trail. */
  readonly via: string;
}

export type SystemClientAuthentication =
  | { readonly ok: true; readonly caller: SystemCaller }
  /** 401: no key, or none Samplan knows (or one deactivated): the caller is nobody. */
  | { readonly ok: false; readonly status: 401; readonly reason: 'missing' | 'unknown' | 'deactivated'; readonly systemClientId: string | null }
  /** 403: a known, active system without the scope this route needs. */
  | { readonly ok: false; readonly status: 403; readonly reason: 'scope'; readonly systemClientId: string };

/** The key from an Authorization header, or null when there is none of Samplan's shape. */
export function bearerKeyOf(header: string | undefined): string | null {
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header ?? '');
  const key = match?.[1];
  return key !== undefined && key.startsWith(SYSTEM_CLIENT_KEY_PREFIX) ? key : null;
}

export async function authenticateSystemClient(db: DbClient, authorization: string | undefined, scope: string, via: string): Promise<SystemClientAuthentication> {
  const key = bearerKeyOf(authorization);
  if (key === null) return { ok: false, status: 401, reason: 'missing', systemClientId: null };
  const client = await db.systemClient.findUnique({
    where: { keyHash: hashSystemClientKey(key) },
    select: { id: true, name: true, organisationId: true, scopes: true, deactivatedAt: true },
  });
  if (client === null) return { ok: false, status: 401, reason: 'unknown', systemClientId: null };
  // A deactivated key is answered like an unknown one (nothing to learn from it), but the trail keeps whose it was.
  if (client.deactivatedAt !== null) return { ok: false, status: 401, reason: 'deactivated', systemClientId: client.id };
  if (!client.scopes.includes(scope)) return { ok: false, status: 403, reason: 'scope', systemClientId: client.id };
  return { ok: true, caller: { systemClientId: client.id, name: client.name, organisationId: client.organisationId, via } };
}
