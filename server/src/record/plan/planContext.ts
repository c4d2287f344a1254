import type { RecordContext } from '../context.ts';
import { PlanWriteQueue } from './planWriteQueue.ts';
import { ContentIndex } from './revisions.ts';

/**
 * What the plan's use cases run with: the record's context and what this
 * server keeps between requests, its writes to each plan in order
 * (planWriteQueue.ts) and what it knows of stored revisions (revisions.ts).
 * One per server; two of them on one database behave as two servers.
 */
export interface PlanContext extends RecordContext {
  readonly planWrites: PlanWriteQueue;
  readonly planContent: ContentIndex;
}

export function planContext(record: RecordContext): PlanContext {
  return { db: record.db, now: record.now, events: record.events, planWrites: new PlanWriteQueue(), planContent: new ContentIndex() };
}
