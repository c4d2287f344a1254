import { SamplanError } from '@samplan/shared';
import type { RequestHandler } from 'express';
import { sameOriginAllowed } from '../auth/sameOrigin.ts';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Refuses a state-changing request another site's page sent, before its body
 * is read. SameSite=Lax already keeps the cookie off a cross-site POST; this
 * does not depend on the browser's cookie rules or on every route needing a
 * session.
 */
export function originGuard(publicUrl: string | undefined): RequestHandler {
  return (req, _res, next) => {
    if (!STATE_CHANGING.has(req.method) || sameOriginAllowed(req.headers.origin, req.headers.host, publicUrl)) return next();
    next(new SamplanError('CROSS_ORIGIN', 'Requests from pages of another site are refused.'));
  };
}
