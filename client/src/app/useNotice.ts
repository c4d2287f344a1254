import { type NotificationOf } from '@samplan/shared';
import { useEffect, useRef } from 'react';
import { listenForNotice, type NoticeName } from './noticeSocket.ts';

/**
 * Calls `onNotice` for each notice `name` the server sends this person, and
 * `onReconnect` when the connection comes back after a break (read again:
 * notices sent meanwhile are lost). The callbacks may change between renders.
 */
export function useNotice<K extends NoticeName>(name: K, onNotice: (notice: NotificationOf<K>) => void, onReconnect: () => void): void {
  const latest = useRef({ onNotice, onReconnect });
  latest.current = { onNotice, onReconnect };
  useEffect(
    () =>
      listenForNotice(
        name,
        (notice) => latest.current.onNotice(notice),
        () => latest.current.onReconnect(),
      ),
    [name],
  );
}
