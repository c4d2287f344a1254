import type { types } from 'mediasoup';

/**
 * What every room's router offers. Opus covers all audio; VP8 is what
 * Chromium and Firefox send by default; H264 constrained-baseline (42e01f) and
 * main (4d0032) are there for iPads and Safari, whose hardware encoders speak
 * nothing else. level-asymmetry-allowed lets a weak tablet decode at a lower
 * level than it sends.
 */
export const mediaCodecs: types.RouterRtpCodecCapability[] = [
  { kind: 'audio', mimeType: 'audio/opus', clockRate: 48000, channels: 2 },
  { kind: 'video', mimeType: 'video/VP8', clockRate: 90000, parameters: { 'x-google-start-bitrate': 1000 } },
  {
    kind: 'video',
    mimeType: 'video/H264',
    clockRate: 90000,
    parameters: { 'packetization-mode': 1, 'profile-level-id': '42e01f', 'level-asymmetry-allowed': 1 },
  },
  {
    kind: 'video',
    mimeType: 'video/H264',
    clockRate: 90000,
    parameters: { 'packetization-mode': 1, 'profile-level-id': '4d0032', 'level-asymmetry-allowed': 1 },
  },
];
