/**
 * One Socket.IO connection per page for the server's "read again" notices
 * (shared/src/protocol/day.ts), shared by every part of the screen that
 * listens, opened with the first listener and closed with the last. The
 * session cookie rides on the handshake, which is where the server decides
 * which notices this person gets. Socket.IO reconnects by itself; after a
 * reconnection every listener is told, so the page reads again what it may
 * have missed while the connection was down.
 */
import { type NotificationOf, notifications } from '@samplan/shared';

export type NoticeName = 'day:changed' | 'episode:changed' | 'conference:changed' | 'call:ringing' | 'acuteBeds:changed';

/** The socket by event name: one listener type serves every notice, each parsed with its own schema. */
export type NoticeSource = {
  on(event: string, listener: (payload: unknown) => void): unknown;
  off(event: string, listener: (payload: unknown) => void): unknown;
  disconnect(): unknown;
};

export type ListenForNotice = <K extends NoticeName>(name: K, onNotice: (notice: NotificationOf<K>) => void, onReconnect: () => void) => () => void;

export function noticeHub(open: () => NoticeSource): ListenForNotice {
  let socket: NoticeSource | null = null;
  const listeners = new Set<{ onReconnect(): void }>();

  const connect = (): NoticeSource => {
    const opened = open();
    let connectedBefore = false;
    opened.on('connect', () => {
      if (connectedBefore) for (const listener of [...listeners]) listener.onReconnect();
      connectedBefore = true;
    });
    return opened;
  };

  // Listens for one notice (malformed ones are dropped); answers the function that stops listening.
  return (name, onNotice, onReconnect) => {
    const current = (socket ??= connect());
    const handler = (payload: unknown) => {
      const parsed = notifications[name].safeParse(payload);
      if (parsed.success) onNotice(parsed.data as NotificationOf<typeof name>);
    };
    const listener = { onReconnect };
    current.on(name, handler);
    listeners.add(listener);
    return () => {
      current.off(name, handler);
      listeners.delete(listener);
      if (listeners.size === 0 && socket === current) {
        current.disconnect();
        socket = null;
      }
    };
  };
}

/**
 * A source whose socket code is fetched when a page first listens, so the
 * join page's bundle does not carry Socket.IO. Calls made before it arrives
 * run in order once it has.
 */
function deferredSource(load: () => Promise<NoticeSource>): NoticeSource {
  const ready = load();
  const whenReady = (use: (socket: NoticeSource) => unknown) =>
    void ready.then(use, (error: unknown) => console.warn('samplan: live notices unavailable', error));
  return {
    on: (event, listener) => whenReady((socket) => socket.on(event, listener)),
    off: (event, listener) => whenReady((socket) => socket.off(event, listener)),
    disconnect: () => whenReady((socket) => socket.disconnect()),
  };
}

// Socket.IO's typed `on` cannot follow an event name chosen at run time; each notice is parsed with its own schema instead.
export const listenForNotice: ListenForNotice = noticeHub(() =>
  deferredSource(async () => (await import('../room/signalling.ts')).openSocket() as unknown as NoticeSource),
);
