/** A dependency that does not answer within this is as good as down for a load balancer. */
const CHECK_TIMEOUT_MS = 2000;

export type ReadinessChecks = {
  /** Resolves when the database answers a query; absent without a clinical record (the HTTP shell's own tests). */
  database: (() => Promise<void>) | undefined;
  /** Resolves when Redis answers; absent when REDIS_URL is not configured. */
  redis: (() => Promise<void>) | undefined;
  /** Media worker processes alive right now. */
  workers: () => number;
  draining: () => boolean;
};

export type PartState = 'up' | 'down';

/**
 * What `GET /api/health/ready` answers: ready only when every part is. Names
 * only which part failed, never why (the log has the reason); that is all a
 * load balancer or an operator's dashboard needs.
 */
export type Readiness = {
  ready: boolean;
  draining: boolean;
  database: PartState | 'not-configured';
  redis: PartState | 'not-configured';
  media: PartState;
  workers: number;
};

async function answers(check: () => Promise<void>, onFailure: (error: unknown) => void): Promise<PartState> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
  });
  try {
    await Promise.race([check(), timeout]);
    return 'up';
  } catch (error) {
    onFailure(error);
    return 'down';
  } finally {
    clearTimeout(timer);
  }
}

export async function checkReadiness(checks: ReadinessChecks, onFailure: (part: string, error: unknown) => void): Promise<Readiness> {
  const [database, redis] = await Promise.all([
    checks.database === undefined ? ('not-configured' as const) : answers(checks.database, (error) => onFailure('database', error)),
    checks.redis === undefined ? ('not-configured' as const) : answers(checks.redis, (error) => onFailure('redis', error)),
  ]);
  const workers = checks.workers();
  const media: PartState = workers > 0 ? 'up' : 'down';
  const draining = checks.draining();
  return { ready: !draining && database !== 'down' && redis !== 'down' && media === 'up', draining, database, redis, media, workers };
}
