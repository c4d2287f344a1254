import wrtc from '@roamhq/wrtc';

const { RTCAudioSource, RTCVideoSource } = wrtc.nonstandard;

export type MediaSourceHandle = { track: MediaStreamTrack; stop(): void };

const SAMPLE_RATE = 48_000;
const FRAME_MS = 10;
const SAMPLES_PER_FRAME = (SAMPLE_RATE * FRAME_MS) / 1000;

/**
 * A microphone that plays a sine tone (or silence with `frequencyHz` 0): real
 * PCM samples every 10 ms, encoded by libwebrtc's Opus like a browser's.
 * Silence lets a test pick who the active speaker should be.
 */
export function toneSource(frequencyHz: number, amplitude = 0.4): MediaSourceHandle {
  const source = new RTCAudioSource();
  const track = source.createTrack();
  let phase = 0;
  const timer = setInterval(() => {
    const samples = new Int16Array(SAMPLES_PER_FRAME);
    for (let i = 0; i < samples.length; i++) {
      samples[i] = Math.round(Math.sin(phase) * amplitude * 32767);
      phase += (2 * Math.PI * frequencyHz) / SAMPLE_RATE;
    }
    source.onData({ samples, sampleRate: SAMPLE_RATE, bitsPerSample: 16, channelCount: 1, numberOfFrames: SAMPLES_PER_FRAME });
  }, FRAME_MS);
  return {
    track: track as unknown as MediaStreamTrack,
    stop() {
      clearInterval(timer);
      track.stop();
    },
  };
}

/**
 * A camera showing a moving gradient in I420, so the VP8 encoder has real
 * motion to encode and the receiver real frames to decode.
 */
export function patternSource(width: number, height: number, fps: number): MediaSourceHandle {
  const source = new RTCVideoSource();
  const track = source.createTrack();
  const lumaSize = width * height;
  const data = new Uint8Array(lumaSize * 1.5);
  data.fill(128, lumaSize);
  let frame = 0;
  const timer = setInterval(() => {
    const shift = frame * 4;
    for (let y = 0; y < height; y++) {
      const row = y * width;
      for (let x = 0; x < width; x++) data[row + x] = (x + y + shift) & 0xff;
    }
    frame++;
    source.onFrame({ width, height, data });
  }, Math.round(1000 / fps));
  return {
    track: track as unknown as MediaStreamTrack,
    stop() {
      clearInterval(timer);
      track.stop();
    },
  };
}
