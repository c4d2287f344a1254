import { iceServersResponseSchema, joinParamsSchema, loginRequestSchema, meResponseSchema, signInOrganisationsResponseSchema } from '@samplan/shared';
import type { RequestHandler } from 'express';
import { describePrincipal } from '../../auth/me.ts';
import type { PrincipalResolver } from '../../auth/principal.ts';
import { loginStaff } from '../../auth/login.ts';
import { signInOrganisations } from '../../auth/signInOrganisations.ts';
import { redeemJoinLink } from '../../auth/redeemJoinLink.ts';
import type { SessionClaims } from '../../auth/sessionToken.ts';
import { turnIceServers, type TurnSettings } from '../../media/iceServers.ts';
import type { DomainEventPublisher } from '../../events/domainEvents.ts';
import type { Clock } from '../../record/clock.ts';
import type { Db } from '../../store/database.ts';
import { type AnyRoute, route, type SessionControl } from '../route.ts';
import { SamplanError } from '@samplan/shared';

export interface AuthRouteDeps {
  db: Db;
  secret: string;
  now: Clock;
  principals: PrincipalResolver;
  loginLimiters: RequestHandler[];
  joinLimiter: RequestHandler;
  turn: TurnSettings;
  /** A guest arriving in a lobby is told to the host's screens (app.ts). */
  events: DomainEventPublisher;
}

export function authRoutes(deps: AuthRouteDeps): AnyRoute[] {
  /** Sets the cookie and answers who the new session is. */
  const signedIn = async (session: SessionControl, signed: { token: string; claims: SessionClaims }) => {
    const principal = await deps.principals.principalFromSession(signed.claims);
    if (principal === null) throw new SamplanError('UNAUTHORIZED', 'The session could not be started.');
    session.set(signed.token, signed.claims);
    return describePrincipal(deps.db, principal, deps.now);
  };

  return [
    route({
      method: 'post',
      path: '/auth/login',
      summary: 'Staff sign in with login and password; the answer sets the session cookie.',
      tag: 'auth',
      access: 'public',
      body: loginRequestSchema,
      response: meResponseSchema,
      before: deps.loginLimiters,
      handler: async ({ body, session }) => signedIn(session, await loginStaff(deps, body)),
    }),
    route({
      method: 'get',
      path: '/auth/organisations',
      summary: 'The organisations whose staff sign in through their own identity provider (GET /api/auth/oidc/start?organisation=<id> begins it).',
      tag: 'auth',
      access: 'public',
      response: signInOrganisationsResponseSchema,
      handler: () => signInOrganisations(deps.db),
    }),
    route({
      method: 'post',
      path: '/auth/logout',
      summary: 'Ends the session (the cookie is cleared and the session refused from now on).',
      tag: 'auth',
      access: 'public',
      response: null,
      handler: async ({ session }) => session.clear(),
    }),
    route({
      method: 'get',
      path: '/auth/me',
      summary: 'Who the session is, and what they may do.',
      tag: 'auth',
      access: 'signed-in',
      response: meResponseSchema,
      handler: ({ caller }) => describePrincipal(deps.db, caller.principal, deps.now),
    }),
    route({
      method: 'get',
      path: '/ice-servers',
      summary: 'TURN servers with credentials valid for an hour, for checking the connection before a call.',
      tag: 'auth',
      access: 'signed-in',
      response: iceServersResponseSchema,
      handler: async ({ caller }) => ({ iceServers: turnIceServers(deps.turn, caller.principal.kind === 'staff' ? caller.principal.staffId : caller.principal.participantId, 3600) }),
    }),
    route({
      method: 'post',
      path: '/join/:linkToken',
      summary: 'A patient or relative opens their join link and gets a session for that one conference (in the lobby until admitted).',
      tag: 'auth',
      access: 'public',
      params: joinParamsSchema,
      response: meResponseSchema,
      before: [deps.joinLimiter],
      handler: async ({ params, session }) => signedIn(session, await redeemJoinLink(deps, params.linkToken)),
    }),
  ];
}
