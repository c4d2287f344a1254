import { SamplanError } from '@samplan/shared';
import type { types } from 'mediasoup';
import type { Logger } from '../logger.ts';
import { MediaCensus } from './census.ts';
import { mediaCodecs } from './codecs.ts';
import { KeyedQueue } from '../concurrency/keyedQueue.ts';
import type { Peer } from './peer.ts';
import { type JoinRequest, Room } from './room.ts';
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

export type ResumeRequest = { peerId: string; resumeKey: string };

/** The rooms of this server process and the workers they run on. */
export class MediaService {
  readonly #pool: WorkerPool;
  readonly #census: MediaCensus;
  readonly #logger: Logger;
  readonly #rooms = new Map<string, Room>();
  readonly #roomQueue = new KeyedQueue();
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
      let room = this.#rooms.get(roomId);
      if (room === undefined) {
        room = await this.#openRoom(roomId);
      }
      if (room.closed) throw new SamplanError('ROOM_CLOSED', 'The room closed while joining; join again.');
      const resumed = resume === undefined ? undefined : room.resume(resume.peerId, resume.resumeKey, request);
      return resumed ?? room.join(request);
    });
  }

  async #openRoom(roomId: string): Promise<Room> {
    let room: Room;
    try {
      room = await Room.create(roomId, this.#pool.leastLoaded(), this.#logger, (closed) => {
        if (this.#rooms.get(closed.id) === closed) this.#rooms.delete(closed.id);
      });
    } catch (error) {
      this.#logger.error({ err: error, roomId }, 'room could not be opened');
      throw new SamplanError('MEDIA_REJECTED', 'The media server could not open the room; try again.');
    }
    this.#rooms.set(roomId, room);
    return room;
  }

  /**
   * Ends a room for everyone in it (`room:closed`, no rejoin): the conference
   * it carried is over. Queued like joins, so nobody slips in as it closes.
   */
  closeRoom(roomId: string): Promise<void> {
    return this.#roomQueue.run(roomId, async () => {
      this.#rooms.get(roomId)?.close('ended');
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

  close(): void {
    for (const room of [...this.#rooms.values()]) room.close('ended');
    this.#pool.close();
  }
}
