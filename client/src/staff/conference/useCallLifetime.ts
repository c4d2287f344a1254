import { useEffect, useRef } from 'react';
import type { RoomClient } from '../../room/RoomClient.ts';
import { exposeTestHook } from '../../room/testHook.ts';

/** While a staff call is on the page: the test hook, and leaving the call when the page or the component goes. */
export function useCallLifetime(client: RoomClient): void {
  const mounted = useRef(false);
  useEffect(() => exposeTestHook(client), [client]);
  useEffect(() => {
    mounted.current = true;
    const leave = () => void client.leave();
    window.addEventListener('pagehide', leave);
    return () => {
      mounted.current = false;
      window.removeEventListener('pagehide', leave);
      // React's development double mount unmounts and remounts at once; only a real unmount leaves.
      queueMicrotask(() => {
        if (!mounted.current) leave();
      });
    };
  }, [client]);
}
