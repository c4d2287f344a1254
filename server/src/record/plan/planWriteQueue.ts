import { SamplanError } from '@samplan/shared';
import { KeyedQueue } from '../../concurrency/keyedQueue.ts';

/** How often a write is made again when another server committed first; each retry means someone else made progress. */
const MAX_ATTEMPTS = 8;

/** What a write attempt answers when another server took the revision number it meant to take. */
export const TAKEN = Symbol('revision number taken');
export type Attempt<T> = T | typeof TAKEN;

/**
 * Serialisation per plan. The database is the authority across servers (a
 * revision number is taken once, by the unique (planId, number)); within one
 * server, the writes to a plan (pushes, agreements, consequences) run one
 * after another so that they rarely meet there.
 */
export class PlanWriteQueue {
  readonly #queue = new KeyedQueue();

  /** Runs `write` after the writes to this episode's plan queued before it on this server. */
  run<T>(episodeId: string, write: () => Promise<T>): Promise<T> {
    return this.#queue.run(episodeId, write);
  }
}

/** Commits a revision, or answers TAKEN when another server committed that number first (store/planRevisions.ts says CONFLICT). */
export async function commitUnlessTaken<T>(commit: () => Promise<T>): Promise<Attempt<T>> {
  try {
    return await commit();
  } catch (error) {
    if (error instanceof SamplanError && error.code === 'CONFLICT') return TAKEN;
    throw error;
  }
}

/** Makes the attempt again, on top of what the other server committed, until it is not TAKEN; a plan changing faster than that is a CONFLICT. */
export async function untilCommitted<T>(attempt: () => Promise<Attempt<T>>, tooFast: string): Promise<T> {
  for (let n = 1; n <= MAX_ATTEMPTS; n++) {
    const result = await attempt();
    if (result !== TAKEN) return result;
  }
  throw new SamplanError('CONFLICT', tooFast);
}
