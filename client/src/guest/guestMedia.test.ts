import { describe, expect, it } from 'vitest';
import { mediaForCall } from './guestMedia.ts';

const track = (kind: string) => ({ kind }) as unknown as MediaStreamTrack;

function devices(asked: MediaStreamConstraints[]) {
  return {
    getUserMedia: async (constraints?: MediaStreamConstraints) => {
      asked.push(constraints ?? {});
      return { getAudioTracks: () => [track('audio')], getVideoTracks: () => (constraints?.video ? [track('video')] : []) } as unknown as MediaStream;
    },
  };
}

describe('mediaForCall', () => {
  it('hands over the checked tracks once, without their error, then captures afresh', async () => {
    const asked: MediaStreamConstraints[] = [];
    const mic = track('audio');
    const capture = mediaForCall({ mic, camera: null, error: 'DEVICE_DENIED' }, false, devices(asked));
    expect(await capture()).toEqual({ mic, camera: null, error: null });
    expect(asked).toEqual([]);
    const again = await capture();
    expect(again.camera).not.toBeNull();
    expect(asked[0]?.video).toBeTruthy();
  });

  it('keeps an audio-only choice on a rejoin', async () => {
    const asked: MediaStreamConstraints[] = [];
    const capture = mediaForCall({ mic: track('audio'), camera: null, error: null }, true, devices(asked));
    await capture();
    const again = await capture();
    expect(again.camera).toBeNull();
    expect(asked.map((constraints) => constraints.video ?? false)).toEqual([false]);
  });
});
