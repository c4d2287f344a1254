import type { types } from 'mediasoup-client';

/*
 * What the browser is asked to capture and send. The camera goes out as three
 * simulcast layers so the server can give each viewer the size it shows: a
 * quarter for small tiles, full 720p for the big one.
 */

export const CAMERA_CONSTRAINTS: MediaTrackConstraints = {
  width: { ideal: 1280 },
  height: { ideal: 720 },
  frameRate: { ideal: 30, max: 30 },
};

export const MIC_CONSTRAINTS: MediaTrackConstraints = {
  echoCancellation: true,
  noiseSuppression: true,
  autoGainControl: true,
};

export const CAMERA_ENCODINGS: types.RtpEncodingParameters[] = [
  { scaleResolutionDownBy: 4, maxBitrate: 150_000 },
  { scaleResolutionDownBy: 2, maxBitrate: 500_000 },
  { scaleResolutionDownBy: 1, maxBitrate: 1_200_000 },
];

export const CAMERA_CODEC_OPTIONS: types.ProducerCodecOptions = { videoGoogleStartBitrate: 1000 };

/** One layer: text on a shared screen must stay sharp, and it is shown big anyway. */
export const SCREEN_ENCODINGS: types.RtpEncodingParameters[] = [{ maxBitrate: 1_500_000 }];

export const MIC_CODEC_OPTIONS: types.ProducerCodecOptions = { opusFec: true, opusDtx: true };
