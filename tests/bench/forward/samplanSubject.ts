import { createLogger } from '@samplan/server/logger.ts';
import { MediaService } from '@samplan/server/media/mediaService.ts';
import type { Peer } from '@samplan/server/media/peer.ts';
import { SOURCE_RTP_PARAMETERS } from './source.ts';
import { inBatches, producerCounts, type Subject } from './subjectApi.ts';

const ROOM_ID = 'bench-forward';

/**
 * Samplan's own media layer: its MediaService with one worker (its worker
 * pool, its router codecs, its active-speaker detector), one room, a source
 * peer producing and one peer per receiver consuming, each through Peer's
 * API as the signalling handlers call it. Plain transports stand in for the
 * browsers' WebRTC ones (Peer.createPlainTransport): the forwarding path in
 * the worker is the same, and DTLS/SRTP would cost both subjects alike.
 */
export async function startSamplanSubject(): Promise<Subject> {
  const logger = createLogger('silent');
  const media = await MediaService.start({ size: 1, listenIp: '127.0.0.1', announcedAddress: undefined, basePort: 0, rtcMinPort: 40000, rtcMaxPort: 49999 }, logger);
  const join = (displayName: string): Promise<Peer> =>
    media.join(ROOM_ID, { displayName, role: 'hospital', rtpCapabilities: media.routerRtpCapabilities, channel: { notify: () => {}, disconnect: () => {} } }, undefined);

  const source = await join('Source');
  const send = await source.createPlainTransport('send', '127.0.0.1');
  const producer = await source.produce({ transportId: send.id, kind: 'video', source: 'camera', rtpParameters: SOURCE_RTP_PARAMETERS, paused: true });
  const receivers: Peer[] = [];
  return {
    workerPid: media.roomWorkerPid(ROOM_ID)!,
    producerPort: send.port,
    producerRtcpPort: send.rtcpPort,
    addReceivers: (ports) =>
      inBatches(ports, async (port) => {
        const peer = await join(`Receiver ${port}`);
        const transport = await peer.createPlainTransport('recv', '127.0.0.1', { ip: '127.0.0.1', port });
        const consumer = await peer.consume(transport.id, producer.id);
        await peer.resumeConsumer(consumer.consumerId);
        receivers.push(peer);
      }),
    removeReceivers: (count) => {
      for (const peer of receivers.splice(receivers.length - count)) peer.leave();
    },
    flow: (on) => (on ? source.resumeProducer(producer.id) : source.pauseProducer(producer.id)),
    producerStats: async () => producerCounts(await producer.getStats()),
    close: () => media.close(),
  };
}
