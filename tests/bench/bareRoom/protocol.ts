import type { types } from 'mediasoup-client';

/**
 * The bare room's signalling: one Socket.IO acknowledgement per request (Socket.IO reserves "connect"),
 * nothing validated, nothing authorised — the minimum a mediasoup call needs.
 */
export type BareRequests = {
  capabilities: { request: Record<string, never>; response: types.RtpCapabilities };
  join: { request: { room: string; rtpCapabilities: types.RtpCapabilities }; response: { peerId: string; producers: BareProducer[] } };
  createTransport: { request: { direction: 'send' | 'recv' }; response: BareTransport };
  connectTransport: { request: { transportId: string; dtlsParameters: types.DtlsParameters }; response: Record<string, never> };
  produce: { request: { transportId: string; kind: types.MediaKind; rtpParameters: types.RtpParameters }; response: { id: string } };
  consume: { request: { producerId: string; spatialLayer: number }; response: BareConsumer };
  resume: { request: { consumerId: string }; response: Record<string, never> };
};
export type BareRequestName = keyof BareRequests;

/** Server to page: someone in the room started sending. */
export const NEW_PRODUCER = 'newProducer';

export type BareProducer = { peerId: string; producerId: string; kind: types.MediaKind };
export type BareTransport = Pick<types.TransportOptions, 'id' | 'iceParameters' | 'iceCandidates' | 'dtlsParameters'>;
export type BareConsumer = { id: string; producerId: string; peerId: string; kind: types.MediaKind; rtpParameters: types.RtpParameters };
export type BareAck<T> = { ok: true; data: T } | { ok: false; error: string };

/** What the bare room's server process answers its orchestrator over IPC (../ipc.ts). */
export type BareRoomHandlers = { url(): string; close(): void };
