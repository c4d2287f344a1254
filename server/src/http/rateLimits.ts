import { SamplanError } from '@samplan/shared';
import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';

export interface RateLimitConfig {
  /** Attempts per address per window, for login and for join links. */
  authRateLimit: number;
  authRateWindowMs: number;
}

/**
 * Guessing passwords or links is slowed per client address. Login and link
 * redemption count separately, so a family opening their links from one home
 * network cannot lock the ward's staff out, nor the other way round.
 */
export function authRateLimiter(config: RateLimitConfig): RequestHandler {
  return rateLimit({
    windowMs: config.authRateWindowMs,
    limit: config.authRateLimit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, _res, next) => next(new SamplanError('RATE_LIMITED', 'Too many attempts. Wait a while and try again.')),
  });
}
