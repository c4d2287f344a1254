import { describe, expect, it } from 'vitest';
import { extendSequence, isRtcp, SequenceCounter, windowLoss } from './loss.ts';

function counted(sequenceNumbers: number[]): SequenceCounter {
  const counter = new SequenceCounter();
  for (const sequenceNumber of sequenceNumbers) counter.add(sequenceNumber);
  return counter;
}

describe('sequence numbers', () => {
  it('extend across the 16-bit wrap, forwards and backwards', () => {
    expect(extendSequence(65_535, 0)).toBe(65_536);
    expect(extendSequence(65_536 + 3, 65_534)).toBe(65_534);
    expect(extendSequence(10, 12)).toBe(12);
    expect(extendSequence(131_072 + 5, 2)).toBe(131_074);
  });

  it('count what was skipped between the first and the highest packet as lost, across a wrap', () => {
    const counter = counted([65_533, 65_534, 0, 1, 3]);
    expect(counter.received).toBe(5);
    expect(counter.expected).toBe(7);
  });

  it('take a jump beyond what any window could lose as the sender renumbering, in either direction', () => {
    const forward = counted([10, 11, 13, 20_000, 20_001, 20_003]);
    expect(forward.expected).toBe(8);
    expect(forward.received).toBe(6);
    const back = counted([5_000, 5_001, 100, 101]);
    expect(back.expected).toBe(4);
  });

  it('take a late packet as filling its gap, not as a loss', () => {
    const counter = counted([100, 102, 101, 103]);
    expect(counter.expected).toBe(4);
    expect(counter.received).toBe(4);
  });
});

describe('window loss', () => {
  it('sums the streams', () => {
    expect(windowLoss([counted([1, 2, 3, 4]), counted([1, 3, 4])]).lossPercent).toBeCloseTo(12.5);
  });

  it('counts a silent stream as losing what the busiest stream expected', () => {
    const loss = windowLoss([counted([1, 2, 3, 4]), new SequenceCounter()]);
    expect(loss).toEqual({ expected: 8, received: 4, lossPercent: 50 });
  });

  it('never lets a duplicate make up for a lost packet', () => {
    expect(windowLoss([counted([1, 1, 1]), counted([1, 3])]).lossPercent).toBeCloseTo(25);
  });

  it('is total when nothing arrived at all', () => {
    expect(windowLoss([new SequenceCounter()]).lossPercent).toBe(100);
  });
});

describe('packets', () => {
  it('tells RTCP from RTP on a muxed port', () => {
    expect(isRtcp(Buffer.from([0x80, 200]))).toBe(true);
    expect(isRtcp(Buffer.from([0x80, 101]))).toBe(false);
    expect(isRtcp(Buffer.from([0x80, 0x80 | 101]))).toBe(false);
  });
});
