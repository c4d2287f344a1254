import type { Logger } from '../logger.ts';
import type { Room } from './room.ts';
import type { MediaWorker } from './workerPool.ts';

/** How often to look again for a live worker when none runs (a pool of one waits for its dead worker's replacement). */
const RETRY_MS = 200;
/** After this long without a live worker the room closes with `rejoin`, as before rebuilding existed. */
const GIVE_UP_MS = 15_000;

export type WorkerSource = { leastLoaded(): MediaWorker };

/**
 * A room's worker died under peers still in it: open the room again on the
 * least-loaded live worker, keeping its peers (Room.moveTo tells them
 * `room:rebuilt`). The caller runs this in the room's queue, so no join lands
 * in the room while its router is being replaced.
 */
export async function rebuildRoom(room: Room, workers: WorkerSource, logger: Logger): Promise<void> {
  const startedAt = Date.now();
  while (!room.closed) {
    try {
      await room.moveTo(workers.leastLoaded());
      logger.info({ roomId: room.id, tookMs: Date.now() - startedAt }, 'room moved off a dead media worker');
      return;
    } catch (error) {
      if (Date.now() - startedAt > GIVE_UP_MS) {
        logger.error({ err: error, roomId: room.id }, 'room could not be moved off a dead media worker; closing it');
        room.close('worker-died');
        return;
      }
      logger.warn({ err: error, roomId: room.id }, 'no live media worker for the room yet; trying again');
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
  }
}
