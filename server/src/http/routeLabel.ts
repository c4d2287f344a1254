import type { Request } from 'express';
import { MOUNTS as ROUTE_MOUNTS } from './route.ts';

/** Where routers are mounted; after an error Express has already restored `req.baseUrl`, so the mount is found from the path. */
const MOUNTS = Object.values(ROUTE_MOUNTS);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const WORD = /^[a-z][a-z-]*$/;
/** A built file such as index-B2x9c1.js: one dot, a short extension (a JWT has two dots). */
const ASSET = /^[\w-]{1,80}\.[a-z0-9]{1,8}$/;
const REDACTED = '[redacted]';

function pathOf(url: string): string {
  const end = url.search(/[?#]/);
  return end === -1 ? url : url.slice(0, end);
}

function mountOf(path: string): string {
  return MOUNTS.find((mount) => path === mount || path.startsWith(`${mount}/`)) ?? '';
}

/**
 * The route a request matched, as its pattern (`/api/conferences/:conferenceId`),
 * for metric labels and logs: never a raw path, which would carry ids, join
 * tokens or a patient's number and make one time series per request.
 */
export function routeLabelOf(req: Pick<Request, 'originalUrl' | 'baseUrl' | 'route'>): string {
  const path = pathOf(req.originalUrl);
  const pattern: unknown = req.route?.path;
  if (typeof pattern === 'string') return `${req.baseUrl || mountOf(path)}${pattern}`;
  if (path.startsWith('/assets/')) return '/assets/*';
  const mount = mountOf(path);
  return mount === '' ? '*' : `${mount}/*`;
}

/**
 * The path as a log may show it: the mount, words (`conferences`), record ids (UUIDs)
 * and built file names stay; anything else in the path (a join token, a CPR
 * number, a name) is replaced, and so is every query value.
 */
export function redactedPathOf(url: string): string {
  const path = pathOf(url);
  const mount = mountOf(path);
  const segments = path.slice(mount.length).split('/').map((segment) => (segment === '' || WORD.test(segment) || UUID.test(segment) || ASSET.test(segment) ? segment : REDACTED));
  const queryStart = url.indexOf('?');
  const kept = `${mount}${segments.join('/')}`;
  if (queryStart === -1) return kept;
  const keys = [...new URLSearchParams(url.slice(queryStart + 1).split('#')[0]).keys()];
  const query = keys.map((key) => `${/^[a-zA-Z]{1,40}$/.test(key) ? key : REDACTED}=${REDACTED}`).join('&');
  return `${kept}?${query}`;
}
