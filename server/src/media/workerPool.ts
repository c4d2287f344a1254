import * as mediasoup from 'mediasoup';
import type { types } from 'mediasoup';
import type { Logger } from '../logger.ts';
import type { MediaCensus } from './census.ts';

export type WorkerPoolOptions = {
  size: number;
  listenIp: string;
  announcedAddress: string | undefined;
  /** Worker i's WebRtcServer listens on basePort + i; 0 lets each pick a free port in the RTC range. */
  basePort: number;
  rtcMinPort: number;
  rtcMaxPort: number;
};

/** A mediasoup worker process and the one UDP+TCP port its WebRTC transports share. */
export type MediaWorker = {
  readonly slot: number;
  readonly worker: types.Worker;
  readonly webRtcServer: types.WebRtcServer;
};

const REPLACE_RETRY_MS = 1000;

/**
 * The mediasoup worker processes, one per core by default. A worker that dies
 * is replaced in its slot (same port); the rooms it hosted move to a live
 * worker (media/roomRebuild.ts), their peers staying in the call.
 */
export class WorkerPool {
  readonly #options: WorkerPoolOptions;
  readonly #census: MediaCensus;
  readonly #logger: Logger;
  readonly #slots: Array<MediaWorker | undefined>;
  /** Per slot: how often its worker died and was replaced. */
  readonly #restarts: number[];
  #closed = false;

  private constructor(options: WorkerPoolOptions, census: MediaCensus, logger: Logger) {
    this.#options = options;
    this.#census = census;
    this.#logger = logger;
    this.#slots = new Array<MediaWorker | undefined>(options.size).fill(undefined);
    this.#restarts = new Array<number>(options.size).fill(0);
  }

  static async start(options: WorkerPoolOptions, census: MediaCensus, logger: Logger): Promise<WorkerPool> {
    const pool = new WorkerPool(options, census, logger);
    try {
      await Promise.all(pool.#slots.map(async (_, slot) => pool.#fill(slot)));
    } catch (error) {
      pool.close();
      throw error;
    }
    return pool;
  }

  get size(): number {
    return this.#live().length;
  }

  /**
   * Load is routers plus transports: each transport is one participant's
   * stream in one direction, which is what costs CPU; counting routers too
   * spreads rooms that were opened at the same moment, before anyone
   * connected.
   */
  leastLoaded(): MediaWorker {
    let best: { entry: MediaWorker; load: number } | undefined;
    for (const entry of this.#live()) {
      const counts = this.#census.of(entry.worker);
      const load = counts.routers + counts.transports;
      if (best === undefined || load < best.load) best = { entry, load };
    }
    if (best === undefined) throw new Error('No media worker is running.');
    return best.entry;
  }

  /** Every slot with its live worker (if any) and how often its worker died. */
  slots(): Array<{ slot: number; worker: types.Worker | undefined; restarts: number }> {
    return this.#slots.map((entry, slot) => ({ slot, worker: entry?.worker, restarts: this.#restarts[slot] ?? 0 }));
  }

  close(): void {
    this.#closed = true;
    for (const entry of this.#live()) entry.worker.close();
    this.#slots.fill(undefined);
  }

  #live(): MediaWorker[] {
    // A dead worker's routers learn of its death before the pool does: never hand it out meanwhile.
    return this.#slots.filter((entry): entry is MediaWorker => entry !== undefined && !entry.worker.closed);
  }

  async #fill(slot: number): Promise<void> {
    const { listenIp, announcedAddress, basePort, rtcMinPort, rtcMaxPort } = this.#options;
    const worker = await mediasoup.createWorker({ logLevel: 'warn', rtcMinPort, rtcMaxPort, appData: { slot } });
    if (this.#closed) {
      worker.close();
      return;
    }
    this.#census.watch(worker);
    const port = basePort === 0 ? { portRange: { min: rtcMinPort, max: rtcMaxPort } } : { port: basePort + slot };
    let webRtcServer: types.WebRtcServer;
    try {
      webRtcServer = await worker.createWebRtcServer({
        listenInfos: (['udp', 'tcp'] as const).map((protocol) => ({ protocol, ip: listenIp, announcedAddress, ...port })),
      });
    } catch (error) {
      worker.close();
      throw new Error(`Media worker ${slot} could not listen on ${listenIp}:${'port' in port ? port.port : 'any'}: ${String(error)}`);
    }
    if (this.#closed) {
      worker.close();
      return;
    }
    worker.on('died', (error) => this.#onDied(slot, worker, error));
    this.#slots[slot] = { slot, worker, webRtcServer };
    this.#logger.info({ slot, workerPid: worker.pid }, 'media worker started');
  }

  #onDied(slot: number, worker: types.Worker, error: Error): void {
    this.#logger.error({ slot, workerPid: worker.pid, err: error }, 'media worker died; replacing it');
    if (this.#slots[slot]?.worker === worker) this.#slots[slot] = undefined;
    this.#restarts[slot] = (this.#restarts[slot] ?? 0) + 1;
    void this.#replace(slot);
  }

  async #replace(slot: number): Promise<void> {
    while (!this.#closed && this.#slots[slot] === undefined) {
      try {
        await this.#fill(slot);
      } catch (error) {
        this.#logger.error({ slot, err: error }, 'media worker could not be replaced; retrying');
        await new Promise((resolve) => setTimeout(resolve, REPLACE_RETRY_MS));
      }
    }
  }
}
