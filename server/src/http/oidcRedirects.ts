import { oidcStartQuerySchema, type SignInRefusal } from '@samplan/shared';
import { type Request, type Response, Router } from 'express';
import { flowCookieName, flowCookieOptions, openFlow, sealFlow } from '../auth/oidcFlowCookie.ts';
import { finishOidcSignIn, OIDC_CALLBACK_PATH, type OidcSignInDeps, startOidcSignIn } from '../auth/oidcSignIn.ts';
import { sessionControl } from './httpSession.ts';

export interface OidcRedirectDeps extends OidcSignInDeps {
  secureCookies: boolean;
  /** PUBLIC_URL: the address the provider sends the browser back to. Without it, the address the browser used. */
  publicUrl: string | undefined;
}

/** Where the sign-in page says why a sign-in came back without a session. */
const refusedPage = (reason: SignInRefusal) => `/?signInRefused=${reason}`;

/**
 * The two browser navigations of a sign-in through the organisation's
 * identity provider (authorization code flow with PKCE). They answer with
 * redirects, never JSON, and every failure lands on the sign-in page with a
 * reason it can put in words: outside the JSON route table on purpose.
 */
export function oidcRedirects(deps: OidcRedirectDeps): Router {
  const baseOf = (req: Request) => (deps.publicUrl ?? `${req.protocol}://${req.get('host') ?? ''}`).replace(/\/+$/, '');
  const clearFlow = (res: Response) => res.clearCookie(flowCookieName(deps.secureCookies), { ...flowCookieOptions(deps.secureCookies), maxAge: undefined });
  const router = Router();

  router.get('/auth/oidc/start', async (req, res, next) => {
    try {
      const query = oidcStartQuerySchema.safeParse(req.query);
      if (!query.success) return res.redirect(303, refusedPage('not_configured'));
      const started = await startOidcSignIn(deps, query.data.organisation, `${baseOf(req)}${OIDC_CALLBACK_PATH}`);
      if (started.kind === 'refused') return res.redirect(303, refusedPage(started.reason));
      res.cookie(flowCookieName(deps.secureCookies), await sealFlow(started.flow, deps.secret, deps.now), flowCookieOptions(deps.secureCookies));
      res.redirect(303, started.location);
    } catch (error) {
      next(error);
    }
  });

  router.get('/auth/oidc/callback', async (req, res, next) => {
    try {
      const flow = await openFlow(req.headers, deps.secureCookies, deps.secret, deps.now);
      // One answer per flow: a replayed callback finds no flow.
      clearFlow(res);
      const query = req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?')) : '';
      const finished = await finishOidcSignIn(deps, flow, new URL(`${baseOf(req)}${OIDC_CALLBACK_PATH}${query}`));
      if (finished.kind === 'refused') return res.redirect(303, refusedPage(finished.reason));
      sessionControl(res, deps).set(finished.session.token, finished.session.claims);
      res.redirect(303, '/');
    } catch (error) {
      next(error);
    }
  });
  return router;
}
