import { SamplanError } from '@samplan/shared';
import express, { type Express } from 'express';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import type { MediaService } from '../media/mediaService.ts';
import { clientStatic } from './clientStatic.ts';
import { jsonErrorHandler } from './errors.ts';
import { fhirInApi } from './fhirInApi.ts';
import { originGuard } from './originGuard.ts';
import { healthRoutes } from './healthRoutes.ts';
import { recordApi } from './recordApi.ts';
import { MOUNTS, mountRoutes } from './route.ts';
import { type RecordApiDeps, routeTable } from './routeTable.ts';
import { demoRoomRoutes } from './routes/demoRoomRoutes.ts';
import { refuseIllFormedText } from './wellFormedBody.ts';
import { securityHeaders } from './securityHeaders.ts';
import type { Metrics } from '../operations/metrics.ts';
import { requestLog } from './requestLog.ts';
import { requestMetrics } from './requestMetrics.ts';

/** The API carries small JSON documents; anything bigger is a mistake or an attack. */
const JSON_BODY_LIMIT = '32kb';

export function createHttpApp(deps: {
  config: Pick<Config, 'secret' | 'demoRooms' | 'clientDist' | 'publicUrl' | 'trustProxy' | 'hsts'>;
  media: MediaService;
  logger: Logger;
  /** The clinical record; without it only health, demo rooms and the client are served (the HTTP shell's own tests). */
  record?: Omit<RecordApiDeps, 'demoRoutes'>;
  /** Resolves when Redis answers; absent when REDIS_URL is not set. */
  redisPing?: () => Promise<void>;
  /** Times every request; absent when no metrics listener is configured. */
  metrics?: Metrics;
}): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(requestLog(deps.logger));
  if (deps.metrics !== undefined) app.use(requestMetrics(deps.metrics));
  // Only a configured proxy may say who the client is; trusting anyone's X-Forwarded-For lets every attempt come from a new address.
  app.set('trust proxy', deps.config.trustProxy.length > 0 ? deps.config.trustProxy : false);
  app.use(securityHeaders({ https: deps.config.hsts }));

  const api = express.Router();
  api.use(originGuard(deps.config.publicUrl));
  api.use(express.json({ limit: JSON_BODY_LIMIT }));
  api.use(refuseIllFormedText);
  // Outside the route table, for load balancers: answered before sessions and the record, 503 naming the part that failed (healthRoutes.ts).
  const db = deps.record?.db;
  api.use(
    healthRoutes(
      {
        database: db === undefined ? undefined : async () => void (await db.$queryRaw`SELECT 1`),
        redis: deps.redisPing,
        workers: () => deps.media.workerCount,
        draining: () => deps.media.draining,
      },
      deps.logger,
    ),
  );
  const demoRoutes = deps.config.demoRooms ? demoRoomRoutes(deps.config.secret) : [];
  const routes = deps.record === undefined ? demoRoutes : routeTable({ ...deps.record, demoRoutes });
  if (deps.record !== undefined) {
    api.use(recordApi({ ...deps.record, demoRoutes }, routes));
  } else {
    // No record, so no sessions: every caller is anonymous and only public routes are mounted.
    mountRoutes(api, demoRoutes, { auditRefusal: async () => undefined, principalOf: () => null, session: () => ({ set() {}, clear: async () => {} }) });
  }
  api.use((_req, _res, next) => next(new SamplanError('NOT_FOUND', 'No such API route.')));
  api.use(jsonErrorHandler(deps.logger));
  app.use('/api', api);
  // Metrics have their own listener (metricsServer.ts); here, where the public reaches, they are not served.
  app.all('/metrics', (_req, _res, next) => next(new SamplanError('NOT_FOUND', 'Metrics are not served on this port.')));
  if (deps.record !== undefined) app.use(MOUNTS.fhir, fhirInApi(deps.record, deps.logger, routes));

  const client = clientStatic(deps.config.clientDist);
  if (client !== undefined) app.use(client);
  app.use(jsonErrorHandler(deps.logger));
  return app;
}
