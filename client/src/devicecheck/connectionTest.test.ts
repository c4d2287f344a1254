import { describe, expect, it } from 'vitest';
import type { SamplanSocket } from '../socket/samplanSocket.ts';
import { checkRelay, checkSignalling, hasTurn } from './connectionTest.ts';

function fakeSocket(outcome: 'connect' | 'connect_error' | 'silence') {
  const listeners = new Map<string, (error?: Error) => void>();
  const socket = {
    closed: false,
    once(event: string, listener: (error?: Error) => void) {
      listeners.set(event, listener);
    },
    close() {
      socket.closed = true;
    },
  };
  if (outcome !== 'silence') setTimeout(() => listeners.get(outcome)?.(new Error('refused')), 1);
  return socket;
}

function fakePeer(candidates: (string | null)[]) {
  const peer = {
    config: null as RTCConfiguration | null,
    closed: false,
    onicecandidate: null as ((event: { candidate: { type: string } | null }) => void) | null,
    createDataChannel: () => ({}),
    createOffer: async () => ({ type: 'offer', sdp: '' }),
    setLocalDescription: async () => {
      for (const type of candidates) setTimeout(() => peer.onicecandidate?.({ candidate: type === null ? null : { type } }), 1);
    },
    close() {
      peer.closed = true;
    },
  };
  return peer;
}

describe('checkSignalling', () => {
  it.each([
    ['connect', true],
    ['connect_error', false],
    ['silence', false],
  ] as const)('%s → %s, and closes the test socket', async (outcome, expected) => {
    const socket = fakeSocket(outcome);
    expect(await checkSignalling(() => socket as unknown as SamplanSocket, 50)).toBe(expected);
    expect(socket.closed).toBe(true);
  });
});

describe('checkRelay', () => {
  const turn = [{ urls: 'turn:127.0.0.1:3478', username: 'u', credential: 'c' }];

  it('passes on a relayed candidate, asking for relay only', async () => {
    const peer = fakePeer(['host', 'relay']);
    const create = (config: RTCConfiguration) => {
      peer.config = config;
      return peer as unknown as RTCPeerConnection;
    };
    expect(await checkRelay(turn, create, 1000)).toBe(true);
    expect(peer.config?.iceTransportPolicy).toBe('relay');
    expect(peer.closed).toBe(true);
  });

  it('fails when gathering ends without one, or nothing comes in time', async () => {
    expect(await checkRelay(turn, () => fakePeer(['host', null]) as unknown as RTCPeerConnection, 1000)).toBe(false);
    expect(await checkRelay(turn, () => fakePeer([]) as unknown as RTCPeerConnection, 20)).toBe(false);
  });
});

describe('hasTurn', () => {
  it('tells TURN from STUN-only', () => {
    expect(hasTurn([{ urls: ['stun:x', 'turns:x:5349'] }])).toBe(true);
    expect(hasTurn([{ urls: 'stun:x' }])).toBe(false);
    expect(hasTurn([])).toBe(false);
  });
});
