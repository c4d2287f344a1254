import wrtc from '@roamhq/wrtc';

/**
 * mediasoup-client's Chrome111 handler uses the browser's WebRTC globals;
 * @roamhq/wrtc provides the same classes on top of libwebrtc. Installed once
 * per process, before any Device is created.
 */
export function installWrtcGlobals(): void {
  const globals = globalThis as Record<string, unknown>;
  if (globals.RTCPeerConnection === wrtc.RTCPeerConnection) return;
  Object.assign(globals, {
    RTCPeerConnection: wrtc.RTCPeerConnection,
    RTCSessionDescription: wrtc.RTCSessionDescription,
    RTCIceCandidate: wrtc.RTCIceCandidate,
    RTCRtpSender: wrtc.RTCRtpSender,
    RTCRtpReceiver: wrtc.RTCRtpReceiver,
    RTCRtpTransceiver: wrtc.RTCRtpTransceiver,
    MediaStream: wrtc.MediaStream,
    MediaStreamTrack: wrtc.MediaStreamTrack,
  });
}
