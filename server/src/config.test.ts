import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const SECRET = 'a-test-secret-that-is-long-enough-0123456789';

function problemsOf(run: () => unknown): Array<{ variable: string; message: string }> {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig({ SAMPLAN_SECRET: SECRET });
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 3000,
      secret: SECRET,
      mediaListenIp: '127.0.0.1',
      mediaPort: 40000,
      turnUrls: [],
      demoRooms: true,
      reconnectGraceMs: 15000,
      logLevel: 'info',
      databaseUrl: 'pglite:./data/db',
      seedDemo: true,
      secureCookies: false,
      authRateLimit: 20,
      authRateWindowMs: 900000,
      authAccountRateLimit: 10,
      trustProxy: [],
    });
    expect(config.publicUrl).toBeUndefined();
    expect(config.mediaAnnouncedAddress).toBeUndefined();
    expect(config.turnSecret).toBeUndefined();
    expect(config.mediaWorkers).toBeGreaterThanOrEqual(1);
    expect(config.clientDist).toMatch(/client[/\\]dist$/);
  });

  it('reads every variable and converts its type', () => {
    const config = loadConfig({
      HOST: '0.0.0.0',
      PORT: '0',
      PUBLIC_URL: 'https://samplan.example.org',
      SAMPLAN_SECRET: SECRET,
      MEDIA_WORKERS: '3',
      MEDIA_LISTEN_IP: '127.0.0.2',
      MEDIA_ANNOUNCED_ADDRESS: 'media.example.org',
      MEDIA_PORT: '0',
      RTC_MIN_PORT: '50000',
      RTC_MAX_PORT: '50100',
      TURN_URLS: 'turn:turn.example.org:3478?transport=udp, turns:turn.example.org:5349',
      TURN_SECRET: 'coturn-secret',
      DEMO_ROOMS: 'false',
      RECONNECT_GRACE_MS: '2500',
      LOG_LEVEL: 'warn',
      CLIENT_DIST: '/srv/samplan/client',
      DATABASE_URL: 'postgresql://samplan@127.0.0.1/samplan',
      SEED_DEMO: 'false',
      SECURE_COOKIES: 'true',
      HSTS: 'true',
      AUTH_RATE_LIMIT: '5',
      AUTH_RATE_WINDOW_MS: '60000',
      AUTH_ACCOUNT_RATE_LIMIT: '3',
      TRUST_PROXY: '10.0.0.5, 10.1.0.0/16,loopback, fd00::/8',
      METRICS_HOST: '10.0.0.7',
      METRICS_PORT: '9464',
      METRICS_TOKEN: 'a-scrape-token-0123456789',
      DRAIN_TIMEOUT_MS: '45000',
      SMTP_URL: 'smtp://samplan:secret@mail.example.org:587',
      MAIL_FROM: 'Samplan <samplan@example.org>',
      SMS_GATEWAY_URL: 'https://sms.example.org/send',
      SMS_GATEWAY_KEY: 'sms-key',
      REMINDER_LEAD_MINUTES: '120',
      MESSAGE_POLL_MS: '1000',
      MESSAGE_RETRY_MS: '30000',
      MESSAGE_ATTEMPTS: '4',
      ACUTE_RESERVATION_MINUTES: '45',
    });
    expect(config).toEqual({
      host: '0.0.0.0',
      port: 0,
      publicUrl: 'https://samplan.example.org',
      secret: SECRET,
      mediaWorkers: 3,
      mediaListenIp: '127.0.0.2',
      mediaAnnouncedAddress: 'media.example.org',
      mediaPort: 0,
      rtcMinPort: 50000,
      rtcMaxPort: 50100,
      turnUrls: ['turn:turn.example.org:3478?transport=udp', 'turns:turn.example.org:5349'],
      turnSecret: 'coturn-secret',
      demoRooms: false,
      reconnectGraceMs: 2500,
      logLevel: 'warn',
      clientDist: '/srv/samplan/client',
      databaseUrl: 'postgresql://samplan@127.0.0.1/samplan',
      seedDemo: false,
      secureCookies: true,
      hsts: true,
      authRateLimit: 5,
      authRateWindowMs: 60000,
      authAccountRateLimit: 3,
      trustProxy: ['10.0.0.5', '10.1.0.0/16', 'loopback', 'fd00::/8'],
      metricsHost: '10.0.0.7',
      metricsPort: 9464,
      metricsToken: 'a-scrape-token-0123456789',
      drainTimeoutMs: 45000,
      smtpUrl: 'smtp://samplan:secret@mail.example.org:587',
      mailFrom: 'Samplan <samplan@example.org>',
      smsGatewayUrl: 'https://sms.example.org/send',
      smsGatewayKey: 'sms-key',
      reminderLeadMinutes: 120,
      messagePollMs: 1000,
      messageRetryMs: 30000,
      messageAttempts: 4,
      acuteReservationMinutes: 45,
    });
  });

  it('asks for the sender with a mail server and the key with an SMS gateway, and refuses a mail URL that is not SMTP', () => {
    expect(() => loadConfig({ SAMPLAN_SECRET: SECRET, SMTP_URL: 'smtp://mail.example.org', SMS_GATEWAY_URL: 'https://sms.example.org' })).toThrow(
      /MAIL_FROM: is required when SMTP_URL is set[\s\S]*SMS_GATEWAY_KEY: is required when SMS_GATEWAY_URL is set/,
    );
    expect(() => loadConfig({ SAMPLAN_SECRET: SECRET, SMTP_URL: 'http://mail.example.org', MAIL_FROM: 'samplan@example.org' })).toThrow(/SMTP_URL: must be smtp:\/\//);
  });

  it('treats empty variables as unset', () => {
    const config = loadConfig({ SAMPLAN_SECRET: SECRET, PORT: '', PUBLIC_URL: '' });
    expect(config.port).toBe(3000);
    expect(config.publicUrl).toBeUndefined();
  });

  it('lets typed overrides win over the environment', () => {
    const config = loadConfig({ SAMPLAN_SECRET: SECRET, PORT: '4000', DEMO_ROOMS: 'false' }, { port: 0, demoRooms: true, host: '127.0.0.2' });
    expect(config).toMatchObject({ port: 0, demoRooms: true, host: '127.0.0.2' });
  });

  it('names every bad variable at once', () => {
    const problems = problemsOf(() =>
      loadConfig({ SAMPLAN_SECRET: SECRET, PORT: '70000', MEDIA_WORKERS: 'two', MEDIA_LISTEN_IP: 'localhost', DEMO_ROOMS: 'maybe', LOG_LEVEL: 'loud', REDIS_URL: 'http://redis:6379' }),
    );
    expect(problems.map((problem) => problem.variable).sort()).toEqual(['DEMO_ROOMS', 'LOG_LEVEL', 'MEDIA_LISTEN_IP', 'MEDIA_WORKERS', 'PORT', 'REDIS_URL']);
  });

  it('trusts no proxy unless told which, and never "any"', () => {
    expect(loadConfig({ SAMPLAN_SECRET: SECRET }).trustProxy).toEqual([]);
    for (const value of ['true', '*', '1', 'proxy.example.org', '10.0.0.0/33']) {
      expect(problemsOf(() => loadConfig({ SAMPLAN_SECRET: SECRET, TRUST_PROXY: value })).map((problem) => problem.variable), value).toEqual(['TRUST_PROXY']);
    }
  });

  it('puts the variable names in the error message', () => {
    expect(() => loadConfig({ SAMPLAN_SECRET: SECRET, PORT: 'x' })).toThrow(/PORT: /);
  });

  it('requires SAMPLAN_SECRET in production and turns demo rooms off there', () => {
    expect(problemsOf(() => loadConfig({ NODE_ENV: 'production' }))).toEqual([{ variable: 'SAMPLAN_SECRET', message: 'is required when NODE_ENV=production' }]);
    expect(loadConfig({ NODE_ENV: 'production', SAMPLAN_SECRET: SECRET })).toMatchObject({ demoRooms: false, seedDemo: false, secureCookies: true });
    expect(loadConfig({ NODE_ENV: 'production' }, { secret: SECRET }).secret).toBe(SECRET);
  });

  it('sends HSTS by default only in production, and lets it be switched either way', () => {
    expect(loadConfig({ SAMPLAN_SECRET: SECRET }).hsts).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', SAMPLAN_SECRET: SECRET }).hsts).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production', SAMPLAN_SECRET: SECRET, HSTS: 'false' }).hsts).toBe(false);
    expect(loadConfig({ SAMPLAN_SECRET: SECRET, HSTS: 'true' }).hsts).toBe(true);
  });

  it('refuses a short secret', () => {
    expect(problemsOf(() => loadConfig({ SAMPLAN_SECRET: 'short' })).map((problem) => problem.variable)).toEqual(['SAMPLAN_SECRET']);
  });

  it('outside production, uses one random secret for the whole process', () => {
    const first = loadConfig({});
    const second = loadConfig({});
    expect(first.secret.length).toBeGreaterThanOrEqual(32);
    expect(second.secret).toBe(first.secret);
  });

  it('checks settings that depend on each other', () => {
    expect(problemsOf(() => loadConfig({ SAMPLAN_SECRET: SECRET, RTC_MIN_PORT: '50000', RTC_MAX_PORT: '49000' })).map((p) => p.variable)).toEqual(['RTC_MIN_PORT']);
    expect(problemsOf(() => loadConfig({ SAMPLAN_SECRET: SECRET, TURN_URLS: 'turn:turn.example.org' })).map((p) => p.variable)).toEqual(['TURN_SECRET']);
    expect(problemsOf(() => loadConfig({ SAMPLAN_SECRET: SECRET, TURN_URLS: 'http://turn.example.org', TURN_SECRET: 's' })).map((p) => p.variable)).toEqual(['TURN_URLS']);
    expect(problemsOf(() => loadConfig({ SAMPLAN_SECRET: SECRET, MEDIA_PORT: '65535', MEDIA_WORKERS: '2' })).map((p) => p.variable)).toEqual(['MEDIA_PORT']);
  });

  it('serves metrics only on a loopback listener, or with a bearer token', () => {
    const defaults = loadConfig({ SAMPLAN_SECRET: SECRET });
    expect(defaults).toMatchObject({ metricsHost: '127.0.0.1', drainTimeoutMs: 30_000 });
    expect(defaults.metricsPort).toBeUndefined();
    expect(loadConfig({ SAMPLAN_SECRET: SECRET, METRICS_PORT: '9464' })).toMatchObject({ metricsPort: 9464, metricsHost: '127.0.0.1' });
    expect(problemsOf(() => loadConfig({ SAMPLAN_SECRET: SECRET, METRICS_PORT: '9464', METRICS_HOST: '0.0.0.0' }))).toEqual([
      { variable: 'METRICS_TOKEN', message: 'is required when METRICS_HOST is not a loopback address' },
    ]);
    expect(loadConfig({ SAMPLAN_SECRET: SECRET, METRICS_PORT: '9464', METRICS_HOST: '0.0.0.0', METRICS_TOKEN: 'a-scrape-token-0123456789' })).toMatchObject({
      metricsHost: '0.0.0.0',
      metricsToken: 'a-scrape-token-0123456789',
    });
  });
});
