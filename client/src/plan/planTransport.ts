/**
 * The plan messages over Socket.IO, as PlanSession needs them. The plan has
 * its own socket (authenticated by the session cookie at the handshake), so
 * it works next to any call, and without one on the episode page.
 */
import type { NotificationOf, PlanPush, RequestName, ResponseOf } from '@samplan/shared';
import { onNotification, openSocket, requester, type SamplanSocket } from '../socket/samplanSocket.ts';

export interface PlanTransport {
  open(conferenceId: string): Promise<ResponseOf<'plan:open'>>;
  push(push: PlanPush): Promise<ResponseOf<'plan:push'>>;
  /** For her own party; with onBehalfOfPatient, as the patient's representative. */
  agree(revision: number, onBehalfOfPatient: boolean): Promise<ResponseOf<'plan:agree'>>;
  focus(itemId: string | null): Promise<unknown>;
  onRevision(handler: (payload: NotificationOf<'plan:revision'>) => void): () => void;
  onAgreement(handler: (payload: NotificationOf<'plan:agreement'>) => void): () => void;
  onFocus(handler: (payload: NotificationOf<'plan:focus'>) => void): () => void;
  /** Who is present and who agreed to what, each time either changes. */
  onParties(handler: (payload: NotificationOf<'plan:parties'>) => void): () => void;
  /** After the socket came back (the server forgot what this socket had open). */
  onReconnect(handler: () => void): () => void;
  close(): void;
}

/** The socket is the page's own (same origin) unless given, as a test in Node gives one to its server. */
export function socketPlanTransport(socket: SamplanSocket = openSocket()): PlanTransport {
  const request = requester(socket);
  const connected = new Promise<void>((resolve) => {
    if (socket.connected) resolve();
    else socket.once('connect', () => resolve());
  });
  const send = async <K extends RequestName>(name: K, payload: Parameters<typeof request<K>>[1]) => {
    await connected;
    return request(name, payload);
  };
  const listen = <K extends 'plan:revision' | 'plan:agreement' | 'plan:focus' | 'plan:parties'>(name: K, handler: (payload: NotificationOf<K>) => void) => {
    let active = true;
    onNotification(socket, name, (payload) => active && handler(payload));
    return () => {
      active = false;
    };
  };
  return {
    open: (conferenceId) => send('plan:open', { conferenceId }),
    push: (push) => send('plan:push', push),
    agree: (revision, onBehalfOfPatient) => send('plan:agree', { revision, onBehalfOfPatient }),
    focus: (itemId) => send('plan:focus', { itemId }),
    onRevision: (handler) => listen('plan:revision', handler),
    onAgreement: (handler) => listen('plan:agreement', handler),
    onFocus: (handler) => listen('plan:focus', handler),
    onParties: (handler) => listen('plan:parties', handler),
    // The socket's own 'connect' after a drop, not the manager's 'reconnect': that comes before the socket
    // is connected again, and a reopen sent then fails as "not connected".
    onReconnect(handler) {
      let dropped = false;
      const onDisconnect = () => {
        dropped = true;
      };
      const onConnect = () => {
        if (!dropped) return;
        dropped = false;
        handler();
      };
      socket.on('disconnect', onDisconnect);
      socket.on('connect', onConnect);
      return () => {
        socket.off('disconnect', onDisconnect);
        socket.off('connect', onConnect);
      };
    },
    close: () => socket.close(),
  };
}
