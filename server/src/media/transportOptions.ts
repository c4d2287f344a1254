import type { types } from 'mediasoup';

/**
 * How every WebRTC transport is made: on its worker's one WebRtcServer port,
 * UDP first with TCP as the way out of networks that block UDP. The join
 * benchmark's bare reference room makes its transports with these too.
 */
export function webRtcTransportOptions(webRtcServer: types.WebRtcServer): types.WebRtcTransportOptions {
  return { webRtcServer, enableUdp: true, enableTcp: true, preferUdp: true };
}
