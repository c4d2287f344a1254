import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request, RequestHandler } from 'express';
import { pinoHttp } from 'pino-http';
import type { Logger } from '../logger.ts';
import { redactedPathOf, routeLabelOf } from './routeLabel.ts';

/** Probes every few seconds from the load balancer would drown the log; their failures show in the readiness log lines. */
const UNLOGGED = new Set(['/api/health/live', '/api/health/ready']);

function routeOf(req: IncomingMessage): Request {
  return req as Request;
}

/**
 * One line per HTTP request: method, route pattern, the path with anything
 * that is not a word or a record id replaced, status, time, client address.
 * No headers (cookies, Authorization) and no query values are written, so
 * join tokens, CPR numbers and names never reach the log whatever the URL.
 */
export function requestLog(logger: Logger): RequestHandler {
  return pinoHttp({
    logger: logger.child({ component: 'http' }),
    wrapSerializers: false,
    autoLogging: { ignore: (req) => UNLOGGED.has(redactedPathOf(req.url ?? '')) },
    customLogLevel: (_req, res, error) => (error !== undefined || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    customSuccessMessage: () => 'request',
    customErrorMessage: () => 'request failed',
    // The route is known only once routing is done; the request itself is written when it arrives.
    customSuccessObject: (req, _res, fields: object) => ({ ...fields, route: routeLabelOf(routeOf(req)) }),
    customErrorObject: (req, _res, _error, fields: object) => ({ ...fields, route: routeLabelOf(routeOf(req)) }),
    serializers: {
      req: (req: IncomingMessage) => {
        const request = routeOf(req);
        return { method: req.method, path: redactedPathOf(request.originalUrl ?? req.url ?? ''), ip: request.ip };
      },
      res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
    },
  }) as unknown as RequestHandler;
}
