import { Router } from 'express';
import type { PrincipalResolver } from '../auth/principal.ts';
import type { Clock } from '../record/clock.ts';
import type { Db } from '../store/database.ts';
import { openApiDocument } from './openapi.ts';
import { joinRateLimiter, passwordLinkRateLimiter, type RateLimitConfig, signInRateLimiters } from './rateLimits.ts';
import type { TurnSettings } from '../media/iceServers.ts';
import type { DomainEventPublisher } from '../events/domainEvents.ts';
import type { PlanService } from '../plan/planService.ts';
import { fhirInOpenApi } from './fhirInOpenApi.ts';
import { fhirRoutes } from './routes/fhirRoutes.ts';
import { planRoutes } from './routes/planRoutes.ts';
import { auditDenied } from '../record/audit.ts';
import { type AnyRoute, mountRoutes } from './route.ts';
import { adminRoutes } from './routes/adminRoutes.ts';
import { acuteRoutes } from './routes/acuteRoutes.ts';
import { adviceRoutes } from './routes/adviceRoutes.ts';
import { authRoutes } from './routes/authRoutes.ts';
import { conferenceRoutes } from './routes/conferenceRoutes.ts';
import { consentRoutes } from './routes/consentRoutes.ts';
import { episodeRoutes } from './routes/episodeRoutes.ts';
import { intakeRoutes } from './routes/intakeRoutes.ts';
import { organisationRoutes } from './routes/organisationRoutes.ts';
import { passwordLinkRoutes } from './routes/passwordLinkRoutes.ts';
import { visitRoutes } from './routes/visitRoutes.ts';
import { indicatorRoutes } from './routes/indicatorRoutes.ts';
import { relativeRoutes } from './routes/relativeRoutes.ts';
import type { OutboxSettings } from '../messages/outbox.ts';
import type { AcuteBedSettings } from '../record/acuteBeds/acuteBedAccess.ts';
import { principalOf, sessionControl, sessionMiddleware } from './httpSession.ts';
import type { OidcClients } from '../auth/oidcClients.ts';
import type { Logger } from '../logger.ts';
import { oidcRedirects } from './oidcRedirects.ts';
import { acuteBedRoutes } from './routes/acuteBedRoutes.ts';

export interface RecordApiDeps extends RateLimitConfig {
  /** The open demo rooms' token route, when demo rooms are enabled: in the same table and document as the rest. */
  demoRoutes: AnyRoute[];
  db: Db;
  now: Clock;
  secret: string;
  secureCookies: boolean;
  principals: PrincipalResolver;
  /** The one plan service of this server: a push over REST reaches the callers of its episode too. */
  plans: PlanService;
  /** Where use cases say what they did (a conference ended, a guest removed); app.ts wires the consequences. */
  events: DomainEventPublisher;
  turn: TurnSettings;
  /** What the outbox needs to write invitations and reminders (reminder lead, the key that seals links). */
  outbox: OutboxSettings;
  /** How long an acute bed reservation waits for confirmation. */
  acuteBeds: AcuteBedSettings;
  /** The organisations' identity providers, discovered when first used. */
  oidcClients: OidcClients;
  logger: Logger;
  /** PUBLIC_URL, the address identity providers send the browser back to. */
  publicUrl: string | undefined;
}

/** The clinical record's REST API: sessions, then every route of the table, then its OpenAPI document. */
export function recordApi(deps: RecordApiDeps): Router {
  const record = { db: deps.db, now: deps.now, events: deps.events };
  const routes = [
    ...authRoutes({ ...deps, loginLimiters: signInRateLimiters(deps), joinLimiter: joinRateLimiter(deps) }),
    ...episodeRoutes(record),
    ...intakeRoutes(record),
    ...conferenceRoutes({ ...record, secret: deps.secret, outbox: deps.outbox }),
    ...adviceRoutes({ ...record, secret: deps.secret, outbox: deps.outbox }),
    ...acuteRoutes(record),
    ...consentRoutes(record),
    ...relativeRoutes(record),
    ...visitRoutes(record),
    ...indicatorRoutes(record),
    ...acuteBedRoutes({ ...record, acuteBeds: deps.acuteBeds }),
    ...planRoutes(deps.plans),
    ...fhirRoutes(record),
    ...adminRoutes(record),
    ...organisationRoutes(record),
    ...passwordLinkRoutes({ ...record, limiter: passwordLinkRateLimiter(deps) }),
    ...deps.demoRoutes,
  ];
  const document = openApiDocument(routes, deps.secureCookies, fhirInOpenApi);

  const router = Router();
  router.get('/openapi.json', (_req, res) => {
    res.json(document);
  });
  router.use(sessionMiddleware(deps));
  router.use(oidcRedirects({ ...deps, clients: deps.oidcClients }));
  mountRoutes(router, routes, {
    auditRefusal: (caller, act) => auditDenied(record.db, caller, act),
    principalOf,
    session: (res) => sessionControl(res, deps),
  });
  return router;
}
