import type { FamilyHandlers } from './handlerContext.ts';

export const consumerHandlers: FamilyHandlers<'consumer'> = {
  async 'consumer:create'({ session }, { transportId, producerId }) {
    return session.requirePeer().consume(transportId, producerId);
  },

  async 'consumer:resume'({ session }, { consumerId }) {
    await session.requirePeer().resumeConsumer(consumerId);
    return {};
  },

  async 'consumer:pause'({ session }, { consumerId }) {
    await session.requirePeer().pauseConsumer(consumerId);
    return {};
  },

  async 'consumer:setPreferredLayers'({ session }, { consumerId, spatialLayer, temporalLayer }) {
    await session.requirePeer().setPreferredLayers(consumerId, { spatialLayer, temporalLayer });
    return {};
  },
};
