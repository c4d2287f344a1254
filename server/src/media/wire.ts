import type { ConsumerOptions, ResponseOf } from '@samplan/shared';
import type { types } from 'mediasoup';

type WireRtpParameters = ConsumerOptions['rtpParameters'];
type WireRtpCapabilities = ResponseOf<'room:capabilities'>['routerRtpCapabilities'];

/*
 * mediasoup types codec parameters as `unknown`; the ones it generates from
 * Samplan's codec list are strings and numbers, which is exactly what the
 * protocol allows. These are the only places where that is asserted.
 */

export function rtpParametersToWire(rtpParameters: types.RtpParameters): WireRtpParameters {
  return rtpParameters as WireRtpParameters;
}

export function rtpCapabilitiesToWire(rtpCapabilities: types.RtpCapabilities): WireRtpCapabilities {
  return rtpCapabilities as WireRtpCapabilities;
}
