/** 660 Hz sits where ageing ears still hear well, unlike the high beeps of many tests. */
export const TONE_HZ = 660;
export const TONE_SECONDS = 1.5;

type ToneContext = Pick<AudioContext, 'createOscillator' | 'createGain' | 'destination' | 'currentTime' | 'close' | 'resume'>;

/**
 * Plays a test tone through the speaker the call will use, fading in and out
 * so it does not click, and resolves when it has finished.
 */
export async function playTone(createContext: () => ToneContext = () => new AudioContext()): Promise<void> {
  const context = createContext();
  await context.resume();
  const oscillator = context.createOscillator();
  const gain = context.createGain();
  oscillator.frequency.value = TONE_HZ;
  const start = context.currentTime;
  gain.gain.setValueAtTime(0, start);
  gain.gain.linearRampToValueAtTime(0.4, start + 0.05);
  gain.gain.setValueAtTime(0.4, start + TONE_SECONDS - 0.1);
  gain.gain.linearRampToValueAtTime(0, start + TONE_SECONDS);
  oscillator.connect(gain).connect(context.destination);
  const ended = new Promise<void>((resolve) => {
    oscillator.onended = () => resolve();
  });
  oscillator.start(start);
  oscillator.stop(start + TONE_SECONDS);
  await ended;
  await context.close();
}
