import { createSocket, type Socket } from 'node:dgram';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MediaService } from './mediaService.ts';
import type { Peer } from './peer.ts';

/** Plain RTP transports on a peer (bench:forward's way in): real RTP over 127.0.0.1 through a real worker. */
const logger = pino({ level: 'silent' });
const OPUS_PAYLOAD_TYPE = 100;
const SENDER_SSRC = 0x1234;

let media: MediaService;

beforeAll(async () => {
  media = await MediaService.start({ size: 1, listenIp: '127.0.0.1', announcedAddress: undefined, basePort: 0, rtcMinPort: 40100, rtcMaxPort: 49999 }, logger);
});

afterAll(() => media.close());

function join(roomId: string, displayName: string): Promise<Peer> {
  const channel = { notify: () => {}, disconnect: () => {} };
  return media.join(roomId, { displayName, role: 'hospital', rtpCapabilities: media.routerRtpCapabilities, channel }, undefined);
}

async function udpSocket(): Promise<Socket> {
  const socket = createSocket('udp4');
  socket.bind(0, '127.0.0.1');
  await once(socket, 'listening');
  return socket;
}

/** A minimal RTP packet: version 2, no extensions, ten bytes of (meaningless) Opus payload. */
function rtpPacket(sequenceNumber: number): Buffer {
  const packet = Buffer.alloc(22);
  packet[0] = 0x80;
  packet[1] = OPUS_PAYLOAD_TYPE;
  packet.writeUInt16BE(sequenceNumber, 2);
  packet.writeUInt32BE(sequenceNumber * 960, 4);
  packet.writeUInt32BE(SENDER_SSRC, 8);
  return packet;
}

describe('plain transports on a peer', () => {
  it('forward RTP from one peer to another through the room', async () => {
    const sender = await join('plain-forward', 'Source');
    const receiver = await join('plain-forward', 'Sink');
    const sink = await udpSocket();
    const source = await udpSocket();
    try {
      const send = await sender.createPlainTransport('send', '127.0.0.1');
      // The sender's RTCP comes from another port of its own: on the RTP port it could claim the comedia address first.
      expect(send.rtcpPort).not.toBe(send.port);
      const producer = await sender.produce({
        transportId: send.id,
        kind: 'audio',
        source: 'mic',
        rtpParameters: {
          codecs: [{ mimeType: 'audio/opus', payloadType: OPUS_PAYLOAD_TYPE, clockRate: 48000, channels: 2 }],
          encodings: [{ ssrc: SENDER_SSRC }],
        },
        paused: false,
      });
      const recv = await receiver.createPlainTransport('recv', '127.0.0.1', { ip: '127.0.0.1', port: (sink.address() as AddressInfo).port });
      const consumer = await receiver.consume(recv.id, producer.id);
      await receiver.resumeConsumer(consumer.consumerId);

      const received: Buffer[] = [];
      sink.on('message', (message) => received.push(message));
      for (let sequenceNumber = 1; sequenceNumber <= 20 && received.length === 0; sequenceNumber++) {
        source.send(rtpPacket(sequenceNumber), send.port, '127.0.0.1');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
      const rtp = received.filter((packet) => packet[1]! < 200 || packet[1]! > 207);
      expect(rtp.length).toBeGreaterThan(0);
      expect(rtp[0]!.readUInt32BE(8)).toBe(consumer.rtpParameters.encodings?.[0]?.ssrc);
    } finally {
      sink.close();
      source.close();
      sender.leave();
      receiver.leave();
    }
  });

  it('refuse what only WebRTC has, and a receive transport with nowhere to send', async () => {
    const peer = await join('plain-refusals', 'Bench');
    try {
      const send = await peer.createPlainTransport('send', '127.0.0.1');
      await expect(peer.restartIce(send.id)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
      await expect(peer.connectTransport(send.id, { fingerprints: [], role: 'client' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
      await expect(peer.createPlainTransport('recv', '127.0.0.1')).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    } finally {
      peer.leave();
    }
  });
});
