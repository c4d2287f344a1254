import { PROTOCOL_VERSION } from '@samplan/shared';
import { Device, FakeHandler, testFakeParameters } from 'mediasoup-client';
import { io } from 'socket.io-client';
import { PlanSession } from '../../../client/src/plan/planSession.ts';
import { socketPlanTransport } from '../../../client/src/plan/planTransport.ts';
import { RoomClient } from '../../../client/src/room/RoomClient.ts';
import type { SamplanSocket } from '../../../client/src/socket/samplanSocket.ts';

/**
 * The browser client's own code (RoomClient, PlanSession) run in Node against
 * a server at `url`: a socket as the page opens it (same reconnection
 * settings), with the person's session cookie on the handshake.
 * mediasoup-client's FakeHandler stands in for WebRTC; nobody sends media, so
 * what is tested is signalling: being in the call and editing the plan.
 */
export function browserSocket(url: string, cookie: string): SamplanSocket {
  return io(url, {
    auth: { protocolVersion: PROTOCOL_VERSION },
    transports: ['websocket'],
    extraHeaders: { cookie },
    reconnectionDelay: 500,
    reconnectionDelayMax: 2_000,
    forceNew: true,
  }) as SamplanSocket;
}

export function callClient(url: () => string, conferenceId: string, cookie: string): RoomClient {
  return new RoomClient({
    getToken: async () => {
      const response = await fetch(`${url()}/api/conferences/${conferenceId}/room-token`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json' },
        body: '{}',
      });
      if (!response.ok) throw new Error(`room token: ${response.status} ${await response.text()}`);
      return ((await response.json()) as { token: string }).token;
    },
    openSocket: () => browserSocket(url(), cookie),
    captureCameraAndMic: async () => ({ mic: null, camera: null, error: null }),
    createDevice: async () => new Device({ handlerFactory: FakeHandler.createFactory(testFakeParameters) }),
  });
}

export type PlanEditor = { session: PlanSession; socket: SamplanSocket };

export function planEditor(url: string, conferenceId: string, cookie: string): PlanEditor {
  const socket = browserSocket(url, cookie);
  return { session: new PlanSession(conferenceId, socketPlanTransport(socket)), socket };
}
