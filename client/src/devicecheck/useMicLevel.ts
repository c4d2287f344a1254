import { useEffect, useState } from 'react';
import { HEARING_THRESHOLD, levelOf } from './micLevel.ts';

/** The live level of a microphone track, and whether it has ever been loud enough to count as heard. */
export function useMicLevel(track: MediaStreamTrack | null): { level: number; heard: boolean } {
  const [level, setLevel] = useState(0);
  const [heard, setHeard] = useState(false);
  useEffect(() => {
    if (!track) return;
    const context = new AudioContext();
    const analyser = context.createAnalyser();
    analyser.fftSize = 512;
    context.createMediaStreamSource(new MediaStream([track])).connect(analyser);
    const samples = new Uint8Array(analyser.fftSize);
    let frame = 0;
    const read = () => {
      analyser.getByteTimeDomainData(samples);
      const now = levelOf(samples);
      setLevel(now);
      // Stays "heard" once heard: a meter that flips its words between syllables reads as broken.
      if (now >= HEARING_THRESHOLD) setHeard(true);
      frame = requestAnimationFrame(read);
    };
    void context.resume().then(read);
    return () => {
      cancelAnimationFrame(frame);
      void context.close();
    };
  }, [track]);
  return { level, heard };
}
