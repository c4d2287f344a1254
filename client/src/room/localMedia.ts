import { ClientError, uiErrorCodeOf, type UiErrorCode } from '../uiError.ts';
import { CAMERA_CONSTRAINTS, MIC_CONSTRAINTS } from './mediaSettings.ts';

export type CapturedMedia = {
  mic: MediaStreamTrack | null;
  camera: MediaStreamTrack | null;
  /** Why camera or microphone is missing, when one is. */
  error: UiErrorCode | null;
};

type Capture = Pick<MediaDevices, 'getUserMedia'>;

/**
 * Camera and microphone in one prompt. Someone without a working camera
 * still joins with sound, and someone with neither still sees and hears the
 * others: being in the meeting matters more than being seen.
 */
export async function captureCameraAndMic(devices: Capture = navigator.mediaDevices): Promise<CapturedMedia> {
  try {
    const stream = await devices.getUserMedia({ audio: MIC_CONSTRAINTS, video: CAMERA_CONSTRAINTS });
    return { mic: stream.getAudioTracks()[0] ?? null, camera: stream.getVideoTracks()[0] ?? null, error: null };
  } catch (withCamera) {
    try {
      const stream = await devices.getUserMedia({ audio: MIC_CONSTRAINTS });
      return { mic: stream.getAudioTracks()[0] ?? null, camera: null, error: uiErrorCodeOf(withCamera) };
    } catch {
      return { mic: null, camera: null, error: uiErrorCodeOf(withCamera) };
    }
  }
}

export async function captureScreen(devices: Pick<MediaDevices, 'getDisplayMedia'> = navigator.mediaDevices): Promise<MediaStreamTrack> {
  let stream: MediaStream;
  try {
    stream = await devices.getDisplayMedia({ video: { frameRate: { max: 15 } }, audio: false });
  } catch (error) {
    throw new ClientError('SCREEN_SHARE_FAILED', error instanceof Error ? error.message : String(error));
  }
  const track = stream.getVideoTracks()[0];
  if (!track) throw new ClientError('SCREEN_SHARE_FAILED', 'the shared screen has no video track');
  // Text and slides: keep them sharp rather than smooth.
  track.contentHint = 'detail';
  return track;
}
