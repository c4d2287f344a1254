import type { MediaSource } from '@samplan/shared';
import type { RoomState } from './roomState.ts';

/** The one picture shown big: a shared screen first, else the last speaker, else whoever came first. */
export type Stage = { peerId: string; source: Extract<MediaSource, 'camera' | 'screen'> };

export function stageOf(state: Pick<RoomState, 'peers' | 'lastSpeakerId'>): Stage | null {
  const sharing = state.peers.find((peer) => peer.producers.some((producer) => producer.source === 'screen'));
  if (sharing) return { peerId: sharing.peerId, source: 'screen' };
  const speaker = state.peers.find((peer) => peer.peerId === state.lastSpeakerId);
  const first = speaker ?? state.peers[0];
  return first ? { peerId: first.peerId, source: 'camera' } : null;
}

/** Simulcast layer 2 is the full 720p picture; layer 0 (a quarter of it) is plenty for a small tile. */
export const TOP_SPATIAL_LAYER = 2;
export const LOW_SPATIAL_LAYER = 0;

export function preferredSpatialLayer(peerId: string, source: MediaSource, stage: Stage | null): number {
  return stage?.peerId === peerId && stage.source === source ? TOP_SPATIAL_LAYER : LOW_SPATIAL_LAYER;
}
