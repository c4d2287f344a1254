import { passwordLinkStateSchema, passwordLinkTokenParamsSchema, setPasswordRequestSchema } from '@samplan/shared';
import type { RequestHandler } from 'express';
import { readPasswordLink, setPasswordWithLink } from '../../auth/setPasswordWithLink.ts';
import type { Clock } from '../../record/clock.ts';
import type { Db } from '../../store/database.ts';
import { type AnyRoute, route, viaOf } from '../route.ts';

export interface PasswordLinkRouteDeps {
  db: Db;
  now: Clock;
  /** Guessing links is slowed per address, as sign-in is. */
  limiter: RequestHandler;
}

/** The public set-password page's routes: the link is the key, no session. */
export function passwordLinkRoutes(deps: PasswordLinkRouteDeps): AnyRoute[] {
  const read = { method: 'get', path: '/password-links/:linkToken' } as const;
  const use = { method: 'post', path: '/password-links/:linkToken' } as const;
  return [
    route({
      ...read,
      summary: 'Whose set-password link this is (name and login), or why it no longer works (used, expired, deactivated).',
      tag: 'auth',
      access: 'public',
      params: passwordLinkTokenParamsSchema,
      response: passwordLinkStateSchema,
      before: [deps.limiter],
      handler: ({ params }) => readPasswordLink(deps, params.linkToken, viaOf(read)),
    }),
    route({
      ...use,
      summary: "Set the password with a one-time link; the person's open sessions end, and they sign in with it.",
      tag: 'auth',
      access: 'public',
      params: passwordLinkTokenParamsSchema,
      body: setPasswordRequestSchema,
      response: null,
      before: [deps.limiter],
      handler: ({ params, body }) => setPasswordWithLink(deps, params.linkToken, body.password, viaOf(use)),
    }),
  ];
}
