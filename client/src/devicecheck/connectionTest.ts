import type { IceServer } from '@samplan/shared';
import type { SamplanSocket } from '../socket/samplanSocket.ts';

export type ConnectionResult = { ok: true; relay: boolean } | { ok: false; reason: 'server' | 'relay' };

const TIMEOUT_MS = 8_000;

/** Whether the server's signalling (a WebSocket) can be reached from this network. */
export function checkSignalling(open: () => SamplanSocket, timeoutMs = TIMEOUT_MS): Promise<boolean> {
  const socket = open();
  return new Promise<boolean>((resolve) => {
    const done = (ok: boolean) => {
      clearTimeout(timer);
      socket.close();
      resolve(ok);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    socket.once('connect', () => done(true));
    socket.once('connect_error', () => done(false));
  });
}

/**
 * Whether media can go through the TURN relay, as LiveKit's TURN check does:
 * a peer connection that may use relayed candidates only gathers one exactly
 * when the TURN server answers and accepts the credentials.
 */
export async function checkRelay(
  iceServers: readonly IceServer[],
  createPeer: (config: RTCConfiguration) => RTCPeerConnection = (config) => new RTCPeerConnection(config),
  timeoutMs = TIMEOUT_MS,
): Promise<boolean> {
  const peer = createPeer({ iceServers: [...iceServers], iceTransportPolicy: 'relay' });
  try {
    const relayed = new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      peer.onicecandidate = ({ candidate }) => {
        if (candidate?.type === 'relay') {
          clearTimeout(timer);
          resolve(true);
        } else if (candidate === null) {
          clearTimeout(timer);
          resolve(false);
        }
      };
    });
    peer.createDataChannel('samplan-check');
    await peer.setLocalDescription(await peer.createOffer());
    return await relayed;
  } finally {
    peer.close();
  }
}

export const hasTurn = (iceServers: readonly IceServer[]): boolean =>
  iceServers.some((server) => [server.urls].flat().some((url) => /^turns?:/.test(url)));

/** The server first (nothing works without it), then the relay when one is configured. */
export async function checkConnection(open: () => SamplanSocket, iceServers: readonly IceServer[]): Promise<ConnectionResult> {
  if (!(await checkSignalling(open))) return { ok: false, reason: 'server' };
  if (!hasTurn(iceServers)) return { ok: true, relay: false };
  return (await checkRelay(iceServers)) ? { ok: true, relay: true } : { ok: false, reason: 'relay' };
}
