/**
 * bench:forward's sink, in a process of its own: one UDP socket on
 * 127.0.0.1 per receiver, counting the RTP packets each consumer sends and
 * the gaps in their sequence numbers during a measurement window (the
 * worker's bandwidth probation packets arrive too, and are left out). Sockets are
 * grouped by subject, so that each subject's window counts its own.
 *
 * Its sockets' receive buffers are also watched in the kernel's table: a
 * datagram dropped there was the sink's fault, not the worker's, and the
 * orchestrator says so beside the loss.
 */
import { createSocket, type Socket } from 'node:dgram';
import { once } from 'node:events';
import { serve } from '../ipc.ts';
import { isRtcp, PROBATION_SSRC, SequenceCounter, windowLoss, type WindowLoss } from './loss.ts';
import { udpDrops } from './procfs.ts';

/** Asked for; the kernel caps it at net.core.rmem_max. */
const RECEIVE_BUFFER_BYTES = 4 * 1024 * 1024;

type Receiver = { port: number; socket: Socket; counter: SequenceCounter; bytes: number };
type Group = { receivers: Receiver[]; counting: boolean; dropsBefore: number; startedAt: number };

export type SinkWindow = WindowLoss & { streams: number; sinkDrops: number; packetsPerSecond: number; bitsPerSecond: number };

const groups = new Map<string, Group>();

function group(name: string): Group {
  let found = groups.get(name);
  if (found === undefined) {
    found = { receivers: [], counting: false, dropsBefore: 0, startedAt: 0 };
    groups.set(name, found);
  }
  return found;
}

async function openReceiver(owner: Group): Promise<number> {
  const socket = createSocket({ type: 'udp4', recvBufferSize: RECEIVE_BUFFER_BYTES });
  socket.bind(0, '127.0.0.1');
  await once(socket, 'listening');
  const receiver: Receiver = { port: socket.address().port, socket, counter: new SequenceCounter(), bytes: 0 };
  socket.on('message', (packet) => {
    if (!owner.counting || packet.length < 12 || isRtcp(packet) || packet.readUInt32BE(8) === PROBATION_SSRC) return;
    receiver.counter.add(packet.readUInt16BE(2));
    receiver.bytes += packet.length;
  });
  owner.receivers.push(receiver);
  return receiver.port;
}

const handlers = {
  open: async ({ subject, count }: { subject: string; count: number }): Promise<number[]> => {
    const owner = group(subject);
    const ports: number[] = [];
    for (let i = 0; i < count; i++) ports.push(await openReceiver(owner));
    return ports;
  },
  drop: ({ subject, count }: { subject: string; count: number }): void => {
    const receivers = group(subject).receivers;
    for (const receiver of receivers.splice(receivers.length - count)) receiver.socket.close();
  },
  start: ({ subject }: { subject: string }): void => {
    const owner = group(subject);
    for (const receiver of owner.receivers) {
      receiver.counter = new SequenceCounter();
      receiver.bytes = 0;
    }
    owner.dropsBefore = udpDrops(owner.receivers.map((receiver) => receiver.port));
    owner.startedAt = performance.now();
    owner.counting = true;
  },
  stop: ({ subject }: { subject: string }): SinkWindow => {
    const owner = group(subject);
    owner.counting = false;
    const seconds = (performance.now() - owner.startedAt) / 1000;
    const loss = windowLoss(owner.receivers.map((receiver) => receiver.counter));
    const bytes = owner.receivers.reduce((sum, receiver) => sum + receiver.bytes, 0);
    const streams = owner.receivers.length;
    return {
      ...loss,
      streams,
      sinkDrops: udpDrops(owner.receivers.map((receiver) => receiver.port)) - owner.dropsBefore,
      packetsPerSecond: loss.received / seconds / Math.max(1, streams),
      bitsPerSecond: (bytes * 8) / seconds / Math.max(1, streams),
    };
  },
  close: (): void => {
    for (const owner of groups.values()) for (const receiver of owner.receivers) receiver.socket.close();
  },
};

export type SinkHandlers = typeof handlers;

if (process.send !== undefined) {
  serve(handlers);
}
