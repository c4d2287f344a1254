import type { RequestHandler } from 'express';
import type { Metrics } from '../operations/metrics.ts';
import { routeLabelOf } from './routeLabel.ts';

/** Times every HTTP request into the latency histogram, labelled by the route it matched. */
export function requestMetrics(metrics: Metrics): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      metrics.observeHttp({ method: req.method, route: routeLabelOf(req), statusCode: res.statusCode }, seconds);
    });
    next();
  };
}
