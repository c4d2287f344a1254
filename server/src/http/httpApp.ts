import { SamplanError } from '@samplan/shared';
import express, { type Express } from 'express';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import type { MediaService } from '../media/mediaService.ts';
import { clientStatic } from './clientStatic.ts';
import { demoTokenRoute } from './demoTokenRoute.ts';
import { jsonErrorHandler } from './errors.ts';
import { healthRoute } from './healthRoute.ts';
import { recordApi, type RecordApiDeps } from './recordApi.ts';
import { securityHeaders } from './securityHeaders.ts';

/** The API carries small JSON documents; anything bigger is a mistake or an attack. */
const JSON_BODY_LIMIT = '32kb';

export function createHttpApp(deps: {
  config: Pick<Config, 'secret' | 'demoRooms' | 'clientDist' | 'hsts'>;
  media: MediaService;
  logger: Logger;
  /** The clinical record; without it only health, demo rooms and the client are served (the HTTP shell's own tests). */
  record?: RecordApiDeps;
}): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(securityHeaders({ https: deps.config.hsts }));

  const api = express.Router();
  api.use(express.json({ limit: JSON_BODY_LIMIT }));
  api.use(healthRoute(deps.media));
  if (deps.config.demoRooms) api.use(demoTokenRoute(deps.config.secret));
  if (deps.record !== undefined) api.use(recordApi(deps.record));
  api.use((_req, _res, next) => next(new SamplanError('NOT_FOUND', 'No such API route.')));
  api.use(jsonErrorHandler(deps.logger));
  app.use('/api', api);

  const client = clientStatic(deps.config.clientDist);
  if (client !== undefined) app.use(client);
  app.use(jsonErrorHandler(deps.logger));
  return app;
}
