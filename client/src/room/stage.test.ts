import type { PeerSummary, ProducerSummary } from '@samplan/shared';
import { describe, expect, it } from 'vitest';
import type { RemotePeer } from './roomState.ts';
import { LOW_SPATIAL_LAYER, TOP_SPATIAL_LAYER, preferredSpatialLayer, stageOf } from './stage.ts';

function producer(source: ProducerSummary['source'], id = `${source}-id`): ProducerSummary {
  return { producerId: id, kind: source === 'mic' ? 'audio' : 'video', source, paused: false };
}

function peer(peerId: string, producers: ProducerSummary[]): RemotePeer {
  const summary: PeerSummary = { peerId, displayName: peerId, role: 'relative', connection: 'connected', producers };
  return { ...summary, tracks: {} };
}

const inge = peer('inge', [producer('mic', 'i-mic'), producer('camera', 'i-cam')]);
const gp = peer('gp', [producer('mic', 'g-mic'), producer('camera', 'g-cam')]);
const sharing = peer('nurse', [producer('camera', 'n-cam'), producer('screen', 'n-screen')]);

describe('stageOf', () => {
  it.each([
    { name: 'nobody there', peers: [], lastSpeakerId: null, expected: null },
    { name: 'the first peer before anyone spoke', peers: [inge, gp], lastSpeakerId: null, expected: { peerId: 'inge', source: 'camera' } },
    { name: 'the last speaker', peers: [inge, gp], lastSpeakerId: 'gp', expected: { peerId: 'gp', source: 'camera' } },
    { name: 'the first peer when the speaker is this browser', peers: [inge, gp], lastSpeakerId: 'me', expected: { peerId: 'inge', source: 'camera' } },
    { name: 'a shared screen over the speaker', peers: [inge, sharing], lastSpeakerId: 'inge', expected: { peerId: 'nurse', source: 'screen' } },
  ])('puts $name on stage', ({ peers, lastSpeakerId, expected }) => {
    expect(stageOf({ peers, lastSpeakerId })).toEqual(expected);
  });
});

describe('preferredSpatialLayer', () => {
  const stage = { peerId: 'gp', source: 'camera' } as const;
  it.each([
    { peerId: 'gp', source: 'camera', expected: TOP_SPATIAL_LAYER },
    { peerId: 'inge', source: 'camera', expected: LOW_SPATIAL_LAYER },
    { peerId: 'gp', source: 'screen', expected: LOW_SPATIAL_LAYER },
  ] as const)('$peerId $source gets layer $expected', ({ peerId, source, expected }) => {
    expect(preferredSpatialLayer(peerId, source, stage)).toBe(expected);
  });
});
