import { z } from 'zod';

/*
 * The mediasoup objects that cross the wire, checked for shape and size at the
 * edge. mediasoup validates their semantics itself; these schemas keep
 * garbage, huge payloads and wrong types away from the worker.
 */

const id = z.string().min(1).max(64);
const shortText = z.string().max(256);
const parameters = z.record(z.string().max(64), z.union([z.string().max(512), z.number(), z.boolean()]));

const rtcpFeedback = z.looseObject({ type: z.string().max(64), parameter: z.string().max(64).optional() });

export const mediaKindSchema = z.enum(['audio', 'video']);
export type MediaKind = z.infer<typeof mediaKindSchema>;

const rtpCodecCapability = z.looseObject({
  kind: mediaKindSchema,
  mimeType: z.string().max(64),
  preferredPayloadType: z.number().int().min(0).max(127).optional(),
  clockRate: z.number().int().positive(),
  channels: z.number().int().positive().optional(),
  parameters: parameters.optional(),
  rtcpFeedback: z.array(rtcpFeedback).max(32).optional(),
});

const rtpHeaderExtension = z.looseObject({
  kind: mediaKindSchema,
  uri: z.string().max(256),
  preferredId: z.number().int(),
  preferredEncrypt: z.boolean().optional(),
  direction: z.enum(['sendrecv', 'sendonly', 'recvonly', 'inactive']).optional(),
});

export const rtpCapabilitiesSchema = z.looseObject({
  codecs: z.array(rtpCodecCapability).max(64).optional(),
  headerExtensions: z.array(rtpHeaderExtension).max(64).optional(),
});

export const dtlsParametersSchema = z.looseObject({
  role: z.enum(['auto', 'client', 'server']).optional(),
  fingerprints: z
    .array(z.looseObject({ algorithm: z.string().max(32), value: z.string().max(256) }))
    .min(1)
    .max(8),
});

const rtpCodecParameters = z.looseObject({
  mimeType: z.string().max(64),
  payloadType: z.number().int().min(0).max(127),
  clockRate: z.number().int().positive(),
  channels: z.number().int().positive().optional(),
  parameters: parameters.optional(),
  rtcpFeedback: z.array(rtcpFeedback).max(32).optional(),
});

const rtpEncodingParameters = z.looseObject({
  ssrc: z.number().int().nonnegative().optional(),
  rid: z.string().max(32).optional(),
  codecPayloadType: z.number().int().optional(),
  rtx: z.looseObject({ ssrc: z.number().int().nonnegative() }).optional(),
  dtx: z.boolean().optional(),
  scalabilityMode: z.string().max(16).optional(),
  scaleResolutionDownBy: z.number().positive().optional(),
  maxBitrate: z.number().positive().optional(),
});

export const rtpParametersSchema = z.looseObject({
  mid: z.string().max(32).optional(),
  codecs: z.array(rtpCodecParameters).min(1).max(32),
  headerExtensions: z
    .array(z.looseObject({ uri: z.string().max(256), id: z.number().int(), encrypt: z.boolean().optional() }))
    .max(32)
    .optional(),
  encodings: z.array(rtpEncodingParameters).max(8).optional(),
  rtcp: z.looseObject({ cname: shortText.optional(), reducedSize: z.boolean().optional() }).optional(),
  msid: shortText.optional(),
});

export const iceParametersSchema = z.looseObject({
  usernameFragment: z.string(),
  password: z.string(),
  iceLite: z.boolean().optional(),
});

export const iceCandidateSchema = z.looseObject({
  foundation: z.string(),
  priority: z.number(),
  address: z.string(),
  protocol: z.enum(['udp', 'tcp']),
  port: z.number().int(),
  type: z.string(),
  tcpType: z.string().optional(),
});

export const sctpParametersSchema = z.looseObject({ port: z.number(), OS: z.number(), MIS: z.number(), maxMessageSize: z.number() });

export const iceServerSchema = z.object({
  urls: z.union([z.string(), z.array(z.string())]),
  username: z.string().optional(),
  credential: z.string().optional(),
});
export type IceServer = z.infer<typeof iceServerSchema>;

export { id as mediaIdSchema };
