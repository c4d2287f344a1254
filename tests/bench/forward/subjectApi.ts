/** What the two subjects of bench:forward offer the orchestrator, and what they share. */

export type SubjectName = 'samplan' | 'bare';

/** A producer fed by the source, and consumers sending to the sink, on one worker. */
export type Subject = {
  workerPid: number;
  /** Where the source sends its RTP, and its RTCP. */
  producerPort: number;
  producerRtcpPort: number;
  /** One more receiver (its own plain transport, one consumer on it) per sink port. */
  addReceivers(ports: number[]): Promise<void>;
  /** Closes the `count` receivers added last (the ramp steps back when it narrows a figure down). */
  removeReceivers(count: number): void;
  /** Pauses or resumes the producer: only the subject being measured forwards anything. */
  flow(on: boolean): Promise<void>;
  /** The producer's own count of packets received and lost, a cross-check of the sink's figures. */
  producerStats(): Promise<{ packets: number; lost: number }>;
  close(): void;
};

/** Receivers are added a few at a time: creating hundreds at once only queues them in the worker's channel. */
const RECEIVER_BATCH = 20;

export async function inBatches<T>(items: readonly T[], each: (item: T) => Promise<void>): Promise<void> {
  for (let start = 0; start < items.length; start += RECEIVER_BATCH) {
    await Promise.all(items.slice(start, start + RECEIVER_BATCH).map(each));
  }
}

export function producerCounts(stats: ReadonlyArray<{ packetCount: number; packetsLost: number }>): { packets: number; lost: number } {
  return { packets: stats.reduce((sum, s) => sum + s.packetCount, 0), lost: stats.reduce((sum, s) => sum + s.packetsLost, 0) };
}
