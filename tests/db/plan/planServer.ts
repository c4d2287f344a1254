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
import type { Database } from '@samplan/server/store/database.ts';
import { TEST_SECRET } from './fixtures.ts';
import { startTestSamplan } from '../../support/samplan.ts';

/**
 * Samplan as it runs, on 127.0.0.1 and on a database the test opened: one
 * media worker (no media flows in these tests), no demo data.
 */
export function startPlanServer(database: Database) {
  return startTestSamplan(
    { secret: TEST_SECRET, reconnectGraceMs: 0, clientDist: '/nonexistent' },
    { database },
  );
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
