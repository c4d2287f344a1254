import {
  PROTOCOL_VERSION,
  SamplanError,
  notifications,
  requests,
  type Ack,
  type ClientToServerEvents,
  type NotificationName,
  type NotificationOf,
  type RequestName,
  type RequestOf,
  type ResponseOf,
  type ServerToClientEvents,
} from '@samplan/shared';
import { io, type Socket } from 'socket.io-client';
import { ClientError } from '../uiError.ts';

/**
 * The page's Socket.IO connection to Samplan and the typed requests and
 * notifications over it (shared/src/protocol). The call (room/), the plan
 * panel (plan/), the page's notices (app/) and the guest's connection test
 * all use it; none of them owns it.
 */
export type SamplanSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type Request = <K extends RequestName>(name: K, payload: RequestOf<K>) => Promise<ResponseOf<K>>;

const REQUEST_TIMEOUT_MS = 10_000;

/** The parts of a Socket.IO socket that requests use, untyped by event so one generic function can drive them all. */
export type AckEmitter = {
  readonly connected: boolean;
  timeout(ms: number): { emitWithAck(event: string, payload: unknown): Promise<unknown> };
};

/** Same origin as the page: the server serves the client, and Vite proxies to it in development. */
export function openSocket(): SamplanSocket {
  return io({
    auth: { protocolVersion: PROTOCOL_VERSION },
    transports: ['websocket'],
    reconnectionDelay: 500,
    reconnectionDelayMax: 2_000,
  });
}

/**
 * Requests fail fast while the socket is down: Socket.IO would otherwise
 * buffer them and replay them on the next connection, before the rejoin
 * that makes them meaningful.
 */
export function requester(socket: AckEmitter, timeoutMs = REQUEST_TIMEOUT_MS): Request {
  return async <K extends RequestName>(name: K, payload: RequestOf<K>): Promise<ResponseOf<K>> => {
    if (!socket.connected) throw new ClientError('NETWORK', `${name}: not connected`);
    let ack: Ack<unknown>;
    try {
      ack = (await socket.timeout(timeoutMs).emitWithAck(name, payload)) as Ack<unknown>;
    } catch {
      throw new ClientError('TIMEOUT', `${name}: no answer within ${timeoutMs} ms`);
    }
    if (!ack.ok) throw new SamplanError(ack.error.code, ack.error.message, ack.error.issues);
    const parsed = requests[name].response.safeParse(ack.data);
    if (!parsed.success) throw new SamplanError('INTERNAL', `${name}: the answer does not match the protocol: ${parsed.error.message}`);
    return parsed.data as ResponseOf<K>;
  };
}

type NotificationSource = { on(event: string, listener: (payload: unknown) => void): unknown };

/** Notifications that do not match the protocol are dropped (and logged) rather than half-applied. */
export function onNotification<K extends NotificationName>(socket: NotificationSource, name: K, handler: (payload: NotificationOf<K>) => void): void {
  socket.on(name, (payload) => {
    const parsed = notifications[name].safeParse(payload);
    if (parsed.success) handler(parsed.data as NotificationOf<K>);
    else console.warn(`samplan: ignored malformed ${name}`, parsed.error.issues);
  });
}
