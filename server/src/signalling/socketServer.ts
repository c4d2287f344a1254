import type { Server as HttpServer } from 'node:http';
import type { PrincipalResolver } from '../auth/principal.ts';
import type { ConferenceRoomClaims } from '../auth/roomToken.ts';
import {
  type ClientToServerEvents,
  MAX_REQUEST_BYTES,
  type NotificationName,
  type NotificationOf,
  PROTOCOL_VERSION,
  SamplanError,
  type ServerToClientEvents,
} from '@samplan/shared';
import { Server } from 'socket.io';
import { z } from 'zod';
import { sameOriginAllowed } from '../auth/sameOrigin.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import type { MediaService } from '../media/mediaService.ts';
import type { CallPresence } from '../record/conferences/callPresence.ts';
import type { PeerChannel } from '../media/notifications.ts';
import { createDispatcher } from './dispatcher.ts';
import { type HandlerContext, handlers } from './handlers/index.ts';
import type { MediaRelay } from './mediaRelay.ts';
import { socketLeft } from './peerDeparture.ts';
import type { PlanSignalling } from './planSignalling.ts';
import type { RedisAdapter } from './redisAdapter.ts';
import { noticeGroupsOf } from './recordNotices.ts';
import { Session } from './socketSession.ts';
import type { SamplanSocket, SignallingServer } from './socketTypes.ts';


interface SocketData {
  noticeGroups?: string[];
}

const handshakeSchema = z.object({ protocolVersion: z.literal(PROTOCOL_VERSION) });

/**
 * Frames above this are dropped by Socket.IO itself (closing the connection);
 * anything up to it reaches the dispatcher, which answers TOO_LARGE above
 * MAX_REQUEST_BYTES, so an oversized request gets a proper error.
 */
const MAX_FRAME_BYTES = 16 * MAX_REQUEST_BYTES;

function channelOf(socket: SamplanSocket): PeerChannel {
  // Socket.IO's typed emit cannot follow a generic event name; the Notify type above it keeps name and payload paired.
  const emit = socket.emit.bind(socket) as (name: NotificationName, payload: unknown) => boolean;
  return {
    notify: <K extends NotificationName>(name: K, payload: NotificationOf<K>) => {
      emit(name, payload);
    },
    disconnect: () => {
      socket.disconnect(true);
    },
  };
}

export function attachSignalling(
  httpServer: HttpServer,
  deps: {
    media: MediaService;
    config: Pick<Config, 'secret' | 'turnUrls' | 'turnSecret' | 'reconnectGraceMs' | 'publicUrl'>;
    logger: Logger;
    /** The care plan in the call; absent without a clinical record. */
    plan?: PlanSignalling;
    /** Records who is in each conference's call; absent without a clinical record. */
    presence?: CallPresence;
    /** Carries broadcasts to the other nodes (see redisAdapter.ts); absent on a single node. */
    adapter?: RedisAdapter['adapter'];
    /** Checks a conference token against the record at every join; absent without a clinical record (conference tokens are refused). */
    admitToCall?: (claims: ConferenceRoomClaims) => Promise<void>;
    /** Who a handshake is, to put staff and guests in their notice rooms (recordNotices.ts); absent without a clinical record. */
    principals?: Pick<PrincipalResolver, 'principalFromHandshake'>;
    /** Runs room requests on the node that holds the room (mediaRelay.ts); absent on a single node. */
    relay?: MediaRelay;
  },
): SignallingServer {
  const logger = deps.logger.child({ component: 'signalling' });
  const io: SignallingServer = new Server(httpServer, {
    serveClient: false,
    maxHttpBufferSize: MAX_FRAME_BYTES,
    ...(deps.adapter ? { adapter: deps.adapter } : {}),
  });
  const dispatcher = createDispatcher<HandlerContext>(handlers, logger);
  const { plan } = deps;
  const relay = deps.relay;
  relay?.attach({
    io,
    dispatcher,
    secret: deps.config.secret,
    graceMs: deps.config.reconnectGraceMs,
    draining: () => deps.media.draining,
    contextFor: (session) => ({
      session,
      media: deps.media,
      config: deps.config,
      ...(deps.admitToCall ? { admitToCall: deps.admitToCall } : {}),
      ...(deps.presence ? { presence: deps.presence } : {}),
    }),
  });

  // The session cookie rides along with any page's WebSocket to us: only Samplan's own pages may open one.
  io.use((socket, next) => {
    const { origin, host } = socket.handshake.headers;
    if (sameOriginAllowed(origin, host, deps.config.publicUrl)) return next();
    const error = new SamplanError('CROSS_ORIGIN', 'Connections from pages of another site are refused.');
    next(Object.assign(new Error(error.message), { data: error.toBody() }));
  });

  io.use((socket, next) => {
    if (handshakeSchema.safeParse(socket.handshake.auth).success) return next();
    const error = new SamplanError('BAD_REQUEST', `This server speaks protocol version ${PROTOCOL_VERSION}; reload the page.`);
    next(Object.assign(new Error(error.message), { data: error.toBody() }));
  });

  // Before the connection is made, so the socket is in its notice rooms from the moment the client sees it connected.
  const principals = deps.principals;
  if (principals) {
    io.use((socket, next) => {
      principals.principalFromHandshake(socket.handshake).then(
        (principal) => {
          (socket.data as SocketData).noticeGroups = noticeGroupsOf(principal);
          next();
        },
        (error: unknown) => {
          // The call and the plan check the session again on every request; only the notices are lost here.
          logger.warn({ err: error }, 'notice rooms not joined: the session could not be read');
          next();
        },
      );
    });
  }

  io.on('connection', (socket) => {
    const noticeGroups = (socket.data as SocketData).noticeGroups;
    if (noticeGroups && noticeGroups.length > 0) void socket.join(noticeGroups);
    const session = new Session(
      channelOf(socket),
      (error) => logger.error({ err: error }, 'socket task failed'),
      (group) => socket.join(group),
    );
    const context: HandlerContext = {
      session,
      media: deps.media,
      config: deps.config,
      ...(plan ? { plan: plan.connect(socket) } : {}),
      ...(deps.admitToCall ? { admitToCall: deps.admitToCall } : {}),
      ...(deps.presence ? { presence: deps.presence } : {}),
    };

    // Every event goes through the dispatcher and none reaches Socket.IO's own
    // emitter: `next` is never called, so a client sending "error" or any
    // other name cannot trigger listeners it should not reach.
    socket.use(([event, ...args]) => {
      const queued = session.enqueue(() => (relay ? relay.dispatch(context, socket.id, event, args) : dispatcher.dispatch(context, event, args)));
      if (!queued) dispatcher.refuse(args, new SamplanError('RATE_LIMITED', 'Too many requests at once; wait for the answers.'));
    });

    socket.on('error', (error) => logger.warn({ err: error }, 'socket error'));

    socket.on('disconnect', (reason) => {
      session.afterPending(() => {
        context.plan?.close();
        relay?.socketGone(socket.id, reason);
        const peer = session.peer;
        if (peer !== undefined) socketLeft(peer, reason, deps.config.reconnectGraceMs, logger);
      });
    });
  });

  return io;
}
