import { loginRequestSchema, SamplanError } from '@samplan/shared';
import type { Request, RequestHandler, Response } from 'express';
import { rateLimit, type Store } from 'express-rate-limit';

export interface RateLimitConfig {
  /** Attempts per address per window: failed sign-ins, and join links. */
  authRateLimit: number;
  authRateWindowMs: number;
  /** Failed sign-ins per login per window. */
  authAccountRateLimit: number;
  /**
   * Where each limit keeps its counts, by the limit's name: Redis when
   * REDIS_URL is set, so that a guesser spread over several nodes behind a
   * load balancer meets one count; else this process's memory.
   */
  rateLimitStore?: RateLimitStores;
}

export type RateLimitStores = (limitName: string) => Store;

const storeOf = (config: RateLimitConfig, limitName: string) => (config.rateLimitStore === undefined ? {} : { store: config.rateLimitStore(limitName) });

/**
 * Guessing links is slowed per client address (the address Express trusts:
 * the connection's, unless TRUST_PROXY names the proxy in front). Link
 * redemption counts apart from sign-in, so a family opening their links from
 * one home network cannot lock the ward's staff out, nor the other way round.
 */
export function joinRateLimiter(config: RateLimitConfig): RequestHandler {
  return rateLimit({
    windowMs: config.authRateWindowMs,
    limit: config.authRateLimit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    ...storeOf(config, 'join'),
    handler: (_req, _res, next) => next(new SamplanError('RATE_LIMITED', 'Too many attempts. Wait a while and try again.')),
  });
}

/**
 * Set-password links are guessed like join links and slowed alike, per
 * address in a count of their own; only refused attempts count (an unknown,
 * used or expired link, a password too short), so opening the page and
 * setting the password cost nothing.
 */
export function passwordLinkRateLimiter(config: RateLimitConfig): RequestHandler {
  return rateLimit({
    windowMs: config.authRateWindowMs,
    limit: config.authRateLimit,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    ...storeOf(config, 'password-link'),
    handler: (_req, _res, next) => next(new SamplanError('RATE_LIMITED', 'Too many attempts. Wait a while and try again.')),
  });
}

// Only a wrong login or password counts, and a login sent to its organisation's own sign-in (which tells that the login exists):
// a ward behind one NAT signs in all at once at a shift change, and a refused attempt tried no password.
const failedSignIn = (_req: Request, res: Response) => res.statusCode !== 401 && res.statusCode !== 403;

/**
 * Password guessing is slowed twice. Per address, against one attacker trying
 * many logins; per login, against many addresses trying one. The account
 * limit counts wrong passwords for a login wherever they come from, so the
 * person can be made to wait, but not another account: a colleague signs in
 * from the same address as long as that address has failures left. Unknown
 * logins count alike, so the answer tells nobody whether an account exists.
 * Put the address limit first: an attempt it refuses never reaches the
 * account count.
 */
export function signInRateLimiters(config: RateLimitConfig): RequestHandler[] {
  const perAddress = rateLimit({
    windowMs: config.authRateWindowMs,
    limit: config.authRateLimit,
    skipSuccessfulRequests: true,
    requestWasSuccessful: failedSignIn,
    identifier: 'address',
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    ...storeOf(config, 'sign-in-address'),
    handler: (_req, _res, next) => next(new SamplanError('RATE_LIMITED', 'Too many attempts. Wait a while and try again.')),
  });
  const perAccount = rateLimit({
    windowMs: config.authRateWindowMs,
    limit: config.authAccountRateLimit,
    skipSuccessfulRequests: true,
    requestWasSuccessful: failedSignIn,
    // A body that is no sign-in is refused by its schema and tries no password.
    skip: (req) => loginOf(req) === null,
    keyGenerator: (req) => loginOf(req) ?? '',
    identifier: 'account',
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    ...storeOf(config, 'sign-in-account'),
    handler: (_req, _res, next) => next(new SamplanError('RATE_LIMITED', 'Too many failed sign-ins to this account. Wait a while and try again.')),
  });
  return [perAddress, perAccount];
}

/** The login as the sign-in compares it (trimmed, lower case), so "Anna@X" and "anna@x " share one count. */
function loginOf(req: Request): string | null {
  const parsed = loginRequestSchema.shape.login.safeParse((req.body as { login?: unknown } | undefined)?.login);
  return parsed.success ? parsed.data : null;
}
