import { randomBytes } from 'node:crypto';
import { createServer, type Server as HttpServer } from 'node:http';
import { hostname } from 'node:os';
import type { AddressInfo } from 'node:net';
import { createPrincipalResolver, type PrincipalResolver } from './auth/principal.ts';
import { conferenceMediaRoomId } from './auth/roomToken.ts';
import { NodeLink } from './cluster/nodeLink.ts';
import { RoomLeases } from './cluster/roomLeases.ts';
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
import { addAcuteDecisionTasks } from './record/plan/acuteDecisionTasks.ts';
import { type Clock, systemClock } from './record/clock.ts';
import { admitToCall } from './record/conferences/admitToCall.ts';
import { CallPresence } from './record/conferences/callPresence.ts';
import { addDischargeTasks, closeVisitTask } from './record/plan/pathwayTasks.ts';
import { planContext } from './record/plan/planContext.ts';
import { excludeFromCall } from './signalling/callGroups.ts';
import { noticeRecordChange, type RecordChange, ringGuest } from './signalling/recordNotices.ts';
import { MediaRelay } from './signalling/mediaRelay.ts';
import { PlanSignalling, sendAgreement, sendParties, sendRevision } from './signalling/planSignalling.ts';
import { connectRedisAdapter, type RedisAdapter } from './signalling/redisAdapter.ts';
import { attachSignalling } from './signalling/socketServer.ts';
import type { SignallingServer } from './signalling/socketTypes.ts';
import { groupAuditCommits } from './store/auditLog.ts';
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
  /** With Redis: this node's id, the room leases it holds and the relay to other nodes' rooms. */
  cluster: Cluster | undefined;
  /** How long each step of the start took, in milliseconds, in order (main.ts prints them). */
  startSteps: ReadonlyArray<readonly [step: string, ms: number]>;
  /**
   * SIGTERM: refuse new joins, answer health/ready with 503, tell everyone
   * in a room to move to another node, and close once the rooms are empty or
   * DRAIN_TIMEOUT_MS has passed. Resolves when closed.
   */
  drain(): Promise<void>;
  close(): Promise<void>;
};

export type Cluster = { nodeId: string; link: NodeLink; leases: RoomLeases; relay: MediaRelay };

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
  const startSteps: Array<readonly [string, number]> = [];
  let stepStart = performance.now();
  const stepDone = (step: string) => {
    const at = performance.now();
    startSteps.push([step, at - stepStart]);
    stepStart = at;
  };
  // The media workers start while the database opens: neither needs the other, and each takes seconds on a loaded machine.
  const mediaFrom = performance.now();
  const mediaStarting = startMedia(config, logger).then((started) => {
    startSteps.push(['media workers (alongside)', performance.now() - mediaFrom]);
    return started;
  });
  // Its failure is taken up where it is awaited below; until then it must not count as unhandled.
  mediaStarting.catch(() => undefined);
  let database: Database;
  try {
    database = options.database ?? (await openDatabase(config.databaseUrl));
  } catch (error) {
    await mediaStarting.then((started) => started.close(), () => undefined);
    throw error;
  }
  stepDone('database');
  groupAuditCommits(database.prisma);
  const closeDatabase = options.database === undefined ? () => database.close() : async () => {};
  let demo: SeedResult | null = null;
  let media: MediaService;
  let redis: RedisAdapter | undefined;
  let cluster: Cluster | undefined;
  try {
    if (config.seedDemo) demo = await seedDemoIfEmpty(database.prisma, now());
    stepDone('demo seed');
    if (config.redisUrl !== undefined) {
      redis = await connectRedisAdapter(config.redisUrl, logger);
      cluster = await joinCluster(config.redisUrl, config.placementLeaseMs, logger);
    }
    media = await mediaStarting;
    stepDone('waiting for media');
  } catch (error) {
    await leaveCluster(cluster);
    await mediaStarting.then((started) => started.close(), () => undefined);
    await redis?.close();
    await closeDatabase();
    throw error;
  }
  if (cluster !== undefined) {
    media.placeWith(cluster.leases);
    // Another node holds the room now (this one hung, or lost Redis too long): its people rejoin there.
    cluster.leases.onLost((roomId) => void media.closeRoom(roomId, 'worker-died'));
  }
  const principals = createPrincipalResolver({ db: database.prisma, secret: config.secret, secureCookies: config.secureCookies, now });
  const events = new DomainEvents((error, event) => logger.error({ err: error, event: event.type }, 'a consequence of a record change failed'));
  // The plan's use cases run with this server's queue of writes to each plan (record/plan/planContext.ts).
  const plan = planContext({ db: database.prisma, now, events });
  const presence = new CallPresence({ db: database.prisma, now, events }, logger);
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
    plan,
    turn: { urls: config.turnUrls, secret: config.turnSecret },
    outbox: { reminderLeadMs: config.reminderLeadMinutes * 60_000, sealKey: sealKeyOf(config.secret) },
    acuteBeds: { reservationMs: config.acuteReservationMinutes * 60_000 },
  };
  const metrics =
    config.metricsPort === undefined
      ? undefined
      : new Metrics({ media, plans: { onPush: (listener) => events.subscribe('plan.pushed', listener) }, openAdviceRequests: () => openAdviceRequests(database) });
  const httpServer = createServer(
    createHttpApp({ config, media, logger, record, ...(redis ? { redisPing: redis.ping } : {}), ...(metrics ? { metrics } : {}) }),
  );
  const io = attachSignalling(httpServer, {
    media,
    config,
    logger,
    plan: new PlanSignalling(plan, principals),
    presence,
    admitToCall: (claims) => admitToCall(record, claims),
    principals,
    ...(redis ? { adapter: redis.adapter } : {}),
    ...(cluster ? { relay: cluster.relay } : {}),
  });
  events.subscribe('conference.closed', ({ conferenceId }) => media.closeRoom(conferenceMediaRoomId(conferenceId)));
  events.subscribe('participant.excluded', ({ participantId, reason }) => excludeFromCall(io, participantId, reason));
  events.subscribe('episode.discharged', (event) => addDischargeTasks(plan, logger, event));
  events.subscribe('visit.recorded', (event) => closeVisitTask(plan, event));
  events.subscribe('acute.decided', (event) => addAcuteDecisionTasks(plan, event));
  // What changed in a plan reaches those who have it open in a call; none of it holds up the answer to whoever changed it.
  events.subscribe('plan.revised', (event) => sendRevision(io, event));
  events.subscribe('plan.agreementGiven', (event) => void sendAgreement(io, database.prisma, logger, event));
  events.subscribe('presence.changed', ({ conferenceId }) => void sendParties(io, database.prisma, logger, conferenceId));
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
  events.subscribe('plan.revised', ({ episodeId }) => {
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
    await leaveCluster(cluster);
    await redis?.close();
    await closeDatabase();
    throw error;
  }
  stepDone('listening');
  const url = publicBaseUrl(config, port);
  const delivery = startDelivery({ config, db: database.prisma, now, logger, sealKey: record.outbox.sealKey, baseUrl: url });
  events.subscribe('messages.queued', () => delivery.kick());
  const acuteExpiry = new AcuteExpiry({ db: database.prisma, now, events }, logger);
  acuteExpiry.start();
  logger.info({ url, workers: media.workerCount, database: database.kind, demoSeeded: demo?.seeded ?? false, node: cluster?.nodeId }, 'Samplan started');

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
      await leaveCluster(cluster);
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
    cluster,
    startSteps,
    drain() {
      draining ??= (async () => {
        const timeoutMs = config.drainTimeoutMs;
        let timer: NodeJS.Timeout | undefined;
        const timedOut = new Promise<'timeout'>((resolve) => {
          timer = setTimeout(() => resolve('timeout'), timeoutMs);
        });
        // The rooms are given up at once, so the first of their people to move reopens each on another node.
        cluster?.leases.giveUpAll();
        const emptied = Promise.all([media.drain(timeoutMs), cluster?.relay.drain(timeoutMs)]);
        const ended = await Promise.race([emptied.then(() => 'rooms empty' as const), timedOut]);
        clearTimeout(timer);
        logger.info({ ended, rooms: media.stats().rooms }, 'drained; closing');
        await close();
      })();
      return draining;
    },
    close,
  };
}

/**
 * Several nodes on one Redis: this node's link to the others, the leases on
 * the rooms it holds, and the relay of room requests to the node holding the
 * room. The id is new with every process, so a restarted node never mistakes
 * its predecessor's leases for its own.
 */
async function joinCluster(redisUrl: string, leaseMs: number, logger: Logger): Promise<Cluster> {
  const nodeId = `${hostname()}-${process.pid}-${randomBytes(4).toString('hex')}`;
  const link = await NodeLink.connect(redisUrl, nodeId, logger);
  const leases = new RoomLeases(link, leaseMs, logger);
  const relay = new MediaRelay(link, leases, leaseMs, logger);
  return { nodeId, link, leases, relay };
}

async function leaveCluster(cluster: Cluster | undefined): Promise<void> {
  if (cluster === undefined) return;
  cluster.relay.close();
  cluster.leases.close();
  await cluster.link.close();
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
