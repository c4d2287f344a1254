/**
 * Loss as a receiver sees it: RTP sequence numbers are 16 bits and wrap, so
 * each one is extended against the last to a running count; whatever was
 * skipped between the first and the highest packet of a window was lost.
 */

const SEQUENCE_SPAN = 0x1_0000;
const HALF_SPAN = 0x8000;

/** The extended sequence number closest to `previous` whose low 16 bits are `sequenceNumber`. */
export function extendSequence(previous: number, sequenceNumber: number): number {
  const low = ((previous % SEQUENCE_SPAN) + SEQUENCE_SPAN) % SEQUENCE_SPAN;
  let delta = sequenceNumber - low;
  if (delta > HALF_SPAN) delta -= SEQUENCE_SPAN;
  else if (delta < -HALF_SPAN) delta += SEQUENCE_SPAN;
  return previous + delta;
}

/**
 * RFC 3550 (A.1): a jump further than this ahead, or further back than
 * MAX_MISORDER, is taken as the sender renumbering its stream, not as a
 * loss: a window of a few seconds at 150 packets/s never loses 3000 in a
 * row, and one renumbering must not count as thousands lost.
 */
const MAX_DROPOUT = 3000;
const MAX_MISORDER = 100;

/** One RTP stream's packets within a measurement window. */
export class SequenceCounter {
  received = 0;
  /** Expected packets of the stretches before the last renumbering. */
  #earlier = 0;
  #first: number | undefined;
  #highest = 0;
  #last = 0;

  add(sequenceNumber: number): void {
    this.received++;
    if (this.#first !== undefined) {
      const extended = extendSequence(this.#last, sequenceNumber);
      if (extended - this.#highest <= MAX_DROPOUT && this.#highest - extended <= MAX_MISORDER) {
        this.#last = extended;
        this.#highest = Math.max(this.#highest, extended);
        this.#first = Math.min(this.#first, extended);
        return;
      }
      this.#earlier += this.#highest - this.#first + 1;
    }
    this.#first = sequenceNumber;
    this.#highest = sequenceNumber;
    this.#last = sequenceNumber;
  }

  /** Packets the sender numbered from each stretch's first to its highest one. */
  get expected(): number {
    return this.#first === undefined ? 0 : this.#earlier + this.#highest - this.#first + 1;
  }
}

export type WindowLoss = { expected: number; received: number; lossPercent: number };

/**
 * Loss over all streams of a window. A stream that received nothing lost as
 * many packets as the busiest stream expected (they all carry the same
 * source); a duplicate never makes up for a lost packet elsewhere.
 */
export function windowLoss(streams: ReadonlyArray<{ expected: number; received: number }>): WindowLoss {
  const busiest = Math.max(0, ...streams.map((stream) => stream.expected));
  let expected = 0;
  let received = 0;
  for (const stream of streams) {
    const streamExpected = stream.received === 0 ? busiest : stream.expected;
    expected += streamExpected;
    received += Math.min(stream.received, streamExpected);
  }
  const lossPercent = expected === 0 ? 100 : ((expected - received) / expected) * 100;
  return { expected, received, lossPercent };
}

/**
 * mediasoup's bandwidth probation packets: padding on an SSRC of their own
 * (RTC::RtpProbationSsrc), numbered apart from the media. They cost the
 * worker like any packet but are no consumer's stream.
 */
export const PROBATION_SSRC = 1234;

/** RFC 5761: with RTP and RTCP on one port, RTCP's second byte (its packet type) is 192–223. */
export function isRtcp(packet: Buffer): boolean {
  return packet.length >= 2 && packet[1]! >= 192 && packet[1]! <= 223;
}
