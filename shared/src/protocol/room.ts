import { z } from 'zod';
import { participantRoleSchema } from '../roles.ts';
import {
  dtlsParametersSchema,
  iceCandidateSchema,
  iceParametersSchema,
  iceServerSchema,
  mediaIdSchema,
  mediaKindSchema,
  rtpCapabilitiesSchema,
  rtpParametersSchema,
  sctpParametersSchema,
} from './mediasoup.ts';

/** Bumped on any change to the messages below that old clients cannot read. */
export const PROTOCOL_VERSION = 2;

/** A serialised request larger than this is refused with TOO_LARGE before it is parsed. */
export const MAX_REQUEST_BYTES = 64 * 1024;

export const mediaSourceSchema = z.enum(['mic', 'camera', 'screen']);
export type MediaSource = z.infer<typeof mediaSourceSchema>;

export const displayNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .refine((name) => !/[\u0000-\u001f\u007f]/.test(name), 'must not contain control characters');

export const producerSummarySchema = z.object({
  producerId: mediaIdSchema,
  kind: mediaKindSchema,
  source: mediaSourceSchema,
  paused: z.boolean(),
});
export type ProducerSummary = z.infer<typeof producerSummarySchema>;

export const peerConnectionSchema = z.enum(['connected', 'reconnecting']);

export const peerSummarySchema = z.object({
  peerId: mediaIdSchema,
  displayName: z.string(),
  role: participantRoleSchema,
  connection: peerConnectionSchema,
  producers: z.array(producerSummarySchema),
});
export type PeerSummary = z.infer<typeof peerSummarySchema>;

const token = z.string().min(16).max(4096);
const transportId = mediaIdSchema;
const producerId = mediaIdSchema;
const consumerId = mediaIdSchema;
const empty = z.object({});

export const transportOptionsSchema = z.object({
  id: transportId,
  iceParameters: iceParametersSchema,
  iceCandidates: z.array(iceCandidateSchema),
  dtlsParameters: dtlsParametersSchema,
  sctpParameters: sctpParametersSchema.optional(),
  iceServers: z.array(iceServerSchema),
});
export type TransportOptions = z.infer<typeof transportOptionsSchema>;

export const consumerOptionsSchema = z.object({
  consumerId,
  producerId,
  peerId: mediaIdSchema,
  kind: mediaKindSchema,
  source: mediaSourceSchema,
  rtpParameters: rtpParametersSchema,
  type: z.enum(['simple', 'simulcast', 'svc', 'pipe']),
  producerPaused: z.boolean(),
});
export type ConsumerOptions = z.infer<typeof consumerOptionsSchema>;

/**
 * Requests a client sends; each is answered through the Socket.IO
 * acknowledgement with `Ack<response>`. The server validates `request` at the
 * edge; the client may validate `response`.
 */
export const roomRequests = {
  /** What the room's router can do, so the client can load its mediasoup Device. The token is checked, nobody joins. */
  'room:capabilities': {
    request: z.object({ token }),
    response: z.object({ routerRtpCapabilities: rtpCapabilitiesSchema }),
  },
  /**
   * Enter the room. `resume` (from an earlier join on a socket that dropped)
   * takes the old place back, so others see the same person reconnect instead
   * of a stranger joining.
   */
  'room:join': {
    request: z.object({
      token,
      displayName: displayNameSchema,
      rtpCapabilities: rtpCapabilitiesSchema,
      resume: z.object({ peerId: mediaIdSchema, resumeKey: z.string().min(16).max(128) }).optional(),
    }),
    response: z.object({
      roomId: z.string(),
      peerId: mediaIdSchema,
      resumeKey: z.string(),
      role: participantRoleSchema,
      peers: z.array(peerSummarySchema),
    }),
  },
  'room:leave': { request: empty, response: empty },
  'transport:create': {
    request: z.object({ direction: z.enum(['send', 'recv']) }),
    response: transportOptionsSchema,
  },
  'transport:connect': {
    request: z.object({ transportId, dtlsParameters: dtlsParametersSchema }),
    response: empty,
  },
  'transport:restartIce': {
    request: z.object({ transportId }),
    response: z.object({ iceParameters: iceParametersSchema }),
  },
  'producer:create': {
    request: z.object({
      transportId,
      kind: mediaKindSchema,
      source: mediaSourceSchema,
      rtpParameters: rtpParametersSchema,
      paused: z.boolean().optional(),
    }),
    response: z.object({ producerId }),
  },
  'producer:pause': { request: z.object({ producerId }), response: empty },
  'producer:resume': { request: z.object({ producerId }), response: empty },
  'producer:close': { request: z.object({ producerId }), response: empty },
  /** Consumers start paused; the client resumes once its local consumer exists, so no keyframe is lost. */
  'consumer:create': {
    request: z.object({ transportId, producerId }),
    response: consumerOptionsSchema,
  },
  'consumer:resume': { request: z.object({ consumerId }), response: empty },
  'consumer:pause': { request: z.object({ consumerId }), response: empty },
  /** A small tile asks for a low simulcast layer; the speaker's big tile for the top one. */
  'consumer:setPreferredLayers': {
    request: z.object({
      consumerId,
      spatialLayer: z.number().int().min(0).max(2),
      temporalLayer: z.number().int().min(0).max(2).optional(),
    }),
    response: empty,
  },
} as const;

/** Notifications the server pushes to everyone else in the room. */
export const roomNotifications = {
  'peer:joined': z.object({ peer: peerSummarySchema }),
  'peer:left': z.object({ peerId: mediaIdSchema }),
  'peer:connection': z.object({ peerId: mediaIdSchema, connection: peerConnectionSchema }),
  'producer:new': z.object({ peerId: mediaIdSchema, producer: producerSummarySchema }),
  'producer:paused': z.object({ peerId: mediaIdSchema, producerId }),
  'producer:resumed': z.object({ peerId: mediaIdSchema, producerId }),
  'producer:closed': z.object({ peerId: mediaIdSchema, producerId }),
  /** The consumer is gone on the server (its producer or transport closed). */
  'consumer:closed': z.object({ consumerId }),
  'speaker:active': z.object({ peerId: mediaIdSchema.nullable() }),
  /**
   * The room ended under the client: its media worker died (join again), the
   * conference ended, the host removed this person or sent them back to the
   * lobby (`rejoin` false: the server refuses a join until that changes).
   */
  /**
   * The room's media worker died and the room now runs on another one. The
   * place in the call is kept (same peer ids, nobody left): the client
   * creates new transports, produces again and consumes what the others
   * announce with `producer:new`. `peers` are the others as they are now,
   * without producers (theirs went with the worker too).
   */
  'room:rebuilt': z.object({ peers: z.array(peerSummarySchema) }),
  'room:closed': z.object({ reason: z.enum(['worker-died', 'ended', 'removed', 'lobby']), rejoin: z.boolean() }),
  /**
   * This server is shutting down (SIGTERM): leave and join again over a new
   * connection, which a load balancer sends to another node. The call goes on
   * here until the client leaves or `closesInMs` has passed; this server
   * refuses new joins meanwhile (DRAINING).
   */
  'room:draining': z.object({ rejoin: z.literal(true), closesInMs: z.number().int().min(0) }),
} as const;
