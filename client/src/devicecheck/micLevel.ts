/**
 * How loud the microphone is, 0 to 1, from one analyser frame of 8-bit
 * samples around 128. Speech sits far below full scale, so the RMS is
 * stretched: ordinary talking should fill most of the bar, or people think
 * the microphone barely hears them.
 */
export function levelOf(samples: Uint8Array): number {
  if (samples.length === 0) return 0;
  let sum = 0;
  for (const sample of samples) {
    const centred = (sample - 128) / 128;
    sum += centred * centred;
  }
  return Math.min(1, Math.sqrt(sum / samples.length) * 4);
}

/** Above this the meter says in words that the microphone hears the person. */
export const HEARING_THRESHOLD = 0.08;
