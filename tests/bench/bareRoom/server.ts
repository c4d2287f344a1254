/**
 * The bare reference room's server: why it exists is in page.ts. Started as
 * `node --import tsx server.ts` over an IPC channel (bareProcess.ts), in a
 * process of its own like Samplan's; it sends `{ url }` once it serves and
 * closes when the parent says `close` or goes away.
 *
 * Everything that decides how fast media starts is Samplan's own: the
 * mediasoup worker (WorkerPool: same binary, log level, port range and one
 * WebRtcServer on 127.0.0.1), the router's codecs and the WebRTC transport
 * options. What is left out is the application: no tokens, no accounts, no
 * validation, no placement, no notices — one router per room, made at the
 * first join, closed when the room empties.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { types } from 'mediasoup';
import { Server, type Socket } from 'socket.io';
import { loadConfig } from '@samplan/server';
import { createLogger } from '@samplan/server/logger.ts';
import { MediaCensus } from '@samplan/server/media/census.ts';
import { mediaCodecs } from '@samplan/server/media/codecs.ts';
import { webRtcTransportOptions } from '@samplan/server/media/transportOptions.ts';
import { WorkerPool } from '@samplan/server/media/workerPool.ts';
import { serve } from '../ipc.ts';
import { type BareAck, type BareProducer, type BareRequestName, type BareRequests, type BareRoomHandlers, NEW_PRODUCER } from './protocol.ts';

const PAGE = fileURLToPath(new URL('./page.ts', import.meta.url));
const HTML = '<!doctype html><meta charset="utf-8"><title>bare room</title><link rel="icon" href="data:,"><button id="join">Join</button><script type="module" src="/page.js"></script>';

type Room = { name: string; router: types.Router; peers: Set<Peer> };
type Peer = {
  id: string;
  socket: Socket;
  room: Room | null;
  rtpCapabilities: types.RtpCapabilities | null;
  transports: Map<string, { transport: types.WebRtcTransport; direction: 'send' | 'recv' }>;
  producers: types.Producer[];
  consumers: Map<string, types.Consumer>;
};

async function bundlePage(): Promise<string> {
  const result = await build({ entryPoints: [PAGE], bundle: true, format: 'esm', platform: 'browser', target: 'es2022', minify: true, write: false });
  return result.outputFiles[0]!.text;
}

function serveStatic(script: string) {
  return (request: IncomingMessage, response: ServerResponse) => {
    const path = new URL(request.url ?? '/', 'http://bare').pathname;
    if (path === '/page.js') response.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    else if (path === '/') response.writeHead(200, { 'content-type': 'text/html' }).end(HTML);
    else response.writeHead(404).end();
  };
}

async function main(): Promise<void> {
  if (process.send === undefined) throw new Error('usage: server.ts (over IPC, from process.ts)');
  // Samplan's configuration as the bench runs it: media on 127.0.0.1, one worker, ports from the default range.
  const config = loadConfig({ MEDIA_LISTEN_IP: '127.0.0.1', MEDIA_PORT: '0', MEDIA_WORKERS: '1', SAMPLAN_SECRET: randomBytes(32).toString('base64url') });
  const pool = await WorkerPool.start(
    { size: 1, listenIp: config.mediaListenIp, announcedAddress: undefined, basePort: config.mediaPort, rtcMinPort: config.rtcMinPort, rtcMaxPort: config.rtcMaxPort },
    new MediaCensus(),
    createLogger('warn'),
  );
  const { worker, webRtcServer } = pool.leastLoaded();
  const probe = await worker.createRouter({ mediaCodecs });
  const capabilities = probe.rtpCapabilities;
  probe.close();

  const rooms = new Map<string, Promise<Room>>();
  const roomOf = (name: string): Promise<Room> => {
    let room = rooms.get(name);
    if (!room) {
      room = worker.createRouter({ mediaCodecs }).then((router) => ({ name, router, peers: new Set<Peer>() }));
      rooms.set(name, room);
    }
    return room;
  };

  const http = createServer(serveStatic(await bundlePage()));
  const io = new Server(http, { serveClient: false });
  io.on('connection', (socket) => {
    const peer: Peer = { id: randomBytes(8).toString('hex'), socket, room: null, rtpCapabilities: null, transports: new Map(), producers: [], consumers: new Map() };
    const transportOf = (id: string) => {
      const own = peer.transports.get(id);
      if (!own) throw new Error('no such transport');
      return own.transport;
    };
    const handlers: { [K in BareRequestName]: (request: BareRequests[K]['request']) => Promise<unknown> } = {
      capabilities: async () => capabilities,
      join: async ({ room: name, rtpCapabilities }) => {
        const room = await roomOf(name);
        peer.room = room;
        peer.rtpCapabilities = rtpCapabilities as types.RtpCapabilities;
        room.peers.add(peer);
        const producers: BareProducer[] = [...room.peers].flatMap((other) =>
          other === peer ? [] : other.producers.map((producer) => ({ peerId: other.id, producerId: producer.id, kind: producer.kind })),
        );
        return { peerId: peer.id, producers };
      },
      createTransport: async ({ direction }) => {
        const transport = await peer.room!.router.createWebRtcTransport(webRtcTransportOptions(webRtcServer));
        peer.transports.set(transport.id, { transport, direction });
        return { id: transport.id, iceParameters: transport.iceParameters, iceCandidates: transport.iceCandidates, dtlsParameters: transport.dtlsParameters };
      },
      connectTransport: async ({ transportId, dtlsParameters }) => {
        await transportOf(transportId).connect({ dtlsParameters: dtlsParameters as types.DtlsParameters });
        return {};
      },
      produce: async ({ transportId, kind, rtpParameters }) => {
        const producer = await transportOf(transportId).produce({ kind, rtpParameters: rtpParameters as types.RtpParameters });
        peer.producers.push(producer);
        for (const other of peer.room!.peers) {
          if (other !== peer) other.socket.emit(NEW_PRODUCER, { peerId: peer.id, producerId: producer.id, kind } satisfies BareProducer);
        }
        return { id: producer.id };
      },
      consume: async ({ producerId, spatialLayer }) => {
        const recv = [...peer.transports.values()].find(({ direction }) => direction === 'recv');
        const owner = [...peer.room!.peers].find((other) => other.producers.some((producer) => producer.id === producerId));
        if (!recv || !owner) throw new Error('nothing to consume with or from');
        const consumer = await recv.transport.consume({ producerId, rtpCapabilities: peer.rtpCapabilities!, paused: true, preferredLayers: { spatialLayer } });
        peer.consumers.set(consumer.id, consumer);
        consumer.observer.once('close', () => peer.consumers.delete(consumer.id));
        return { id: consumer.id, producerId, peerId: owner.id, kind: consumer.kind, rtpParameters: consumer.rtpParameters };
      },
      resume: async ({ consumerId }) => {
        await peer.consumers.get(consumerId)?.resume();
        return {};
      },
    };
    for (const [name, handle] of Object.entries(handlers) as [BareRequestName, (request: unknown) => Promise<unknown>][]) {
      socket.on(name, (request: unknown, ack: (answer: BareAck<unknown>) => void) => {
        handle(request).then(
          (data) => ack({ ok: true, data }),
          (error: unknown) => ack({ ok: false, error: String(error) }),
        );
      });
    }
    socket.on('disconnect', () => {
      for (const { transport } of peer.transports.values()) transport.close();
      const room = peer.room;
      if (!room) return;
      room.peers.delete(peer);
      if (room.peers.size === 0) {
        rooms.delete(room.name);
        room.router.close();
      }
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;

  serve({
    url: () => url,
    close: () => {
      void io.close();
      pool.close();
    },
  } satisfies BareRoomHandlers);
  // serve() lets go of the channel after `close`; so does an orchestrator that died.
  process.once('disconnect', () => process.exit(0));
}

await main();
