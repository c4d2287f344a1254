import { mediaCodecs } from '@samplan/server/media/codecs.ts';
import * as mediasoup from 'mediasoup';
import type { types } from 'mediasoup';
import { SOURCE_RTP_PARAMETERS } from './source.ts';
import { inBatches, producerCounts, type Subject } from './subjectApi.ts';

/**
 * The reference: mediasoup alone, as its own examples drive it — a worker, a
 * router with Samplan's codecs, plain transports, one producer and its
 * consumers — with nothing of Samplan around it.
 */
export async function startBareSubject(): Promise<Subject> {
  const worker = await mediasoup.createWorker({ logLevel: 'warn', rtcMinPort: 40000, rtcMaxPort: 49999 });
  const router = await worker.createRouter({ mediaCodecs });
  const listenInfo: types.TransportListenInfo = { protocol: 'udp', ip: '127.0.0.1' };
  // RTCP on a port of its own, as for Samplan (Peer.createPlainTransport says why).
  const send = await router.createPlainTransport({ listenInfo, comedia: true, rtcpMux: false });
  const producer = await send.produce({ kind: 'video', rtpParameters: SOURCE_RTP_PARAMETERS, paused: true });
  const receivers: types.PlainTransport[] = [];
  return {
    workerPid: worker.pid,
    producerPort: send.tuple.localPort,
    producerRtcpPort: send.rtcpTuple!.localPort,
    addReceivers: (ports) =>
      inBatches(ports, async (port) => {
        const transport = await router.createPlainTransport({ listenInfo });
        await transport.connect({ ip: '127.0.0.1', port });
        const consumer = await transport.consume({ producerId: producer.id, rtpCapabilities: router.rtpCapabilities, paused: true });
        await consumer.resume();
        receivers.push(transport);
      }),
    removeReceivers: (count) => {
      for (const transport of receivers.splice(receivers.length - count)) transport.close();
    },
    flow: (on) => (on ? producer.resume() : producer.pause()),
    producerStats: async () => producerCounts(await producer.getStats()),
    close: () => worker.close(),
  };
}
