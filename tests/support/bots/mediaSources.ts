import wrtc from '@roamhq/wrtc';

const { RTCAudioSource, RTCVideoSource } = wrtc.nonstandard;

export type MediaSourceHandle = { track: MediaStreamTrack; stop(): void };

const SAMPLE_RATE = 48_000;
const FRAME_MS = 10;
const SAMPLES_PER_FRAME = (SAMPLE_RATE * FRAME_MS) / 1000;

/** Loudness bursts per second: roughly the rate of syllables in speech. */
const SYLLABLES_PER_SECOND = 4;

/**
 * A microphone that "speaks": a tone whose loudness rises and falls a few
 * times a second, as real PCM samples every 10 ms, encoded by libwebrtc's
 * Opus like a browser's. A constant tone would not do: mediasoup's
 * active-speaker detector adapts to each participant's steady level, and
 * takes a steady hum for background noise. `frequencyHz` 0 is silence, so a
 * test can choose who the active speaker should be.
 */
export function voiceSource(frequencyHz: number, amplitude = 0.5): MediaSourceHandle {
  const source = new RTCAudioSource();
  const track = source.createTrack();
  let sample = 0;
  const timer = setInterval(() => {
    const samples = new Int16Array(SAMPLES_PER_FRAME);
    for (let i = 0; i < samples.length; i++, sample++) {
      const seconds = sample / SAMPLE_RATE;
      const envelope = Math.abs(Math.sin(Math.PI * SYLLABLES_PER_SECOND * seconds));
      samples[i] = Math.round(Math.sin(2 * Math.PI * frequencyHz * seconds) * envelope * amplitude * 32767);
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
