import type { MediaSource, NotificationOf, ParticipantRole, PeerSummary } from '@samplan/shared';
import type { UiErrorCode } from '../uiError.ts';

/**
 * What the room looks like to this browser, as plain data: the React views
 * render it and RoomClient changes it only through `reduceRoom`.
 */

/** idle: not joined yet; joining: first join; in-room; rejoining: taking the place back after a drop; ended: left or shut out. */
export type RoomPhase = 'idle' | 'joining' | 'in-room' | 'rejoining' | 'ended';
export type ConnectionState = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'disconnected';

export type RemotePeer = PeerSummary & {
  /** The received track of each producer consumed so far, by producer id. */
  tracks: Readonly<Record<string, MediaStreamTrack>>;
};

export type LocalParticipant = {
  peerId: string | null;
  displayName: string;
  role: ParticipantRole | null;
  micMuted: boolean;
  cameraOff: boolean;
  camera: MediaStreamTrack | null;
  screen: MediaStreamTrack | null;
};

export type RoomState = {
  phase: RoomPhase;
  signallingUp: boolean;
  mediaUp: boolean;
  self: LocalParticipant;
  /** In the order they joined, which is the order their tiles keep. */
  peers: readonly RemotePeer[];
  activeSpeakerId: string | null;
  /** The last one who spoke; stays through silences so the big tile does not jump about. */
  lastSpeakerId: string | null;
  error: UiErrorCode | null;
};

type NotificationAction<K extends 'peer:joined' | 'peer:left' | 'peer:connection' | 'producer:new' | 'producer:paused' | 'producer:resumed' | 'producer:closed' | 'speaker:active'> = {
  type: K;
  payload: NotificationOf<K>;
};

export type RoomAction =
  | NotificationAction<'peer:joined'>
  | NotificationAction<'peer:left'>
  | NotificationAction<'peer:connection'>
  | NotificationAction<'producer:new'>
  | NotificationAction<'producer:paused'>
  | NotificationAction<'producer:resumed'>
  | NotificationAction<'producer:closed'>
  | NotificationAction<'speaker:active'>
  | { type: 'phase'; phase: RoomPhase }
  | { type: 'joined'; peerId: string; role: ParticipantRole; peers: readonly PeerSummary[] }
  | { type: 'track:added'; peerId: string; producerId: string; track: MediaStreamTrack }
  | { type: 'track:removed'; producerId: string }
  | { type: 'signalling'; up: boolean }
  | { type: 'media'; up: boolean }
  | { type: 'self'; patch: Partial<LocalParticipant> }
  | { type: 'error'; code: UiErrorCode | null };

export function initialRoomState(displayName = ''): RoomState {
  return {
    phase: 'idle',
    signallingUp: false,
    mediaUp: false,
    self: { peerId: null, displayName, role: null, micMuted: false, cameraOff: false, camera: null, screen: null },
    peers: [],
    activeSpeakerId: null,
    lastSpeakerId: null,
    error: null,
  };
}

function assertUnreachable(action: never): never {
  throw new Error(`unhandled room action ${JSON.stringify(action)}`);
}

/** A peer's new summary, keeping the tracks of producers it still has. */
function withSummary(summary: PeerSummary, previous: RemotePeer | undefined): RemotePeer {
  const live = new Set(summary.producers.map((producer) => producer.producerId));
  const tracks = Object.fromEntries(Object.entries(previous?.tracks ?? {}).filter(([producerId]) => live.has(producerId)));
  return { ...summary, tracks };
}

function updatePeer(state: RoomState, peerId: string, update: (peer: RemotePeer) => RemotePeer): RoomState {
  if (!state.peers.some((peer) => peer.peerId === peerId)) return state;
  return { ...state, peers: state.peers.map((peer) => (peer.peerId === peerId ? update(peer) : peer)) };
}

function setProducerPaused(state: RoomState, peerId: string, producerId: string, paused: boolean): RoomState {
  return updatePeer(state, peerId, (peer) => ({
    ...peer,
    producers: peer.producers.map((producer) => (producer.producerId === producerId ? { ...producer, paused } : producer)),
  }));
}

function withoutProducer(peer: RemotePeer, producerId: string): RemotePeer {
  const { [producerId]: _gone, ...tracks } = peer.tracks;
  return { ...peer, producers: peer.producers.filter((producer) => producer.producerId !== producerId), tracks };
}

/** Every change is idempotent: a notification that repeats what a join answer already said changes nothing. */
export function reduceRoom(state: RoomState, action: RoomAction): RoomState {
  switch (action.type) {
    case 'peer:joined': {
      const { peer } = action.payload;
      if (peer.peerId === state.self.peerId) return state;
      const previous = state.peers.find((known) => known.peerId === peer.peerId);
      if (previous) return updatePeer(state, peer.peerId, () => withSummary(peer, previous));
      return { ...state, peers: [...state.peers, withSummary(peer, undefined)] };
    }
    case 'peer:left': {
      const { peerId } = action.payload;
      return {
        ...state,
        peers: state.peers.filter((peer) => peer.peerId !== peerId),
        activeSpeakerId: state.activeSpeakerId === peerId ? null : state.activeSpeakerId,
        lastSpeakerId: state.lastSpeakerId === peerId ? null : state.lastSpeakerId,
      };
    }
    case 'peer:connection':
      return updatePeer(state, action.payload.peerId, (peer) => ({ ...peer, connection: action.payload.connection }));
    case 'producer:new': {
      const { peerId, producer } = action.payload;
      return updatePeer(state, peerId, (peer) => ({
        ...peer,
        producers: [...peer.producers.filter((known) => known.producerId !== producer.producerId), producer],
      }));
    }
    case 'producer:paused':
      return setProducerPaused(state, action.payload.peerId, action.payload.producerId, true);
    case 'producer:resumed':
      return setProducerPaused(state, action.payload.peerId, action.payload.producerId, false);
    case 'producer:closed':
      return updatePeer(state, action.payload.peerId, (peer) => withoutProducer(peer, action.payload.producerId));
    case 'speaker:active': {
      const { peerId } = action.payload;
      return { ...state, activeSpeakerId: peerId, lastSpeakerId: peerId ?? state.lastSpeakerId };
    }
    case 'phase':
      return { ...state, phase: action.phase };
    case 'joined': {
      const peers = action.peers
        .filter((peer) => peer.peerId !== action.peerId)
        .map((peer) => withSummary(peer, state.peers.find((known) => known.peerId === peer.peerId)));
      const present = (peerId: string | null) => (peers.some((peer) => peer.peerId === peerId) ? peerId : null);
      return {
        ...state,
        self: { ...state.self, peerId: action.peerId, role: action.role },
        peers,
        activeSpeakerId: present(state.activeSpeakerId),
        lastSpeakerId: present(state.lastSpeakerId),
      };
    }
    case 'track:added':
      return updatePeer(state, action.peerId, (peer) => ({ ...peer, tracks: { ...peer.tracks, [action.producerId]: action.track } }));
    case 'track:removed': {
      const owner = state.peers.find((peer) => action.producerId in peer.tracks);
      if (!owner) return state;
      return updatePeer(state, owner.peerId, (peer) => {
        const { [action.producerId]: _gone, ...tracks } = peer.tracks;
        return { ...peer, tracks };
      });
    }
    case 'signalling':
      return { ...state, signallingUp: action.up };
    case 'media':
      return { ...state, mediaUp: action.up };
    case 'self':
      return { ...state, self: { ...state.self, ...action.patch } };
    case 'error':
      return { ...state, error: action.code };
    default:
      return assertUnreachable(action);
  }
}

/** The words shown to people: connecting until first in, then reconnecting whenever signalling or media is down. */
export function connectionStateOf(state: Pick<RoomState, 'phase' | 'signallingUp' | 'mediaUp'>): ConnectionState {
  switch (state.phase) {
    case 'idle':
      return 'idle';
    case 'joining':
      return 'connecting';
    case 'rejoining':
      return 'reconnecting';
    case 'in-room':
      return state.signallingUp && state.mediaUp ? 'connected' : 'reconnecting';
    case 'ended':
      return 'disconnected';
    default:
      return assertUnreachable(state.phase);
  }
}

export type SourceView = { producerId: string; paused: boolean; track: MediaStreamTrack | null };

/** A peer's producer of one source and, once consumed, its track. */
export function sourceOf(peer: RemotePeer, source: MediaSource): SourceView | null {
  const producer = peer.producers.find((candidate) => candidate.source === source);
  if (!producer) return null;
  return { producerId: producer.producerId, paused: producer.paused, track: peer.tracks[producer.producerId] ?? null };
}

/** No microphone at all sounds the same to the others as a muted one. */
export function isMicMuted(peer: RemotePeer): boolean {
  return sourceOf(peer, 'mic')?.paused ?? true;
}

export function isCameraOff(peer: RemotePeer): boolean {
  return sourceOf(peer, 'camera')?.paused ?? true;
}
