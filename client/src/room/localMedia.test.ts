import { describe, expect, it, vi } from 'vitest';
import { captureCameraAndMic } from './localMedia.ts';

const audio = { kind: 'audio' } as MediaStreamTrack;
const video = { kind: 'video' } as MediaStreamTrack;

function stream(tracks: MediaStreamTrack[]): MediaStream {
  return {
    getAudioTracks: () => tracks.filter((track) => track.kind === 'audio'),
    getVideoTracks: () => tracks.filter((track) => track.kind === 'video'),
  } as MediaStream;
}

function domError(name: string): Error {
  return Object.assign(new Error(name), { name });
}

describe('captureCameraAndMic', () => {
  it('returns both tracks from one prompt', async () => {
    const getUserMedia = vi.fn(async () => stream([audio, video]));
    await expect(captureCameraAndMic({ getUserMedia })).resolves.toEqual({ mic: audio, camera: video, error: null });
    expect(getUserMedia).toHaveBeenCalledOnce();
  });

  it('falls back to sound only and says why the camera is missing', async () => {
    const getUserMedia = vi.fn(async (constraints?: MediaStreamConstraints) => {
      if (constraints?.video) throw domError('NotReadableError');
      return stream([audio]);
    });
    await expect(captureCameraAndMic({ getUserMedia })).resolves.toEqual({ mic: audio, camera: null, error: 'DEVICE_MISSING' });
  });

  it('joins without media when both are refused', async () => {
    const getUserMedia = vi.fn(async () => {
      throw domError('NotAllowedError');
    });
    await expect(captureCameraAndMic({ getUserMedia })).resolves.toEqual({ mic: null, camera: null, error: 'DEVICE_DENIED' });
  });
});
