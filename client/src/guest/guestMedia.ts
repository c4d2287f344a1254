import { MIC_CONSTRAINTS } from '../room/mediaSettings.ts';
import { captureCameraAndMic, type CapturedMedia } from '../room/localMedia.ts';
import { uiErrorCodeOf } from '../uiError.ts';

type Capture = Pick<MediaDevices, 'getUserMedia'>;

/**
 * What the call captures each time it joins: first the tracks the device
 * check already has (no second permission prompt, no second camera start),
 * then on a rejoin a fresh capture that keeps the person's audio-only choice.
 * The check has already explained a missing camera, so the call does not
 * raise it again as an error.
 */
export function mediaForCall(checked: CapturedMedia, audioOnly: boolean, devices: Capture = navigator.mediaDevices): () => Promise<CapturedMedia> {
  let handedOver: CapturedMedia | null = { ...checked, error: null };
  return async () => {
    if (handedOver) {
      const first = handedOver;
      handedOver = null;
      return first;
    }
    if (!audioOnly) return captureCameraAndMic(devices);
    try {
      const stream = await devices.getUserMedia({ audio: MIC_CONSTRAINTS });
      return { mic: stream.getAudioTracks()[0] ?? null, camera: null, error: null };
    } catch (error) {
      return { mic: null, camera: null, error: uiErrorCodeOf(error) };
    }
  };
}
