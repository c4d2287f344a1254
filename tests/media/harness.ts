import { type Config, type RunningSamplan, signRoomToken } from '@samplan/server';
import { startTestSamplan as startWithTestDefaults } from '../support/samplan.ts';
import type { MediaKind, ParticipantRole } from '@samplan/shared';
import { expect } from 'vitest';
import { Bot, type BotOptions, type InboundByPeer } from '../support/bots/bot.ts';

/**
 * Where Samplan listens in media tests: a veth address inside the network
 * namespace made by tests/support/netns.sh (libwebrtc ignores loopback
 * interfaces, so 127.0.0.1 would not work for the bots).
 */
export function testHost(): string {
  const host = process.env.SAMPLAN_TEST_HOST;
  if (host === undefined) throw new Error('Run the media tests inside their network namespace: bash tests/support/netns.sh npx vitest run --project media');
  return host;
}

export async function startTestSamplan(overrides: Partial<Config> = {}): Promise<RunningSamplan> {
  const host = testHost();
  return startWithTestDefaults({
    host,
    mediaListenIp: host,
    mediaWorkers: 2,
    demoRooms: true,
    secret: 'media-test-secret-that-is-long-enough-0123',
    ...overrides,
  });
}

export function tokenFor(samplan: RunningSamplan, roomId: string, role: ParticipantRole = 'relative'): Promise<string> {
  return signRoomToken({ kind: 'demo', roomId, role }, samplan.config.secret, 600);
}

type JoinOptions = Omit<BotOptions, 'url' | 'token' | 'displayName'> & { role?: ParticipantRole; displayName?: string };

export async function joinBot(samplan: RunningSamplan, roomId: string, options: JoinOptions = {}): Promise<Bot> {
  return Bot.connect({
    url: samplan.url,
    token: await tokenFor(samplan, roomId, options.role),
    displayName: options.displayName ?? 'Test bot',
    ...options,
  });
}

/** Small video, so that three bots fit on two cores next to the server. */
export const SMALL_VIDEO = { width: 320, height: 240, fps: 15, simulcast: false } as const;
/** Big enough for libwebrtc to send more than one simulcast layer. */
export const SIMULCAST_VIDEO = { width: 640, height: 360, fps: 15, simulcast: true } as const;

export async function waitUntil(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function counter(inbound: InboundByPeer, peerId: string, kind: MediaKind): { packets: number; framesDecoded: number } {
  return inbound.get(peerId)?.[kind] ?? { packets: 0, framesDecoded: 0 };
}

/**
 * Media is flowing when, for every receiver, the packets it gets from every
 * sender grow from now on, for audio and for video (and video decodes).
 * `kinds` says what each sender sends.
 */
export async function expectMediaFlowing(receivers: readonly Bot[], senders: readonly Bot[], kinds: readonly MediaKind[] = ['audio', 'video']): Promise<void> {
  const before = new Map(await Promise.all(receivers.map(async (receiver) => [receiver, await receiver.inbound()] as const)));
  await waitUntil('every receiver gets growing audio and video from every sender', async () => {
    for (const receiver of receivers) {
      const now = await receiver.inbound();
      for (const sender of senders) {
        if (sender === receiver) continue;
        for (const kind of kinds) {
          const then = counter(before.get(receiver)!, sender.peerId, kind);
          const current = counter(now, sender.peerId, kind);
          if (current.packets <= then.packets) return false;
          if (kind === 'video' && current.framesDecoded <= then.framesDecoded) return false;
        }
      }
    }
    return true;
  });
}

/**
 * A peer's own transports, producers and consumers close synchronously with
 * it; only other peers' consumers of its producers follow a moment later,
 * when the worker reports the producer gone. Once the last peer has left, nothing may be left over.
 */
export function expectNoMediaLeft(samplan: RunningSamplan): void {
  expect(samplan.media.stats()).toEqual({
    workers: samplan.config.mediaWorkers,
    rooms: 0,
    peers: 0,
    routers: 0,
    transports: 0,
    producers: 0,
    consumers: 0,
  });
}

export function withTimeout<T>(promise: Promise<T>, what: string, timeoutMs = 10_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`)), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
