/**
 * The bare reference room: what a mediasoup call costs with no application
 * around it. Absolute join times swing several-fold between machines of the
 * same kind, so `npm run bench:join` measures this room in the same run as
 * Samplan's, alternating, and reports Samplan's time as a ratio to it: what
 * Samplan adds on top of mediasoup itself.
 *
 * One plain script, no framework: connect, load the device, join, receive
 * what the others send, then send camera and microphone — Samplan's order,
 * its capture constraints, simulcast encodings and codec options (imported
 * from the client, so they cannot drift), and the same User Timing marks
 * and test hook, so the benchmark measures both pages in the same way.
 */
import { Device, type types } from 'mediasoup-client';
import { io } from 'socket.io-client';
import { inboundMedia } from '../../../client/src/room/inboundStats.ts';
import { markJoinStep } from '../../../client/src/room/joinMarks.ts';
import { CAMERA_CODEC_OPTIONS, CAMERA_CONSTRAINTS, CAMERA_ENCODINGS, MIC_CODEC_OPTIONS, MIC_CONSTRAINTS } from '../../../client/src/room/mediaSettings.ts';
import { LOW_SPATIAL_LAYER, TOP_SPATIAL_LAYER } from '../../../client/src/room/stage.ts';
import type { SamplanTestHook } from '../../../client/src/room/testHook.ts';
import { type BareAck, type BareProducer, type BareRequestName, type BareRequests, NEW_PRODUCER } from './protocol.ts';

type Remote = { peerId: string; consumers: types.Consumer[] };

const remotes = new Map<string, Remote>();
let joinStartedAt: number | null = null;

const hook: SamplanTestHook = {
  stats: () =>
    Promise.all(
      [...remotes.values()].map(async ({ peerId, consumers }) => {
        const media = await Promise.all(consumers.map(async (consumer) => inboundMedia(await consumer.getStats())));
        return {
          peerId,
          displayName: peerId,
          framesDecoded: media.reduce((sum, one) => sum + one.framesDecoded, 0),
          totalAudioEnergy: media.reduce((sum, one) => sum + one.totalAudioEnergy, 0),
          cameraWidth: Math.max(0, ...media.map((one) => one.frameWidth)),
        };
      }),
    ),
  joinStartedAt: () => joinStartedAt,
};
window.__samplan = hook;

async function join(room: string): Promise<void> {
  joinStartedAt = performance.now();
  markJoinStep('start');
  const media = navigator.mediaDevices.getUserMedia({ audio: MIC_CONSTRAINTS, video: CAMERA_CONSTRAINTS });
  const socket = io({ transports: ['websocket'] });
  const request = async <K extends BareRequestName>(name: K, payload: BareRequests[K]['request']): Promise<BareRequests[K]['response']> => {
    const ack = (await socket.emitWithAck(name, payload)) as BareAck<BareRequests[K]['response']>;
    if (!ack.ok) throw new Error(`${name}: ${ack.error}`);
    return ack.data;
  };
  let recv: types.Transport | null = null;
  // The same pictures as Samplan's call: the first participant's camera big, the rest small.
  let firstPeer: string | undefined;
  const consume = async (transport: types.Transport, producers: BareProducer[]) => {
    firstPeer ??= producers[0]?.peerId;
    const options = await Promise.all(
      producers.map(({ producerId, peerId }) => request('consume', { producerId, spatialLayer: peerId === firstPeer ? TOP_SPATIAL_LAYER : LOW_SPATIAL_LAYER })),
    );
    await Promise.all(
      options.map(async ({ id, producerId, peerId, kind, rtpParameters }) => {
        const consumer = await transport.consume({ id, producerId, kind, rtpParameters, streamId: peerId });
        const remote = remotes.get(peerId) ?? { peerId, consumers: [] };
        remote.consumers.push(consumer);
        remotes.set(peerId, remote);
        play(consumer.track);
        await request('resume', { consumerId: id });
      }),
    );
  };
  // Producers announced before the receive transport exists wait for it.
  const announced: BareProducer[] = [];
  socket.on(NEW_PRODUCER, (producer: BareProducer) => (recv ? void consume(recv, [producer]) : announced.push(producer)));
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  markJoinStep('connected');

  const [routerRtpCapabilities, device] = await Promise.all([request('capabilities', {}), Device.factory()]);
  await device.load({ routerRtpCapabilities });
  markJoinStep('device');
  const joined = await request('join', { room, rtpCapabilities: device.rtpCapabilities });
  markJoinStep('joined');

  recv = device.createRecvTransport(await request('createTransport', { direction: 'recv' }));
  wireConnect(recv, request);
  markJoinStep('recv-transport');
  await consume(recv, [...joined.producers, ...announced.splice(0)]);
  markJoinStep('receiving');

  const send = device.createSendTransport(await request('createTransport', { direction: 'send' }));
  wireConnect(send, request);
  send.on('produce', ({ kind, rtpParameters }, callback, errback) => {
    request('produce', { transportId: send.id, kind, rtpParameters }).then(callback, errback);
  });
  const stream = await media;
  await Promise.all([
    send.produce({ track: stream.getAudioTracks()[0]!, codecOptions: MIC_CODEC_OPTIONS }),
    send.produce({ track: stream.getVideoTracks()[0]!, encodings: CAMERA_ENCODINGS, codecOptions: CAMERA_CODEC_OPTIONS }),
  ]);
  markJoinStep('sending');
}

function wireConnect(transport: types.Transport, request: <K extends 'connectTransport'>(name: K, payload: BareRequests[K]['request']) => Promise<unknown>): void {
  transport.on('connect', ({ dtlsParameters }, callback, errback) => {
    request('connectTransport', { transportId: transport.id, dtlsParameters }).then(() => callback(), errback);
  });
}

/** Remote media plays as in a call: a video element per camera, an audio element per microphone. */
function play(track: MediaStreamTrack): void {
  const element = document.createElement(track.kind === 'video' ? 'video' : 'audio');
  element.autoplay = true;
  element.muted = track.kind === 'video';
  element.srcObject = new MediaStream([track]);
  document.body.append(element);
}

document.querySelector('#join')!.addEventListener('click', () => {
  void join(new URLSearchParams(location.search).get('room') ?? 'bench').catch((error: unknown) => {
    document.title = `failed: ${String(error)}`;
    console.error(error);
  });
});
