import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import type { Logger } from '../logger.ts';

export type RedisAdapter = {
  adapter: ReturnType<typeof createAdapter>;
  /** The publishing connection, which also answers plain commands (the rate limits' counts). */
  commands: { sendCommand(args: string[]): Promise<unknown> };
  /** Resolves when Redis answers (health/ready); waits while the client reconnects. */
  ping(): Promise<void>;
  close(): Promise<void>;
};

/**
 * With several Samplan nodes behind one address, a broadcast to a conference
 * or an episode (a plan revision, an agreement) must reach the sockets that
 * landed on the other nodes; Redis pub/sub carries it there. Media stays on
 * the node that holds the room's router: its notifications go to single
 * sockets and never through the adapter.
 */
export async function connectRedisAdapter(url: string, logger: Logger): Promise<RedisAdapter> {
  const log = logger.child({ component: 'redis' });
  const pub = createClient({ url });
  const sub = pub.duplicate();
  // Without listeners a dropped Redis connection would throw and end the process; the client reconnects by itself.
  pub.on('error', (error: unknown) => log.warn({ err: error }, 'redis publisher error'));
  sub.on('error', (error: unknown) => log.warn({ err: error }, 'redis subscriber error'));
  await Promise.all([pub.connect(), sub.connect()]);
  return {
    adapter: createAdapter(pub, sub),
    commands: { sendCommand: (args) => pub.sendCommand(args) },
    ping: async () => {
      await pub.ping();
    },
    close: async () => {
      await Promise.allSettled([pub.quit(), sub.quit()]);
    },
  };
}
