import type { NotificationName, NotificationOf } from '@samplan/shared';

export type Notify = <K extends NotificationName>(name: K, payload: NotificationOf<K>) => void;

/** How a peer reaches its participant: today one Socket.IO socket. */
export type PeerChannel = {
  notify: Notify;
  /** The peer's place was taken over by a resumed connection: this channel speaks for nobody any more. */
  disconnect(): void;
};
