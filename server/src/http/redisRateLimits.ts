import { RedisStore } from 'rate-limit-redis';
import type { RateLimitStores } from './rateLimits.ts';

/** What a Redis store needs of a connected client: one raw command. */
export interface RedisCommands {
  sendCommand(args: string[]): Promise<unknown>;
}

/** Each limit its own key prefix, so a sign-in and a join link never share a count. */
export function redisRateLimitStores(redis: RedisCommands): RateLimitStores {
  return (limitName) =>
    new RedisStore({
      prefix: `samplan:rate-limit:${limitName}:`,
      sendCommand: (...args: string[]) => redis.sendCommand(args) as never,
    });
}
