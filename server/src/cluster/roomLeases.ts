import { SamplanError } from '@samplan/shared';
import type { Logger } from '../logger.ts';
import type { RoomPlacement } from '../media/roomPlacement.ts';

/** The commands the leases need: plain Redis commands, and whether a node is still connected (nodeLink.ts). */
export type LeaseStore = {
  readonly nodeId: string;
  sendCommand(args: string[]): Promise<unknown>;
  alive(nodeId: string): Promise<boolean>;
};

/**
 * Takes the lease when it is free, already ours, or held by the node named in
 * ARGV[3] (found dead by the caller); answers who holds it afterwards. One
 * script, so two nodes taking over from the same dead node cannot both win.
 */
const CLAIM = `
local holder = redis.call('GET', KEYS[1])
if (not holder) or holder == ARGV[1] or holder == ARGV[3] then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return ARGV[1]
end
return holder`;

/** Renews the lease only while it is still ours: 1, or 0 when it lapsed or another node took it. */
const RENEW = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 0`;

/** Gives the lease up only if it is ours. */
const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0`;

export function leaseKeyOf(roomId: string): string {
  return `samplan:room:${roomId}:node`;
}

/**
 * Which node holds each room, as leases in Redis: a key per room naming the
 * node, with a time to live of `leaseMs`, renewed every third of it while the
 * room is open here. A node that dies stops renewing (and its subscription
 * ends at once, which `claim` checks, so a live node takes over without
 * waiting for the lapse); a node that drains gives its leases up.
 */
export class RoomLeases implements RoomPlacement {
  readonly #store: LeaseStore;
  readonly #leaseMs: number;
  readonly #logger: Logger;
  readonly #held = new Set<string>();
  readonly #timer: NodeJS.Timeout;
  #onLost: (roomId: string) => void = () => {};
  #givenUp = false;

  constructor(store: LeaseStore, leaseMs: number, logger: Logger) {
    this.#store = store;
    this.#leaseMs = leaseMs;
    this.#logger = logger.child({ component: 'room-leases', nodeId: store.nodeId });
    this.#timer = setInterval(() => void this.#renewAll(), Math.max(100, Math.floor(leaseMs / 3)));
    this.#timer.unref();
  }

  get nodeId(): string {
    return this.#store.nodeId;
  }

  /** What to do with a room whose lease another node took (or that lapsed while Redis was away): close it, so its people rejoin where it is now. */
  onLost(handler: (roomId: string) => void): void {
    this.#onLost = handler;
  }

  async claim(roomId: string): Promise<void> {
    try {
      await this.#claimOrThrow(roomId);
    } catch (error) {
      if (error instanceof SamplanError) throw error;
      this.#logger.error({ err: error, roomId }, 'room lease could not be taken');
      throw new SamplanError('MEDIA_REJECTED', 'The media servers could not agree where the call runs; try again.');
    }
  }

  async #claimOrThrow(roomId: string): Promise<void> {
    if (this.#givenUp) throw new SamplanError('DRAINING', 'This server is shutting down; connect again to join on another.');
    const me = this.#store.nodeId;
    let holder = await this.#claim(roomId, '');
    if (holder !== me && !(await this.#store.alive(holder))) {
      this.#logger.info({ roomId, from: holder }, 'taking over a room from a node that is gone');
      holder = await this.#claim(roomId, holder);
    }
    if (holder !== me) throw new SamplanError('ROOM_CLOSED', 'The call has just opened on another server; join again.');
    this.#held.add(roomId);
  }

  release(roomId: string): void {
    if (!this.#held.delete(roomId)) return;
    this.#store.sendCommand(['EVAL', RELEASE, '1', leaseKeyOf(roomId), this.#store.nodeId]).catch((error: unknown) => {
      this.#logger.warn({ err: error, roomId }, 'room lease not released; it lapses by itself');
    });
  }

  /**
   * The live node that holds a room other than this one, or undefined when
   * the room is free, here, or held by a node that is gone (then this node
   * may take it).
   */
  async holderElsewhere(roomId: string): Promise<string | undefined> {
    const holder = await this.holderOf(roomId);
    if (holder === undefined || holder === this.#store.nodeId) return undefined;
    return (await this.#store.alive(holder)) ? holder : undefined;
  }

  async holderOf(roomId: string): Promise<string | undefined> {
    const holder = await this.#store.sendCommand(['GET', leaseKeyOf(roomId)]);
    return typeof holder === 'string' ? holder : undefined;
  }

  /** Draining: every lease goes now, so the rooms' people reopen them on other nodes as they move; no new ones are taken. */
  giveUpAll(): void {
    this.#givenUp = true;
    for (const roomId of [...this.#held]) this.release(roomId);
  }

  close(): void {
    clearInterval(this.#timer);
    this.giveUpAll();
  }

  async #claim(roomId: string, deadHolder: string): Promise<string> {
    const holder = await this.#store.sendCommand(['EVAL', CLAIM, '1', leaseKeyOf(roomId), this.#store.nodeId, String(this.#leaseMs), deadHolder]);
    return String(holder);
  }

  async #renewAll(): Promise<void> {
    for (const roomId of [...this.#held]) {
      let renewed: unknown;
      try {
        renewed = await this.#store.sendCommand(['EVAL', RENEW, '1', leaseKeyOf(roomId), this.#store.nodeId, String(this.#leaseMs)]);
      } catch (error) {
        // Redis away: try again next round; if it stays away past the lease, the lease is lost and the room moves then.
        this.#logger.warn({ err: error, roomId }, 'room lease not renewed');
        continue;
      }
      if (Number(renewed) === 1 || !this.#held.has(roomId)) continue;
      this.#held.delete(roomId);
      this.#logger.warn({ roomId }, 'room lease lost: closing the room here so its people rejoin where it is now');
      this.#onLost(roomId);
    }
  }
}
