import type { PrincipalResolver } from '../auth/principal.ts';
import type { Clock } from '../record/clock.ts';
import type { Db } from '../store/database.ts';
import { joinRateLimiter, passwordLinkRateLimiter, type RateLimitConfig, signInRateLimiters } from './rateLimits.ts';
import type { TurnSettings } from '../media/iceServers.ts';
import type { DomainEventPublisher } from '../events/domainEvents.ts';
import type { PlanContext } from '../record/plan/planContext.ts';
import { fhirRoutes } from './routes/fhirRoutes.ts';
import { planRoutes } from './routes/planRoutes.ts';
import { adminRoutes } from './routes/adminRoutes.ts';
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
import { acuteBedRoutes } from './routes/acuteBedRoutes.ts';
import { acuteRoutes } from './routes/acuteRoutes.ts';
import type { OidcClients } from '../auth/oidcClients.ts';
import type { Logger } from '../logger.ts';
import type { AnyRoute } from './route.ts';
import { fhirInRoutes } from './routes/fhirInRoutes.ts';

export interface RecordApiDeps extends RateLimitConfig {
  /** The open demo rooms' token route, when demo rooms are enabled: in the same table and document as the rest. */
  demoRoutes: AnyRoute[];
  db: Db;
  now: Clock;
  secret: string;
  secureCookies: boolean;
  principals: PrincipalResolver;
  /** The plan's context on this server: a push over REST is queued with the pushes over sockets to the same plan. */
  plan: PlanContext;
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

/**
 * Every route Samplan serves to callers, on every mount: the API's (mounted
 * by recordApi.ts under /api) and FHIR in's (fhirInApi.ts, /fhir/R4). The
 * same list writes /api/openapi.json, so the document is complete.
 */
export function routeTable(deps: RecordApiDeps): AnyRoute[] {
  const record = { db: deps.db, now: deps.now, events: deps.events };
  return [
    ...authRoutes({ ...deps, loginLimiters: signInRateLimiters(deps), joinLimiter: joinRateLimiter(deps) }),
    ...episodeRoutes(record),
    ...intakeRoutes(record),
    ...conferenceRoutes({ ...record, secret: deps.secret, outbox: deps.outbox }),
    ...adviceRoutes({ ...record, secret: deps.secret, outbox: deps.outbox }),
    ...consentRoutes(record),
    ...relativeRoutes(record),
    ...visitRoutes(record),
    ...indicatorRoutes(record),
    ...acuteRoutes(record),
    ...acuteBedRoutes({ ...record, acuteBeds: deps.acuteBeds }),
    ...planRoutes(deps.plan),
    ...fhirRoutes(record),
    ...adminRoutes(record),
    ...organisationRoutes(record),
    ...passwordLinkRoutes({ ...record, limiter: passwordLinkRateLimiter(deps) }),
    ...deps.demoRoutes,
    ...fhirInRoutes(record),
  ];
}
