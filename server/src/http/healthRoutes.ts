import { Router } from 'express';
import { checkReadiness, type ReadinessChecks } from '../operations/readiness.ts';
import type { Logger } from '../logger.ts';

/**
 * For load balancers, container engines and the tests. `live`: the process
 * answers (restart it if not). `ready`: it can take new work — database,
 * Redis when configured, at least one media worker, and not shutting down —
 * else 503 naming the part that failed, so a proxy sends people elsewhere.
 */
export function healthRoutes(checks: ReadinessChecks, logger: Logger): Router {
  const router = Router();
  router.get('/health/live', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ live: true });
  });
  router.get('/health/ready', async (_req, res) => {
    const readiness = await checkReadiness(checks, (part, error) => logger.warn({ err: error, part }, 'readiness check failed'));
    res.set('Cache-Control', 'no-store').status(readiness.ready ? 200 : 503).json(readiness);
  });
  return router;
}
