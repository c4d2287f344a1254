import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { RoomClient } from './RoomClient.ts';
import type { RoomState } from './roomState.ts';

export function useRoomState(client: RoomClient): RoomState {
  return useSyncExternalStore(client.subscribe, client.getSnapshot);
}

/** Plays a track in a <video> or <audio> element for as long as both exist. */
export function useTrack<T extends HTMLMediaElement>(track: MediaStreamTrack | null) {
  const ref = useRef<T>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    element.srcObject = track ? new MediaStream([track]) : null;
    return () => {
      element.srcObject = null;
    };
  }, [track]);
  return ref;
}
