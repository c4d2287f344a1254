import { CONFERENCE_OVER_STATUSES } from '@samplan/shared';
import type { ConferenceRoomClaims, RoomTokenClaims } from '../../auth/roomToken.ts';
import type { Logger } from '../../logger.ts';
import { KeyedQueue } from '../../concurrency/keyedQueue.ts';
import type { RecordContext } from '../context.ts';

/** What presence needs of a media peer: its id (a resumed connection keeps it) and word when it is gone for good. */
export interface DepartingPeer {
  readonly id: string;
  onDeparture(listener: () => void): void;
}

/** A participant in the call now, by the rows this class keeps (record/plan/planState.ts says the same in SQL). */
export const IN_CALL_NOW = { lobbyState: 'admitted', joinedAt: { not: null }, leftAt: null } as const;

interface InCall {
  readonly conferenceId: string;
  readonly principal: ConferenceRoomClaims['principal'];
}

/**
 * Who is in a conference's call, kept where every server reads it: the
 * participant row (record/plan/planState.ts counts admitted rows with joinedAt set
 * and leftAt null). A peer entering the media room clears leftAt; its
 * departure (left, reconnect grace ran out, room closed) sets it. People leave
 * and come back (a reload, another device), so leftAt says when they last
 * left and is null while they are in.
 *
 * Counted by peer per person on this server: one of two tabs of the same
 * person leaving does not take her out of the call, and a resumed connection
 * (same peer id) is no departure.
 *
 * Her first room token (record/conferences/issueRoomToken.ts) sets joinedAt
 * already, so for the seconds between token and entering she counts as
 * present; she is told of nothing then, and everyone hears it when she enters.
 *
 * After each change it publishes `presence.changed`: who may agree to the
 * plan in that conference may be someone else now.
 */
export class CallPresence {
  readonly #ctx: RecordContext;
  readonly #logger: Logger;
  readonly #queue = new KeyedQueue();
  readonly #peers = new Map<string, Set<string>>();

  constructor(ctx: RecordContext, logger: Logger) {
    this.#ctx = ctx;
    this.#logger = logger.child({ component: 'call-presence' });
  }

  /** A peer entered the media room of a record conference (demo rooms carry no conference); resolves once she counts as present. */
  async entered(claims: RoomTokenClaims, peer: DepartingPeer): Promise<void> {
    if (claims.kind !== 'conference') return;
    const { conferenceId, principal } = claims;
    const who = { conferenceId, principal };
    const key = keyOf(who);
    const peers = this.#peers.get(key) ?? new Set<string>();
    peers.add(peer.id);
    this.#peers.set(key, peers);
    peer.onDeparture(() => {
      peers.delete(peer.id);
      if (peers.size > 0) return;
      if (this.#peers.get(key) === peers) this.#peers.delete(key);
      void this.#record(who, 'left');
    });
    await this.#record(who, 'entered');
  }

  /** One person's changes in order, so a quick leave-and-return ends with her present. */
  #record(who: InCall, change: 'entered' | 'left'): Promise<void> {
    return this.#queue.run(keyOf(who), async () => {
      try {
        const row = who.principal.kind === 'participant' ? { id: who.principal.participantId } : { staffUserId: who.principal.staffId };
        const where = { ...row, conferenceId: who.conferenceId };
        const { db } = this.#ctx;
        const now = this.#ctx.now();
        if (change === 'entered') {
          // The record of a conference that is over stays as it ended, whatever a late peer does.
          const admitted = { ...where, lobbyState: 'admitted' as const, conference: { status: { notIn: [...CONFERENCE_OVER_STATUSES] } } };
          await db.participant.updateMany({ where: { ...admitted, joinedAt: null }, data: { joinedAt: now } });
          await db.participant.updateMany({ where: { ...admitted, leftAt: { not: null } }, data: { leftAt: null } });
        } else {
          await db.participant.updateMany({ where: { ...where, joinedAt: { not: null }, leftAt: null }, data: { leftAt: now } });
        }
      } catch (error) {
        this.#logger.error({ err: error, conferenceId: who.conferenceId, change }, 'presence not recorded');
        return;
      }
      // Always told, also when the row did not change: a first room token already set joinedAt, and nobody heard of it then.
      await this.#ctx.events.publish({ type: 'presence.changed', conferenceId: who.conferenceId });
    });
  }
}

function keyOf({ conferenceId, principal }: InCall): string {
  return `${conferenceId}:${principal.kind === 'participant' ? principal.participantId : principal.staffId}`;
}
