import { describe, expect, it } from 'vitest';
import { inboundMedia } from './inboundStats.ts';

describe('inboundMedia', () => {
  it('reads decoded frames, picture width and audio energy from inbound RTP only', () => {
    const report = new Map<string, object>([
      ['v', { type: 'inbound-rtp', kind: 'video', framesDecoded: 42, frameWidth: 320 }],
      ['a', { type: 'inbound-rtp', kind: 'audio', totalAudioEnergy: 0.25 }],
      ['out', { type: 'outbound-rtp', kind: 'video', framesEncoded: 99 }],
      ['pair', { type: 'candidate-pair', bytesReceived: 1000 }],
    ]);
    expect(inboundMedia(report)).toEqual({ framesDecoded: 42, totalAudioEnergy: 0.25, frameWidth: 320 });
  });

  it('is zero before anything arrived', () => {
    expect(inboundMedia(new Map([['v', { type: 'inbound-rtp', kind: 'video' }]]))).toEqual({ framesDecoded: 0, totalAudioEnergy: 0, frameWidth: 0 });
  });
});
