import {
  type Ack,
  type ClientToServerEvents,
  PROTOCOL_VERSION,
  type RequestName,
  type RequestOf,
  type ResponseOf,
  type ServerToClientEvents,
} from '@samplan/shared';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll } from 'vitest';
import type { Config, RunningSamplan } from '@samplan/server';
import type { Database } from '@samplan/server/store/database.ts';
import { type DatabaseKind, type FreshDatabase, openFreshDatabase } from '../../support/database-targets.ts';
import { TEST_SECRET } from './fixtures.ts';
import { startTestSamplan } from '../../support/samplan.ts';
import { startTestRedis, type TestRedis } from '../../support/redis.ts';

/**
 * Samplan as it runs, on 127.0.0.1 and on a database the test opened: one
 * media worker (no media flows in these tests), no demo data; `overrides`
 * for what a test is about.
 */
export function startPlanServer(database: Database, overrides: Partial<Config> = {}) {
  return startTestSamplan(
    { secret: TEST_SECRET, reconnectGraceMs: 0, clientDist: '/nonexistent', ...overrides },
    { database },
  );
}

export interface PlanServerSuite {
  /** The database this describe's tests write their scenes into. */
  readonly fresh: FreshDatabase;
  readonly server: RunningSamplan;
  /** A signed-in page's socket, disconnected after the describe's tests. */
  connect(cookie: string): Promise<PlanClient>;
}

/**
 * One describe's Samplan, for its tests to share: a fresh database of `kind`,
 * the plan server on it (startPlanServer, with `overrides`), and the sockets
 * the tests open; all closed after the last test. Call it in the describe.
 */
export function planServerSuite(kind: DatabaseKind, overrides: Partial<Config> = {}): PlanServerSuite {
  let fresh: FreshDatabase | undefined;
  let server: RunningSamplan | undefined;
  const sockets: PlanClient[] = [];
  beforeAll(async () => {
    fresh = await openFreshDatabase(kind);
    server = await startPlanServer(fresh.db, overrides);
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await server?.close();
    await fresh?.dispose();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('planServerSuite: Samplan is not started (used outside a test of its describe)');
    return value;
  };
  return {
    get fresh() {
      return started(fresh);
    },
    get server() {
      return started(server);
    },
    async connect(cookie) {
      const socket = await connectClient(started(server).url, cookie);
      sockets.push(socket);
      return socket;
    },
  };
}

export interface NodesSuite {
  /** The PostgreSQL database every node of this describe shares. */
  readonly fresh: FreshDatabase;
  /** This describe's own redis-server. */
  readonly redis: TestRedis;
  /** One more Samplan node on that database, through that Redis unless `redis: false`; closed after the describe. */
  node(overrides?: Partial<Config>, options?: { redis?: boolean }): Promise<RunningSamplan>;
  /** A signed-in page's socket to one node, disconnected after the describe's tests. */
  connect(url: string, cookie: string): Promise<PlanClient>;
}

/**
 * Several Samplan nodes for one describe's tests, as in production: one
 * PostgreSQL database and one Redis between them; nodes, sockets, Redis and
 * database all closed after the last test. Call it in the describe.
 */
export function nodesSuite(): NodesSuite {
  let fresh: FreshDatabase | undefined;
  let redis: TestRedis | undefined;
  const nodes: RunningSamplan[] = [];
  const sockets: PlanClient[] = [];
  beforeAll(async () => {
    [fresh, redis] = await Promise.all([openFreshDatabase('postgres'), startTestRedis()]);
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await Promise.all(nodes.map((node) => node.close()));
    await redis?.stop();
    await fresh?.dispose();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('nodesSuite: not started (used outside a test of its describe)');
    return value;
  };
  return {
    get fresh() {
      return started(fresh);
    },
    get redis() {
      return started(redis);
    },
    async node(overrides = {}, options = {}) {
      const through = options.redis === false ? {} : { redisUrl: started(redis).url };
      const node = await startTestSamplan({ secret: TEST_SECRET, databaseUrl: started(fresh).url, ...through, ...overrides });
      nodes.push(node);
      return node;
    },
    async connect(url, cookie) {
      const socket = await connectClient(url, cookie);
      sockets.push(socket);
      return socket;
    },
  };
}

export type PlanClient = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A browser-like client: the session cookie rides on the handshake. */
export async function connectClient(url: string, cookie: string): Promise<PlanClient> {
  const socket: PlanClient = connect(url, { transports: ['websocket'], extraHeaders: { cookie }, auth: { protocolVersion: PROTOCOL_VERSION }, forceNew: true });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  return socket;
}

export async function request<K extends RequestName>(socket: PlanClient, name: K, payload: RequestOf<K>): Promise<Ack<ResponseOf<K>>> {
  const emit = socket.emit.bind(socket) as (name: string, payload: unknown, ack: (answer: Ack<ResponseOf<K>>) => void) => void;
  return new Promise((resolve) => emit(name, payload, resolve));
}

export async function ok<K extends RequestName>(socket: PlanClient, name: K, payload: RequestOf<K>): Promise<ResponseOf<K>> {
  const answer = await request(socket, name, payload);
  if (!answer.ok) throw new Error(`${name} refused: ${answer.error.code} ${answer.error.message}`);
  return answer.data;
}
