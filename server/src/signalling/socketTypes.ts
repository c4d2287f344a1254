import type { ClientToServerEvents, ServerToClientEvents } from '@samplan/shared';
import type { Server, Socket } from 'socket.io';

/**
 * The server's Socket.IO types, typed by the shared protocol. A module of
 * types only, so adapters (call groups, plan signalling) can name the server
 * without importing the module that builds it.
 */
export type SignallingServer = Server<ClientToServerEvents, ServerToClientEvents>;
export type SamplanSocket = Socket<ClientToServerEvents, ServerToClientEvents>;
