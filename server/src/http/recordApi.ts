import { Router } from 'express';
import { openApiDocument } from './openapi.ts';
import { auditDenied } from '../record/audit.ts';
import { type AnyRoute, mountRoutes } from './route.ts';
import type { RecordApiDeps } from './routeTable.ts';
import { principalOf, sessionControl, sessionMiddleware } from './httpSession.ts';
import { oidcRedirects } from './oidcRedirects.ts';

/**
 * The clinical record's REST API under /api: its OpenAPI document (of the
 * whole table, every mount), sessions, the sign-in redirects, then the
 * table's API routes.
 */
export function recordApi(deps: RecordApiDeps, routes: readonly AnyRoute[]): Router {
  const document = openApiDocument(routes, deps.secureCookies);

  const router = Router();
  router.get('/openapi.json', (_req, res) => {
    res.json(document);
  });
  router.use(sessionMiddleware(deps));
  router.use(oidcRedirects({ ...deps, clients: deps.oidcClients }));
  mountRoutes(
    router,
    routes.filter((spec) => (spec.mount ?? 'api') === 'api'),
    {
      auditRefusal: (caller, act) => auditDenied(deps.db, caller, act),
      principalOf,
      session: (res) => sessionControl(res, deps),
    },
  );
  return router;
}
