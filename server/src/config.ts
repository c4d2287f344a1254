import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** Which environment variable feeds which setting; also how errors name a bad setting. */
const ENV_NAMES = {
  host: 'HOST',
  port: 'PORT',
  publicUrl: 'PUBLIC_URL',
  secret: 'SAMPLAN_SECRET',
  mediaWorkers: 'MEDIA_WORKERS',
  mediaListenIp: 'MEDIA_LISTEN_IP',
  mediaAnnouncedAddress: 'MEDIA_ANNOUNCED_ADDRESS',
  mediaPort: 'MEDIA_PORT',
  rtcMinPort: 'RTC_MIN_PORT',
  rtcMaxPort: 'RTC_MAX_PORT',
  turnUrls: 'TURN_URLS',
  turnSecret: 'TURN_SECRET',
  demoRooms: 'DEMO_ROOMS',
  reconnectGraceMs: 'RECONNECT_GRACE_MS',
  logLevel: 'LOG_LEVEL',
  clientDist: 'CLIENT_DIST',
  databaseUrl: 'DATABASE_URL',
  redisUrl: 'REDIS_URL',
  seedDemo: 'SEED_DEMO',
  secureCookies: 'SECURE_COOKIES',
  hsts: 'HSTS',
  authRateLimit: 'AUTH_RATE_LIMIT',
  authRateWindowMs: 'AUTH_RATE_WINDOW_MS',
  authAccountRateLimit: 'AUTH_ACCOUNT_RATE_LIMIT',
  trustProxy: 'TRUST_PROXY',
  metricsHost: 'METRICS_HOST',
  metricsPort: 'METRICS_PORT',
  metricsToken: 'METRICS_TOKEN',
  drainTimeoutMs: 'DRAIN_TIMEOUT_MS',
  smtpUrl: 'SMTP_URL',
  mailFrom: 'MAIL_FROM',
  smsGatewayUrl: 'SMS_GATEWAY_URL',
  smsGatewayKey: 'SMS_GATEWAY_KEY',
  reminderLeadMinutes: 'REMINDER_LEAD_MINUTES',
  messagePollMs: 'MESSAGE_POLL_MS',
  messageRetryMs: 'MESSAGE_RETRY_MS',
  messageAttempts: 'MESSAGE_ATTEMPTS',
  acuteReservationMinutes: 'ACUTE_RESERVATION_MINUTES',
} as const;

/** Every environment variable the server reads: the settings above and NODE_ENV, which picks the production defaults. */
export const ENVIRONMENT_VARIABLES: readonly string[] = ['NODE_ENV', ...Object.values(ENV_NAMES)];

type ConfigKey = keyof typeof ENV_NAMES;

const DEFAULT_CLIENT_DIST = fileURLToPath(new URL('../../client/dist', import.meta.url));

const port = z.coerce.number().int().min(0).max(65535);
const flag = z.union([z.boolean(), z.stringbool()]);
const list = z.union([
  z.array(z.string()),
  z.string().transform((text) => text.split(',').map((item) => item.trim()).filter((item) => item.length > 0)),
]);
const ip = z.union([z.ipv4(), z.ipv6()], { error: 'must be an IPv4 or IPv6 address' });
/** What Express's "trust proxy" accepts as a proxy: an address, a subnet, or one of its named ranges. */
const proxyAddress = z.union([z.enum(['loopback', 'linklocal', 'uniquelocal']), z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6()], {
  error: 'must list proxy addresses or subnets (e.g. 10.0.0.0/8), or loopback, linklocal, uniquelocal',
});
const turnUrl = z.string().regex(/^(turns?|stuns?):/, 'must start with turn:, turns:, stun: or stuns:');

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

function configSchema(production: boolean) {
  return z
    .object({
      host: z.string().min(1).default('127.0.0.1'),
      port: port.default(3000),
      publicUrl: z.url({ protocol: /^https?$/ }).optional(),
      // HS256 keys shorter than the hash output weaken the signature.
      secret: z.string().min(32, 'must be at least 32 characters').optional(),
      mediaWorkers: z.coerce.number().int().min(1).max(64).default(availableParallelism()),
      mediaListenIp: ip.default('127.0.0.1'),
      mediaAnnouncedAddress: z.string().min(1).optional(),
      mediaPort: port.default(40000),
      rtcMinPort: port.min(1).default(40100),
      rtcMaxPort: port.min(1).default(49999),
      turnUrls: list.pipe(z.array(turnUrl)).default([]),
      turnSecret: z.string().min(1).optional(),
      demoRooms: flag.default(!production),
      reconnectGraceMs: z.coerce.number().int().min(0).max(10 * 60_000).default(15_000),
      logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
      clientDist: z.string().min(1).default(DEFAULT_CLIENT_DIST),
      databaseUrl: z.string().min(1).default('pglite:./data/db'),
      /** Several nodes share conference and episode broadcasts through Redis; one node needs none. */
      redisUrl: z.url({ protocol: /^rediss?$/ }).optional(),
      /** Fill an empty database with the Horsens/Odder/Skanderborg demo scenario. */
      seedDemo: flag.default(!production),
      /** Session cookies only over HTTPS; off on a developer's http://127.0.0.1. */
      secureCookies: flag.default(production),
      /** Strict-Transport-Security and upgrade-insecure-requests: browsers then refuse plain HTTP to Samplan for a year. */
      hsts: flag.default(production),
      /** Failed sign-ins, join-link attempts and refused set-password-link attempts per client address per window (each its own count). */
      authRateLimit: z.coerce.number().int().min(1).max(10_000).default(20),
      authRateWindowMs: z.coerce.number().int().min(1_000).max(24 * 60 * 60_000).default(15 * 60_000),
      /** Failed sign-ins per login per window, from anywhere. */
      authAccountRateLimit: z.coerce.number().int().min(1).max(10_000).default(10),
      /**
       * The reverse proxies whose X-Forwarded-For names the client (for rate
       * limits and logs). Empty: none, the connecting address is the client.
       */
      trustProxy: list.pipe(z.array(proxyAddress)).default([]),
      /** Prometheus metrics are served on a listener of their own (http/metricsServer.ts); no port, no metrics. */
      metricsHost: z.string().min(1).default('127.0.0.1'),
      metricsPort: port.optional(),
      metricsToken: z.string().min(16, 'must be at least 16 characters').optional(),
      /** After SIGTERM, how long calls may go on while their participants move to another node. */
      drainTimeoutMs: z.coerce.number().int().min(0).max(60 * 60_000).default(30_000),
      /** Invitations and reminders by e-mail; unset, they are shown to staff as not sent. */
      smtpUrl: z.url({ protocol: /^smtps?$/, error: 'must be smtp://[user:password@]host[:port] or smtps://…' }).optional(),
      /** The sender of those e-mails, e.g. "Samplan, Region Midtjylland <samplan@rm.dk>". */
      mailFrom: z.string().trim().min(3).optional(),
      /** Text messages through an HTTP gateway (POST JSON {to, text, reference}, bearer key). */
      smsGatewayUrl: z.url({ protocol: /^https?$/ }).optional(),
      smsGatewayKey: z.string().min(1).optional(),
      /** A guest's reminder goes out this long before the conference starts. */
      reminderLeadMinutes: z.coerce.number().int().min(5).max(7 * 24 * 60).default(60),
      /** How often a node looks for due messages without being nudged (reminders, other nodes' messages). */
      messagePollMs: z.coerce.number().int().min(50).max(10 * 60_000).default(5_000),
      /** The first retry of a failed send waits this long; each further one twice as long. */
      messageRetryMs: z.coerce.number().int().min(10).max(24 * 60 * 60_000).default(60_000),
      /** Attempts before a message is shown failed. */
      messageAttempts: z.coerce.number().int().min(1).max(20).default(5),
      /** An acute bed reservation not confirmed within this many minutes is released by the record's clock. */
      acuteReservationMinutes: z.coerce.number().int().min(1).max(24 * 60).default(30),
    })
    .superRefine((config, context) => {
      if (production && config.secret === undefined) {
        context.addIssue({ code: 'custom', path: ['secret'], message: 'is required when NODE_ENV=production' });
      }
      if (config.rtcMinPort > config.rtcMaxPort) {
        context.addIssue({ code: 'custom', path: ['rtcMinPort'], message: 'must not be above RTC_MAX_PORT' });
      }
      if (config.mediaPort !== 0 && config.mediaPort + config.mediaWorkers - 1 > 65535) {
        context.addIssue({ code: 'custom', path: ['mediaPort'], message: 'leaves no port for every media worker' });
      }
      if (config.metricsPort !== undefined && config.metricsToken === undefined && !isLoopback(config.metricsHost)) {
        context.addIssue({ code: 'custom', path: ['metricsToken'], message: 'is required when METRICS_HOST is not a loopback address' });
      }
      if (config.smtpUrl !== undefined && config.mailFrom === undefined) {
        context.addIssue({ code: 'custom', path: ['mailFrom'], message: 'is required when SMTP_URL is set (the sender of invitations)' });
      }
      if (config.smsGatewayUrl !== undefined && config.smsGatewayKey === undefined) {
        context.addIssue({ code: 'custom', path: ['smsGatewayKey'], message: 'is required when SMS_GATEWAY_URL is set' });
      }
      if (config.turnUrls.length > 0 && config.turnSecret === undefined) {
        context.addIssue({ code: 'custom', path: ['turnSecret'], message: 'is required when TURN_URLS is set' });
      }
    });
}

type ParsedConfig = z.output<ReturnType<typeof configSchema>>;

export type Config = Omit<ParsedConfig, 'secret'> & { secret: string };

/** Startup refuses a bad configuration and says which variables are wrong, all at once. */
export class ConfigError extends Error {
  readonly problems: ReadonlyArray<{ variable: string; message: string }>;

  constructor(problems: ReadonlyArray<{ variable: string; message: string }>) {
    super(`Invalid configuration:\n${problems.map((problem) => `  ${problem.variable}: ${problem.message}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/**
 * The address people open Samplan at, and links are made under: PUBLIC_URL
 * when set, else the address the server listens on (a wildcard host is
 * reached on loopback).
 */
export function publicBaseUrl(config: Pick<Config, 'publicUrl' | 'host' | 'port'>, port: number = config.port): string {
  if (config.publicUrl !== undefined) return config.publicUrl.replace(/\/+$/, '');
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host.includes(':') ? `[${config.host}]` : config.host;
  return `http://${host}:${port}`;
}

let processSecret: string | undefined;

/**
 * Outside production a missing secret is tolerable: tokens then only live as
 * long as the process, which is what a developer on a laptop wants.
 */
function randomProcessSecret(): string {
  if (processSecret === undefined) {
    processSecret = randomBytes(32).toString('base64url');
    process.emitWarning('SAMPLAN_SECRET is not set: using a random secret, so room tokens stop working when the server restarts.');
  }
  return processSecret;
}

function definedEntries<T extends object>(record: T): Partial<T> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined && value !== '')) as Partial<T>;
}

/**
 * Reads the configuration from environment variables; `overrides` (already
 * typed, e.g. from tests or `startSamplan`) win over the environment.
 *
 * @throws ConfigError listing every bad variable.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const fromEnv = definedEntries(
    Object.fromEntries(Object.entries(ENV_NAMES).map(([key, name]) => [key, env[name]])) as Record<ConfigKey, string | undefined>,
  );
  const result = configSchema(env.NODE_ENV === 'production').safeParse({ ...fromEnv, ...definedEntries(overrides) });
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => {
        const key = issue.path[0];
        const variable = typeof key === 'string' && key in ENV_NAMES ? ENV_NAMES[key as ConfigKey] : issue.path.join('.');
        return { variable, message: issue.message };
      }),
    );
  }
  return { ...result.data, secret: result.data.secret ?? randomProcessSecret() };
}
