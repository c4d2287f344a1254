import type { types } from 'mediasoup';
import { SamplanError } from '@samplan/shared';
import { verifyRoomToken } from '../../auth/roomToken.ts';
import { rtpCapabilitiesToWire } from '../../media/wire.ts';
import type { FamilyHandlers } from './context.ts';

export const roomHandlers: FamilyHandlers<'room'> = {
  async 'room:capabilities'({ media, config }, { token }) {
    await verifyRoomToken(token, config.secret);
    return { routerRtpCapabilities: rtpCapabilitiesToWire(media.routerRtpCapabilities) };
  },

  async 'room:join'({ session, media, config, presence }, request) {
    if (session.peer !== undefined) throw new SamplanError('ALREADY_JOINED', 'This connection has already joined a room.');
    const claims = await verifyRoomToken(request.token, config.secret);
    const peer = await media.join(
      claims.roomId,
      {
        displayName: claims.displayName ?? request.displayName,
        role: claims.role,
        // Shape-checked by the shared schema; mediasoup checks the meaning when consuming.
        rtpCapabilities: request.rtpCapabilities as types.RtpCapabilities,
        channel: session.channel,
      },
      request.resume,
    );
    session.peer = peer;
    const joined = {
      roomId: claims.roomId,
      peerId: peer.id,
      resumeKey: peer.resumeKey,
      role: peer.role,
      peers: peer.room
        .peers()
        .filter((other) => other !== peer)
        .map((other) => other.summary()),
    };
    await presence?.entered(claims, peer);
    return joined;
  },

  async 'room:leave'({ session }) {
    session.requirePeer().leave();
    session.peer = undefined;
    return {};
  },
};
