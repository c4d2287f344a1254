import type { types } from 'mediasoup';
import type { FamilyHandlers } from './handlerContext.ts';

export const producerHandlers: FamilyHandlers<'producer'> = {
  async 'producer:create'({ session }, request) {
    const producer = await session.requirePeer().produce({
      transportId: request.transportId,
      kind: request.kind,
      source: request.source,
      rtpParameters: request.rtpParameters as types.RtpParameters,
      paused: request.paused ?? false,
    });
    return { producerId: producer.id };
  },

  async 'producer:pause'({ session }, { producerId }) {
    await session.requirePeer().pauseProducer(producerId);
    return {};
  },

  async 'producer:resume'({ session }, { producerId }) {
    await session.requirePeer().resumeProducer(producerId);
    return {};
  },

  async 'producer:close'({ session }, { producerId }) {
    session.requirePeer().closeProducer(producerId);
    return {};
  },
};
