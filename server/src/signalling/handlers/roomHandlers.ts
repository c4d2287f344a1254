import type { types } from 'mediasoup';
import { SamplanError } from '@samplan/shared';
import { mediaRoomIdOf, type RoomTokenClaims, verifyRoomToken } from '../../auth/roomToken.ts';
import { rtpCapabilitiesToWire } from '../../media/wire.ts';
import { callGroupOf } from '../callGroups.ts';
import type { FamilyHandlers, HandlerContext } from './handlerContext.ts';

/** A conference token opens the call only for someone the record still lets in; a demo token only a demo room. */
async function admit(context: HandlerContext, claims: RoomTokenClaims): Promise<void> {
  if (claims.kind === 'demo') return;
  if (context.admitToCall === undefined) throw new SamplanError('UNAUTHORIZED', 'The room token is invalid or has expired.');
  await context.admitToCall(claims);
}

export const roomHandlers: FamilyHandlers<'room'> = {
  async 'room:capabilities'({ media, config }, { token }) {
    await verifyRoomToken(token, config.secret);
    return { routerRtpCapabilities: rtpCapabilitiesToWire(media.routerRtpCapabilities) };
  },

  async 'room:join'(context, request) {
    const { session, media, config, presence } = context;
    if (session.peer !== undefined) throw new SamplanError('ALREADY_JOINED', 'This connection has already joined a room.');
    const claims = await verifyRoomToken(request.token, config.secret);
    await admit(context, claims);
    const roomId = mediaRoomIdOf(claims);
    const peer = await media.join(
      roomId,
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
    if (claims.kind === 'conference') await session.enterGroup(callGroupOf(claims.participantId));
    const joined = {
      roomId,
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
