import type { types } from 'mediasoup';

export type MediaCounts = { routers: number; transports: number; producers: number; consumers: number };

function zeroCounts(): MediaCounts {
  return { routers: 0, transports: 0, producers: 0, consumers: 0 };
}

/**
 * Counts the live mediasoup objects of each worker from mediasoup's own
 * observer events, not from Samplan's bookkeeping, so a leak in Samplan's
 * close cascades shows up in the numbers.
 */
export class MediaCensus {
  readonly #counts = new Map<types.Worker, MediaCounts>();

  watch(worker: types.Worker): void {
    const counts = zeroCounts();
    this.#counts.set(worker, counts);
    worker.observer.once('close', () => this.#counts.delete(worker));
    worker.observer.on('newrouter', (router) => {
      counts.routers++;
      router.observer.once('close', () => counts.routers--);
      router.observer.on('newtransport', (transport) => {
        counts.transports++;
        transport.observer.once('close', () => counts.transports--);
        transport.observer.on('newproducer', (producer) => {
          counts.producers++;
          producer.observer.once('close', () => counts.producers--);
        });
        transport.observer.on('newconsumer', (consumer) => {
          counts.consumers++;
          consumer.observer.once('close', () => counts.consumers--);
        });
      });
    });
  }

  of(worker: types.Worker): MediaCounts {
    return { ...(this.#counts.get(worker) ?? zeroCounts()) };
  }

  total(): MediaCounts & { workers: number } {
    const total = { workers: this.#counts.size, ...zeroCounts() };
    for (const counts of this.#counts.values()) {
      total.routers += counts.routers;
      total.transports += counts.transports;
      total.producers += counts.producers;
      total.consumers += counts.consumers;
    }
    return total;
  }
}
