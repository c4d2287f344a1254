import { createHmac } from 'node:crypto';
import type { IceServer } from '@samplan/shared';

export type TurnSettings = { urls: readonly string[]; secret: string | undefined };

/**
 * Time-limited TURN credentials in coturn's REST-API scheme
 * (`use-auth-secret`): the username is "<expiry unix time>:<user>", the
 * credential base64(HMAC-SHA1(secret, username)). coturn checks both without
 * asking Samplan, and a leaked credential expires on its own.
 */
export function turnIceServers(turn: TurnSettings, user: string, ttlSeconds: number, nowMs = Date.now()): IceServer[] {
  if (turn.urls.length === 0 || turn.secret === undefined) return [];
  const username = `${Math.floor(nowMs / 1000) + ttlSeconds}:${user}`;
  const credential = createHmac('sha1', turn.secret).update(username).digest('base64');
  return [{ urls: [...turn.urls], username, credential }];
}
