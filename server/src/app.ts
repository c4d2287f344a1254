import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createPrincipalResolver, type PrincipalResolver } from './auth/principal.ts';
import { conferenceMediaRoomId } from './auth/roomToken.ts';
import { type Config, loadConfig, publicBaseUrl } from './config.ts';
import { DomainEvents } from './events/domainEvents.ts';
import { createOidcClients } from './auth/oidcClients.ts';
import { createHttpApp } from './http/httpApp.ts';
import { redisRateLimitStores } from './http/redisRateLimits.ts';
import { createLogger, type Logger, type LogDestination } from './logger.ts';
import { createMetricsServer } from './http/metricsServer.ts';
import { Metrics } from './operations/metrics.ts';
import { MediaService } from './media/mediaService.ts';
import { sealKeyOf } from './messages/joinLinkSeal.ts';
import type { DeliveryWorker } from './messages/deliveryWorker.ts';
import { startDelivery } from './messages/startDelivery.ts';
import { CallPresence } from './plan/callPresence.ts';
import { addDischargeTasks, closeVisitTask } from './plan/pathwayTasks.ts';
import { addAcuteDecisionTasks } from './plan/acuteDecisionTasks.ts';
import { PlanService } from './plan/planService.ts';
import { type Clock, systemClock } from './record/clock.ts';
import { admitToCall } from './record/conferences/admitToCall.ts';
import { excludeFromCall } from './signalling/callGroups.ts';
import { noticeRecordChange, type RecordChange, ringGuest } from './signalling/recordNotices.ts';
import { PlanSignalling } from './signalling/planSignalling.ts';
import { connectRedisAdapter, type RedisAdapter } from './signalling/redisAdapter.ts';
import { attachSignalling } from './signalling/socketServer.ts';
import type { SignallingServer } from './signalling/socketTypes.ts';
import { type Database, openDatabase } from './store/database.ts';
import { type SeedResult, seedDemoIfEmpty } from './store/seed/seedDemo.ts';
import { AcuteExpiry } from './record/acuteBeds/acuteExpiry.ts';
import { noticeAcuteBedsChange } from './signalling/acuteBedNotices.ts';

export type RunningSamplan = {
  /** Where the server answers, e.g. http://127.0.0.1:40123 (PUBLIC_URL when set). */
  url: string;
  port: number;
  config: Config;
  media: MediaService;
  io: SignallingServer;
  logger: Logger;
  /** The clinical record's database (migrations applied). */
  database: Database;
  /** Who a request or Socket.IO handshake is, from its session cookie. */
  principals: PrincipalResolver;
  /** The clock every record rule reads. */
  now: Clock;
  /** What the record did, for a test to follow (app.ts wires the consequences). */
  events: DomainEvents;
  /** Sends the outbox's e-mails and text messages (a test nudges it after moving the clock). */
  delivery: DeliveryWorker;
  /** Releases acute bed reservations not confirmed in time (a test sweeps after moving the clock). */
  acuteExpiry: AcuteExpiry;
  /** Set when demo data is enabled: the demo logins to print. */
  demo: SeedResult | null;
  /** Where Prometheus scrapes (`…/metrics`), when METRICS_PORT is set. */
  metricsUrl: string | undefined;
  /**
   * SIGTERM: refuse new joins, answer health/ready with 503, tell everyone
   * in a room to move to another node, and close once the rooms are empty or
   * DRAIN_TIMEOUT_MS has passed. Resolves when closed.
   */
  drain(): Promise<void>;
  close(): Promise<void>;
};

export interface StartOptions {
  /** Replaces the real clock for every record rule (e.g. a browser test standing on day 3 after discharge). */
  now?: Clock;
  /** An open database to use instead of opening `config.databaseUrl` (tests start from a migrated template); its opener closes it. */
  database?: Database;
  /** Where the log goes instead of standard output (a test reading the whole log). */
  logDestination?: LogDestination;
}

function listen(server: HttpServer, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/**
 * Starts the whole server in this process: media workers, HTTP API, client
 * files and signalling. `overrides` win over the environment (tests pass
 * `port: 0` and get a free port back in `port`).
 */
export async function startSamplan(overrides: Partial<Config> = {}, options: StartOptions = {}): Promise<RunningSamplan> {
  const config = loadConfig(process.env, overrides);
  const logger = createLogger(config.logLevel, options.logDestination);
  const now = options.now ?? systemClock;
  const database = options.database ?? (await openDatabase(config.databaseUrl));
  const closeDatabase = options.database === undefined ? () => database.close() : async () => {};
  let demo: SeedResult | null = null;
  let media: MediaService;
  let redis: RedisAdapter | undefined;
  try {
    if (config.seedDemo) demo = await seedDemoIfEmpty(database.prisma, now());
    if (config.redisUrl !== undefined) redis = await connectRedisAdapter(config.redisUrl, logger);
    media = await startMedia(config, logger);
  } catch (error) {
    await redis?.close();
    await closeDatabase();
    throw error;
  }
  const principals = createPrincipalResolver({ db: database.prisma, secret: config.secret, secureCookies: config.secureCookies, now });
  const plans = new PlanService(database.prisma, logger, now);
  const events = new DomainEvents((error, event) => logger.error({ err: error, event: event.type }, 'a consequence of a record change failed'));
  const presence = new CallPresence(database.prisma, now, logger);
  const record = {
    db: database.prisma,
    now,
    events,
    secret: config.secret,
    secureCookies: config.secureCookies,
    principals,
    authRateLimit: config.authRateLimit,
    authRateWindowMs: config.authRateWindowMs,
    authAccountRateLimit: config.authAccountRateLimit,
    ...(redis ? { rateLimitStore: redisRateLimitStores(redis.commands) } : {}),
    oidcClients: createOidcClients(),
    logger,
    publicUrl: config.publicUrl,
    plans,
    turn: { urls: config.turnUrls, secret: config.turnSecret },
    outbox: { reminderLeadMs: config.reminderLeadMinutes * 60_000, sealKey: sealKeyOf(config.secret) },
    acuteBeds: { reservationMs: config.acuteReservationMinutes * 60_000 },
  };
  const metrics = config.metricsPort === undefined ? undefined : new Metrics({ media, plans, openAdviceRequests: () => openAdviceRequests(database) });
  const httpServer = createServer(
    createHttpApp({ config, media, logger, record, ...(redis ? { redisPing: redis.ping } : {}), ...(metrics ? { metrics } : {}) }),
  );
  const io = attachSignalling(httpServer, {
    media,
    config,
    logger,
    plan: (server) => new PlanSignalling(server, plans, principals, { presence, logger }),
    presence,
    admitToCall: (claims) => admitToCall(record, claims),
    principals,
    ...(redis ? { adapter: redis.adapter } : {}),
  });
  events.subscribe('conference.closed', ({ conferenceId }) => media.closeRoom(conferenceMediaRoomId(conferenceId)));
  events.subscribe('participant.excluded', ({ participantId, reason }) => excludeFromCall(io, participantId, reason));
  const pathway = { db: database.prisma, plans, logger };
  events.subscribe('episode.discharged', (event) => addDischargeTasks(pathway, event));
  events.subscribe('visit.recorded', (event) => closeVisitTask(pathway, event));
  events.subscribe('acute.decided', (event) => addAcuteDecisionTasks(pathway, event));
  // Notices still on their way when the server closes are let finish first: the Redis adapter cannot publish once its client is closed.
  const sending = new Set<Promise<void>>();
  const changed = (change: RecordChange) => {
    const notice = noticeRecordChange(io, database.prisma, now, change);
    sending.add(notice);
    void notice.finally(() => sending.delete(notice)).catch(() => undefined);
    return notice;
  };
  events.subscribe('episode.admitted', ({ episodeId }) => changed({ episodeId, change: 'admitted' }));
  events.subscribe('episode.discharged', ({ episodeId }) => changed({ episodeId, change: 'discharged' }));
  events.subscribe('visit.recorded', ({ episodeId }) => changed({ episodeId, change: 'visit' }));
  events.subscribe('advice.changed', ({ episodeId }) => changed({ episodeId, change: 'advice' }));
  events.subscribe('acute.changed', ({ episodeId, conferenceId }) => changed({ episodeId, change: 'acute', ...(conferenceId === undefined ? {} : { conferenceId }) }));
  events.subscribe('conference.changed', ({ episodeId, conferenceId }) => changed({ episodeId, conferenceId, change: 'conference' }));
  events.subscribe('acuteBeds.changed', ({ municipalityId }) => noticeAcuteBedsChange(io, municipalityId));
  events.subscribe('advice.calledBack', ({ guestParticipantId, conferenceId }) => ringGuest(io, guestParticipantId, conferenceId));
  plans.onRevision(({ episodeId }) => {
    changed({ episodeId, change: 'plan' }).catch((error: unknown) => logger.error({ err: error, episodeId }, 'screens not told of a plan revision'));
  });
  let port: number;
  const metricsServer = metrics === undefined ? undefined : createMetricsServer(metrics, config.metricsToken, logger);
  let metricsUrl: string | undefined;
  try {
    port = await listen(httpServer, config.host, config.port);
    if (metricsServer !== undefined) {
      const metricsPort = await listen(metricsServer, config.metricsHost, config.metricsPort ?? 0);
      metricsUrl = `http://${config.metricsHost.includes(':') ? `[${config.metricsHost}]` : config.metricsHost}:${metricsPort}/metrics`;
    }
  } catch (error) {
    httpServer.close();
    media.close();
    await redis?.close();
    await closeDatabase();
    throw error;
  }
  const url = publicBaseUrl(config, port);
  const delivery = startDelivery({ config, db: database.prisma, now, logger, sealKey: record.outbox.sealKey, baseUrl: url });
  events.subscribe('messages.queued', () => delivery.kick());
  const acuteExpiry = new AcuteExpiry({ db: database.prisma, now, events }, logger);
  acuteExpiry.start();
  logger.info({ url, workers: media.workerCount, database: database.kind, demoSeeded: demo?.seeded ?? false }, 'Samplan started');

  let closing: Promise<void> | undefined;
  let draining: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      // Socket.IO closes the HTTP server too (idle keep-alive connections at once, requests under way when answered).
      await io.close();
      await Promise.allSettled([...sending]);
      // What is being sent is recorded as sent before the database closes: a restart sends nothing twice.
      await delivery.stop();
      await acuteExpiry.stop();
      metricsServer?.close();
      media.close();
      await redis?.close();
      await closeDatabase();
    })();
    return closing;
  };
  return {
    url,
    port,
    config,
    media,
    io,
    logger,
    database,
    principals,
    now,
    events,
    delivery,
    acuteExpiry,
    demo,
    metricsUrl,
    drain() {
      draining ??= (async () => {
        const timeoutMs = config.drainTimeoutMs;
        let timer: NodeJS.Timeout | undefined;
        const timedOut = new Promise<'timeout'>((resolve) => {
          timer = setTimeout(() => resolve('timeout'), timeoutMs);
        });
        const ended = await Promise.race([media.drain(timeoutMs).then(() => 'rooms empty' as const), timedOut]);
        clearTimeout(timer);
        logger.info({ ended, rooms: media.stats().rooms }, 'drained; closing');
        await close();
      })();
      return draining;
    },
    close,
  };
}

/** Cheap enough for every scrape: two counts over the unanswered requests, found through the queue's index (answeredAt, createdAt). */
async function openAdviceRequests(database: Database): Promise<{ waiting: number; taken: number }> {
  const [waiting, taken] = await Promise.all([
    database.prisma.adviceRequest.count({ where: { answeredAt: null, takenAt: null } }),
    database.prisma.adviceRequest.count({ where: { answeredAt: null, takenAt: { not: null } } }),
  ]);
  return { waiting, taken };
}

function startMedia(config: Config, logger: Logger): Promise<MediaService> {
  return MediaService.start(
    {
      size: config.mediaWorkers,
      listenIp: config.mediaListenIp,
      announcedAddress: config.mediaAnnouncedAddress,
      basePort: config.mediaPort,
      rtcMinPort: config.rtcMinPort,
      rtcMaxPort: config.rtcMaxPort,
    },
    logger,
  );
}
