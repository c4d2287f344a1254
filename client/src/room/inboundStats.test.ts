import { describe, expect, it } from 'vitest';
import { inboundTotals } from './inboundStats.ts';

describe('inboundTotals', () => {
  it('reads decoded frames and audio energy from inbound RTP only', () => {
    const report = new Map<string, object>([
      ['v', { type: 'inbound-rtp', kind: 'video', framesDecoded: 42 }],
      ['a', { type: 'inbound-rtp', kind: 'audio', totalAudioEnergy: 0.25 }],
      ['out', { type: 'outbound-rtp', kind: 'video', framesEncoded: 99 }],
      ['pair', { type: 'candidate-pair', bytesReceived: 1000 }],
    ]);
    expect(inboundTotals(report)).toEqual({ framesDecoded: 42, totalAudioEnergy: 0.25 });
  });

  it('is zero before anything arrived', () => {
    expect(inboundTotals(new Map([['v', { type: 'inbound-rtp', kind: 'video' }]]))).toEqual({ framesDecoded: 0, totalAudioEnergy: 0 });
  });
});
