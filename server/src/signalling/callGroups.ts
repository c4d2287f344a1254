import type { NotificationOf } from '@samplan/shared';
import type { ExclusionReason } from '../events/domainEvents.ts';
import type { SignallingServer } from './socketTypes.ts';

/**
 * Every socket that joined a conference's call as one participant is in that
 * participant's Socket.IO room. Socket.IO rooms go through the adapter, so with
 * the Redis adapter the node that records a removal reaches the sockets on
 * whichever node they are connected to.
 */
export function callGroupOf(participantId: string): string {
  return `call:participant:${participantId}`;
}

/**
 * Takes a participant out of the call now: they are told why (no rejoin), then
 * their sockets are disconnected, which makes their peers leave the room for
 * good (a server disconnect is deliberate: no reconnect grace). The notice and
 * the disconnect travel in order on each socket, so the page learns why first.
 */
export function excludeFromCall(io: Pick<SignallingServer, 'to' | 'in'>, participantId: string, reason: ExclusionReason): void {
  const group = callGroupOf(participantId);
  const notice: NotificationOf<'room:closed'> = { reason, rejoin: false };
  io.to(group).emit('room:closed', notice);
  io.in(group).disconnectSockets(false);
}
