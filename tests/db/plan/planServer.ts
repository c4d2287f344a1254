import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
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
import { RevokedSessions } from '../../../server/src/auth/revokedSessions.ts';
import type { Config } from '../../../server/src/config.ts';
import { createHttpApp } from '../../../server/src/http/httpApp.ts';
import { createLogger } from '../../../server/src/logger.ts';
import { MediaService } from '../../../server/src/media/mediaService.ts';
import { PlanService } from '../../../server/src/plan/planService.ts';
import { PlanSignalling } from '../../../server/src/signalling/handlers/planSocket.ts';
import { attachSignalling } from '../../../server/src/signalling/socketServer.ts';
import { systemClock } from '../../../server/src/record/clock.ts';
import type { Db } from '../../../server/src/store/database.ts';
import { TEST_SECRET, testPrincipals } from './fixtures.ts';

/**
 * The HTTP API and signalling with the plan, on 127.0.0.1, wired as
 * startSamplan wires them, on a database the test opened: one media worker
 * (no media flows in these tests).
 */
export async function startPlanServer(db: Db) {
  const logger = createLogger('silent');
  const media = await MediaService.start({ size: 1, listenIp: '127.0.0.1', announcedAddress: undefined, basePort: 0, rtcMinPort: 40100, rtcMaxPort: 49999 }, logger);
  const plans = new PlanService(db, logger);
  const principals = testPrincipals(db);
  const record = {
    db,
    now: systemClock,
    secret: TEST_SECRET,
    secureCookies: false,
    principals,
    revoked: new RevokedSessions(systemClock),
    authRateLimit: 100,
    authRateWindowMs: 60_000,
    plans,
    rooms: media,
    turn: { urls: [], secret: undefined },
  };
  const config: Pick<Config, 'secret' | 'turnUrls' | 'turnSecret' | 'reconnectGraceMs' | 'demoRooms' | 'clientDist'> = {
    secret: TEST_SECRET,
    turnUrls: [],
    turnSecret: undefined,
    reconnectGraceMs: 0,
    demoRooms: false,
    clientDist: '/nonexistent',
  };
  const httpServer = createServer(createHttpApp({ config, media, logger, record }));
  const io = attachSignalling(httpServer, { media, config, logger, plan: (server) => new PlanSignalling(server, plans, principals) });
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  return {
    url,
    plans,
    close: async () => {
      await io.close();
      media.close();
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
