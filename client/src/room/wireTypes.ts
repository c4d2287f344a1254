import type { ConsumerOptions, RequestOf, ResponseOf, TransportOptions } from '@samplan/shared';
import type { types } from 'mediasoup-client';

/*
 * mediasoup-client's RTP and transport types and the protocol's schemas
 * describe the same objects; they differ only in how loosely they type
 * codec parameters and candidate fields. The protocol checks shape and size,
 * mediasoup checks meaning, so these conversions only change the static type.
 */

type WireRtpCapabilities = RequestOf<'room:join'>['rtpCapabilities'];
type WireRtpParameters = RequestOf<'producer:create'>['rtpParameters'];

export function rtpCapabilitiesToWire(capabilities: types.RtpCapabilities): WireRtpCapabilities {
  return capabilities as WireRtpCapabilities;
}

export function rtpCapabilitiesFromWire(capabilities: ResponseOf<'room:capabilities'>['routerRtpCapabilities']): types.RtpCapabilities {
  return capabilities as types.RtpCapabilities;
}

export function rtpParametersToWire(parameters: types.RtpParameters): WireRtpParameters {
  return parameters as WireRtpParameters;
}

export function rtpParametersFromWire(parameters: ConsumerOptions['rtpParameters']): types.RtpParameters {
  return parameters as types.RtpParameters;
}

export function transportOptionsFromWire(options: TransportOptions): types.TransportOptions {
  return options as unknown as types.TransportOptions;
}
