import type { types } from 'mediasoup';
import { turnIceServers } from '../../media/iceServers.ts';
import type { FamilyHandlers } from './handlerContext.ts';

/** Long enough for a whole conference, short enough that a leaked credential soon stops working. */
const TURN_CREDENTIAL_TTL_SECONDS = 6 * 60 * 60;

export const transportHandlers: FamilyHandlers<'transport'> = {
  async 'transport:create'({ session, config }, { direction }) {
    const peer = session.requirePeer();
    const iceServers = turnIceServers({ urls: config.turnUrls, secret: config.turnSecret }, peer.id, TURN_CREDENTIAL_TTL_SECONDS);
    return peer.createTransport(direction, iceServers);
  },

  async 'transport:connect'({ session }, { transportId, dtlsParameters }) {
    await session.requirePeer().connectTransport(transportId, dtlsParameters as types.DtlsParameters);
    return {};
  },

  async 'transport:restartIce'({ session }, { transportId }) {
    return { iceParameters: await session.requirePeer().restartIce(transportId) };
  },
};
