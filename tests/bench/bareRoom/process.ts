import { fileURLToPath } from 'node:url';
import { Child } from '../ipc.ts';
import type { BareRoomHandlers } from './protocol.ts';

const SERVER = fileURLToPath(new URL('./server.ts', import.meta.url));

export type BareRoom = { url: string; close(): Promise<void> };

/** Starts the bare reference room's server in a process of its own and waits until it serves. */
export async function startBareRoom(): Promise<BareRoom> {
  const child = await Child.start<BareRoomHandlers>(SERVER, []);
  return { url: await child.call('url'), close: () => child.close() };
}
