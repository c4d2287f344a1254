import {
  type Ack,
  type ClientToServerEvents,
  PROTOCOL_VERSION,
  type RequestName,
  type RequestOf,
  type ResponseOf,
  type ServerToClientEvents,
} from '@samplan/shared';
import { io, type Socket } from 'socket.io-client';

export type SamplanSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** What a misbehaving client can do that the typed socket forbids: any event name, any arguments. */
type RawEmitter = { timeout(ms: number): { emitWithAck(event: unknown, ...args: unknown[]): Promise<unknown> }; emit(event: unknown, ...args: unknown[]): void };

const ACK_TIMEOUT_MS = 10_000;

export async function connectSocket(url: string, auth: Record<string, unknown> = { protocolVersion: PROTOCOL_VERSION }): Promise<SamplanSocket> {
  const socket: SamplanSocket = io(url, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
  return socket;
}

export function request<K extends RequestName>(socket: SamplanSocket, name: K, payload: RequestOf<K>): Promise<Ack<ResponseOf<K>>> {
  return rawRequest(socket, name, payload) as Promise<Ack<ResponseOf<K>>>;
}

/** Like `request` but for anything at all, to test how the server copes with garbage. */
export function rawRequest(socket: SamplanSocket, event: unknown, ...args: unknown[]): Promise<Ack<unknown>> {
  return (socket as unknown as RawEmitter).timeout(ACK_TIMEOUT_MS).emitWithAck(event, ...args) as Promise<Ack<unknown>>;
}

/** Sends without an ack callback: the server must cope with that too. */
export function rawEmit(socket: SamplanSocket, event: unknown, ...args: unknown[]): void {
  (socket as unknown as RawEmitter).emit(event, ...args);
}

export async function call<K extends RequestName>(socket: SamplanSocket, name: K, payload: RequestOf<K>): Promise<ResponseOf<K>> {
  const ack = await request(socket, name, payload);
  if (!ack.ok) throw new Error(`${name} refused: ${ack.error.code} ${ack.error.message}`);
  return ack.data;
}
