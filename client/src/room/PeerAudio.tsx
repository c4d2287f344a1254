import { useTrack } from './useRoom.ts';

/** Plays one remote microphone; nothing to see, so nothing rendered visibly. */
export function PeerAudio({ track }: { track: MediaStreamTrack }) {
  const ref = useTrack<HTMLAudioElement>(track);
  return <audio ref={ref} autoPlay />;
}
