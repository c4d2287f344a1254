import { type NotificationOf, SamplanError } from '@samplan/shared';
import type { types } from 'mediasoup';
import type { Logger } from '../logger.ts';
import { MediaCensus } from './census.ts';
import { mediaCodecs } from './codecs.ts';
import { KeyedQueue } from '../concurrency/keyedQueue.ts';
import type { Peer } from './peer.ts';
import { type JoinRequest, Room, type RoomCloseReason } from './room.ts';
import { rebuildRoom } from './roomRebuild.ts';
import type { RoomPlacement } from './roomPlacement.ts';
import { WorkerPool, type WorkerPoolOptions } from './workerPool.ts';

export type MediaStats = {
  workers: number;
  rooms: number;
  peers: number;
  routers: number;
  transports: number;
  producers: number;
  consumers: number;
};

/** One worker slot's figures for /metrics: CPU time of its live worker process, and how often it died. */
export type WorkerUsage = { slot: number; pid: number | undefined; cpuSeconds: number; restarts: number };

export type ResumeRequest = { peerId: string; resumeKey: string };

type Drain = { closesAt: number; empty: Promise<void>; settle: () => void };

/** The rooms of this server process and the workers they run on. */
export class MediaService {
  readonly #pool: WorkerPool;
  readonly #census: MediaCensus;
  readonly #logger: Logger;
  readonly #rooms = new Map<string, Room>();
  readonly #roomQueue = new KeyedQueue();
  #drain: Drain | undefined;
  #placement: RoomPlacement | undefined;
  /**
   * Router capabilities follow from the codec list alone, so every router has
   * the same; knowing them up front lets a client load its device before a
   * room exists.
   */
  readonly routerRtpCapabilities: types.RtpCapabilities;

  private constructor(pool: WorkerPool, census: MediaCensus, logger: Logger, routerRtpCapabilities: types.RtpCapabilities) {
    this.#pool = pool;
    this.#census = census;
    this.#logger = logger;
    this.routerRtpCapabilities = routerRtpCapabilities;
  }

  static async start(options: WorkerPoolOptions, logger: Logger): Promise<MediaService> {
    const census = new MediaCensus();
    const pool = await WorkerPool.start(options, census, logger);
    try {
      const probe = await pool.leastLoaded().worker.createRouter({ mediaCodecs });
      const capabilities = probe.rtpCapabilities;
      probe.close();
      return new MediaService(pool, census, logger, capabilities);
    } catch (error) {
      pool.close();
      throw error;
    }
  }

  /**
   * Puts a participant into a room, opening the room if needed. Opening and
   * joining run in one queue per room id, so simultaneous first joins share
   * one router and a join never lands in a room that is just closing.
   */
  join(roomId: string, request: JoinRequest, resume: ResumeRequest | undefined): Promise<Peer> {
    return this.#roomQueue.run(roomId, async () => {
      this.#refuseWhileDraining();
      let room = this.#rooms.get(roomId);
      if (room === undefined) {
        room = await this.#openRoom(roomId);
      }
      if (room.closed) throw new SamplanError('ROOM_CLOSED', 'The room closed while joining; join again.');
      const resumed = resume === undefined ? undefined : room.resume(resume.peerId, resume.resumeKey, request);
      const peer = resumed ?? room.join(request);
      // A join that was past the check when the drain began still has to move.
      if (this.#drain !== undefined) peer.notify('room:draining', this.#drainNotice(this.#drain));
      return peer;
    });
  }

  #refuseWhileDraining(): void {
    if (this.#drain !== undefined) throw new SamplanError('DRAINING', 'This server is shutting down; connect again to join on another.');
  }

  /**
   * The server is shutting down: joins are refused from now on, and everyone
   * in a room is told to move (`room:draining`) while their call goes on
   * here. Resolves when the last room has emptied; the caller decides how
   * long to wait for that.
   */
  drain(closesInMs: number): Promise<void> {
    if (this.#drain === undefined) {
      let settle = () => {};
      const empty = new Promise<void>((resolve) => {
        settle = resolve;
      });
      const drain: Drain = { closesAt: Date.now() + closesInMs, empty, settle };
      this.#drain = drain;
      this.#logger.info({ rooms: this.#rooms.size, closesInMs }, 'draining: joins refused, rooms told to move');
      for (const room of this.#rooms.values()) room.broadcast(undefined, 'room:draining', this.#drainNotice(drain));
      this.#settleDrainIfEmpty();
    }
    return this.#drain.empty;
  }

  /** With several nodes, a room opens only on the node that holds it (see roomPlacement.ts). */
  placeWith(placement: RoomPlacement): void {
    this.#placement = placement;
  }

  get draining(): boolean {
    return this.#drain !== undefined;
  }

  #drainNotice(drain: Drain): NotificationOf<'room:draining'> {
    return { rejoin: true, closesInMs: Math.max(0, drain.closesAt - Date.now()) };
  }

  #settleDrainIfEmpty(): void {
    if (this.#drain !== undefined && this.#rooms.size === 0) this.#drain.settle();
  }

  async #openRoom(roomId: string): Promise<Room> {
    const placement = this.#placement;
    await placement?.claim(roomId);
    let room: Room;
    try {
      room = await Room.create(roomId, this.#pool.leastLoaded(), this.#logger, {
        onClosed: (closed) => {
          if (this.#rooms.get(closed.id) === closed) this.#rooms.delete(closed.id);
          placement?.release(closed.id);
          this.#settleDrainIfEmpty();
        },
        onWorkerLost: (lost) => void this.#roomQueue.run(lost.id, () => rebuildRoom(lost, this.#pool, this.#logger)),
      });
    } catch (error) {
      placement?.release(roomId);
      this.#logger.error({ err: error, roomId }, 'room could not be opened');
      throw new SamplanError('MEDIA_REJECTED', 'The media server could not open the room; try again.');
    }
    this.#rooms.set(roomId, room);
    return room;
  }

  /**
   * Ends a room for everyone in it: `ended` (no rejoin) when the conference
   * it carried is over, `worker-died` (rejoin) when it must reopen elsewhere.
   * Queued like joins, so nobody slips in as it closes.
   */
  closeRoom(roomId: string, reason: RoomCloseReason = 'ended'): Promise<void> {
    return this.#roomQueue.run(roomId, async () => {
      this.#rooms.get(roomId)?.close(reason);
    });
  }

  /** The process id of the worker hosting a room, for operators and for tests that kill it. */
  roomWorkerPid(roomId: string): number | undefined {
    return this.#rooms.get(roomId)?.mediaWorker.worker.pid;
  }

  get workerCount(): number {
    return this.#pool.size;
  }

  stats(): MediaStats {
    const { workers, routers, transports, producers, consumers } = this.#census.total();
    let peers = 0;
    for (const room of this.#rooms.values()) peers += room.peerCount;
    return { workers, rooms: this.#rooms.size, peers, routers, transports, producers, consumers };
  }

  /** Asks each live worker for its resource usage; a worker that cannot answer (dying) has no pid. */
  async workerUsage(): Promise<WorkerUsage[]> {
    return Promise.all(
      this.#pool.slots().map(async ({ slot, worker, restarts }) => {
        if (worker === undefined || worker.closed) return { slot, pid: undefined, cpuSeconds: 0, restarts };
        try {
          const usage = await worker.getResourceUsage();
          return { slot, pid: worker.pid, cpuSeconds: (usage.ru_utime + usage.ru_stime) / 1000, restarts };
        } catch {
          return { slot, pid: undefined, cpuSeconds: 0, restarts };
        }
      }),
    );
  }

  close(): void {
    for (const room of [...this.#rooms.values()]) room.close('ended');
    this.#pool.close();
  }
}
