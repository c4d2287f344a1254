import type { PeerSummary, ProducerSummary } from '@samplan/shared';
import { describe, expect, it } from 'vitest';
import { connectionStateOf, initialRoomState, isCameraOff, isMicMuted, reduceRoom, type RoomAction, type RoomState } from './roomState.ts';

const track = (id: string) => ({ id }) as MediaStreamTrack;
const mic: ProducerSummary = { producerId: 'p-mic', kind: 'audio', source: 'mic', paused: false };
const camera: ProducerSummary = { producerId: 'p-cam', kind: 'video', source: 'camera', paused: false };
const inge: PeerSummary = { peerId: 'inge', displayName: 'Inge', role: 'patient', connection: 'connected', producers: [mic, camera] };
const gp: PeerSummary = { peerId: 'gp', displayName: 'Dr. Holm', role: 'gp', connection: 'connected', producers: [] };

function run(actions: RoomAction[], state: RoomState = initialRoomState('Karen')): RoomState {
  return actions.reduce(reduceRoom, state);
}

const joined: RoomAction = { type: 'joined', peerId: 'me', role: 'relative', peers: [inge] };

describe('reduceRoom', () => {
  it('takes the peers from the join answer, leaving this browser out', () => {
    const state = run([{ ...joined, peers: [inge, { ...gp, peerId: 'me' }] }]);
    expect(state.self).toMatchObject({ peerId: 'me', role: 'relative', displayName: 'Karen' });
    expect(state.peers.map((peer) => peer.peerId)).toEqual(['inge']);
  });

  it('adds a joining peer once, even when the join answer already had it', () => {
    const state = run([joined, { type: 'peer:joined', payload: { peer: inge } }, { type: 'peer:joined', payload: { peer: gp } }]);
    expect(state.peers.map((peer) => peer.peerId)).toEqual(['inge', 'gp']);
  });

  it('ignores its own peer:joined', () => {
    const state = run([joined, { type: 'peer:joined', payload: { peer: { ...gp, peerId: 'me' } } }]);
    expect(state.peers).toHaveLength(1);
  });

  it('forgets a peer that left, and it as speaker', () => {
    const state = run([joined, { type: 'speaker:active', payload: { peerId: 'inge' } }, { type: 'peer:left', payload: { peerId: 'inge' } }]);
    expect(state.peers).toEqual([]);
    expect(state.activeSpeakerId).toBeNull();
    expect(state.lastSpeakerId).toBeNull();
  });

  it('keeps the last speaker through silence', () => {
    const state = run([joined, { type: 'speaker:active', payload: { peerId: 'inge' } }, { type: 'speaker:active', payload: { peerId: null } }]);
    expect(state.activeSpeakerId).toBeNull();
    expect(state.lastSpeakerId).toBe('inge');
  });

  it.each([
    { action: 'producer:paused', muted: true },
    { action: 'producer:resumed', muted: false },
  ] as const)('shows the mic as muted=$muted after $action', ({ action, muted }) => {
    const state = run([joined, { type: 'producer:paused', payload: { peerId: 'inge', producerId: 'p-mic' } }, { type: action, payload: { peerId: 'inge', producerId: 'p-mic' } }]);
    expect(isMicMuted(state.peers[0]!)).toBe(muted);
    expect(isCameraOff(state.peers[0]!)).toBe(false);
  });

  it('counts a peer without a microphone or camera as muted and camera off', () => {
    const state = run([joined, { type: 'peer:joined', payload: { peer: gp } }]);
    expect(isMicMuted(state.peers[1]!)).toBe(true);
    expect(isCameraOff(state.peers[1]!)).toBe(true);
  });

  it('attaches a consumed track to its producer and drops it when the producer closes', () => {
    const withTrack = run([joined, { type: 'track:added', peerId: 'inge', producerId: 'p-cam', track: track('t1') }]);
    expect(withTrack.peers[0]!.tracks).toEqual({ 'p-cam': track('t1') });
    const closed = run([{ type: 'producer:closed', payload: { peerId: 'inge', producerId: 'p-cam' } }], withTrack);
    expect(closed.peers[0]!.tracks).toEqual({});
    expect(closed.peers[0]!.producers).toEqual([mic]);
  });

  it('replaces a repeated producer:new instead of listing it twice', () => {
    const screen: ProducerSummary = { producerId: 'p-screen', kind: 'video', source: 'screen', paused: false };
    const state = run([joined, { type: 'producer:new', payload: { peerId: 'inge', producer: screen } }, { type: 'producer:new', payload: { peerId: 'inge', producer: screen } }]);
    expect(state.peers[0]!.producers.map((producer) => producer.producerId)).toEqual(['p-mic', 'p-cam', 'p-screen']);
  });

  it('keeps the tracks of producers that survive a rejoin and drops the rest', () => {
    const before = run([joined, { type: 'track:added', peerId: 'inge', producerId: 'p-mic', track: track('a') }, { type: 'track:added', peerId: 'inge', producerId: 'p-cam', track: track('v') }]);
    const after = run([{ ...joined, peers: [{ ...inge, producers: [mic] }] }], before);
    expect(after.peers[0]!.tracks).toEqual({ 'p-mic': track('a') });
  });

  it('shows a peer reconnecting', () => {
    const state = run([joined, { type: 'peer:connection', payload: { peerId: 'inge', connection: 'reconnecting' } }]);
    expect(state.peers[0]!.connection).toBe('reconnecting');
  });

  it('ignores news about a peer it does not know', () => {
    const before = run([joined]);
    expect(run([{ type: 'producer:paused', payload: { peerId: 'ghost', producerId: 'x' } }, { type: 'track:removed', producerId: 'x' }], before)).toBe(before);
  });
});

describe('connectionStateOf', () => {
  it.each([
    { phase: 'idle', signallingUp: false, mediaUp: false, expected: 'idle' },
    { phase: 'joining', signallingUp: true, mediaUp: false, expected: 'connecting' },
    { phase: 'in-room', signallingUp: true, mediaUp: true, expected: 'connected' },
    { phase: 'in-room', signallingUp: false, mediaUp: true, expected: 'reconnecting' },
    { phase: 'in-room', signallingUp: true, mediaUp: false, expected: 'reconnecting' },
    { phase: 'rejoining', signallingUp: true, mediaUp: true, expected: 'reconnecting' },
    { phase: 'ended', signallingUp: false, mediaUp: false, expected: 'disconnected' },
  ] as const)('$phase with signalling $signallingUp and media $mediaUp is $expected', ({ expected, ...state }) => {
    expect(connectionStateOf(state)).toBe(expected);
  });
});
