import { randomBytes } from 'node:crypto';
import { type Config, type RunningSamplan, startSamplan, type StartOptions } from '@samplan/server';

/**
 * The one way tests and benchmarks start Samplan: on loopback, on ports the
 * system picks, one media worker, an in-memory embedded database, no demo
 * seed and no demo rooms, a fresh secret, quiet logs
 * (SAMPLAN_TEST_LOG_LEVEL to hear more). A caller passes only what its test
 * is about.
 */
export const TEST_DEFAULTS: Partial<Config> = {
  host: '127.0.0.1',
  port: 0,
  mediaListenIp: '127.0.0.1',
  mediaPort: 0,
  mediaWorkers: 1,
  databaseUrl: 'pglite:memory://',
  seedDemo: false,
  demoRooms: false,
  logLevel: (process.env.SAMPLAN_TEST_LOG_LEVEL as Config['logLevel'] | undefined) ?? 'silent',
};

export function startTestSamplan(overrides: Partial<Config> = {}, options: StartOptions = {}): Promise<RunningSamplan> {
  return startSamplan({ ...TEST_DEFAULTS, secret: randomBytes(32).toString('base64url'), ...overrides }, options);
}
