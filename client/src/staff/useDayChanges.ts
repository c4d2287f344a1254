/**
 * Calls `onChange` when the server says this person's day changed
 * (protocol/day.ts: an admission, discharge, visit, plan revision or advice
 * request of an episode of theirs). The session cookie rides on the
 * handshake; the socket reconnects by itself, and the day view's slow poll
 * covers the time it is down.
 */
import { dayChangedSchema, type DayChange } from '@samplan/shared';
import { useEffect, useRef } from 'react';
import { openSocket } from '../room/signalling.ts';

export function useDayChanges(onChange: (change: DayChange) => void): void {
  const latest = useRef(onChange);
  latest.current = onChange;
  useEffect(() => {
    const socket = openSocket();
    socket.on('day:changed', (payload: unknown) => {
      const parsed = dayChangedSchema.safeParse(payload);
      if (parsed.success) latest.current(parsed.data.change);
    });
    return () => {
      socket.disconnect();
    };
  }, []);
}
