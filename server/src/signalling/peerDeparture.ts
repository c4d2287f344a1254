import type { Logger } from '../logger.ts';
import type { Peer } from '../media/peer.ts';

/** Disconnect reasons that mean the participant meant to go: no reconnect grace. */
const DELIBERATE_DISCONNECTS = new Set(['client namespace disconnect', 'server namespace disconnect', 'server shutting down']);

/**
 * A participant's socket is gone (here, or on the node that relayed it): a
 * deliberate goodbye leaves at once, anything else keeps the place for the
 * reconnect grace.
 */
export function socketLeft(peer: Peer, reason: string, graceMs: number, logger: Logger): void {
  if (DELIBERATE_DISCONNECTS.has(reason) || graceMs === 0) {
    peer.leave();
  } else {
    logger.info({ peerId: peer.id, reason }, 'peer reconnecting');
    peer.markReconnecting(graceMs);
  }
}
