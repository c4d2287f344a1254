import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { RunningSamplan } from '@samplan/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bot } from '../support/bots/bot.ts';
import { expectMediaFlowing, joinBot, SMALL_VIDEO, startTestSamplan, testHost, waitUntil } from './harness.ts';

const run = promisify(execFile);
const DROP_MS = 3000;
const SERVER_ADDRESS = '127.0.0.2';

/**
 * The network between the bots and the media server goes away and comes
 * back. Everything here shares one namespace (tests/support/netns.sh), where
 * traffic to one's own address never crosses the veth link, so taking the
 * link down would change nothing: instead the server's address stops being
 * reachable (its local route goes), which is what a dropped link is to the
 * packets: sends fail, nothing arrives, TCP retransmits until it is back.
 * The 127.0.0.0/8 route of lo goes first for the whole run, or that would
 * still deliver to 127.0.0.2.
 */
async function route(action: 'add' | 'del', destination: string, device: string): Promise<void> {
  await run('ip', ['route', action, 'local', destination, 'dev', device, 'table', 'local', 'proto', 'kernel', 'scope', 'host', ...(destination.endsWith('/8') ? [] : ['src', destination])]);
}

const setNetwork = (state: 'up' | 'down') => route(state === 'up' ? 'add' : 'del', SERVER_ADDRESS, 'v0');

describe('a network drop of a few seconds', () => {
  let samplan: RunningSamplan;
  const bots: Bot[] = [];

  beforeAll(async () => {
    expect(testHost()).toBe(SERVER_ADDRESS);
    await route('del', '127.0.0.0/8', 'lo');
    samplan = await startTestSamplan();
  });

  afterAll(async () => {
    await setNetwork('up').catch(() => undefined);
    await route('add', '127.0.0.0/8', 'lo').catch(() => undefined);
    for (const bot of bots) bot.close();
    await samplan?.close();
  });

  it('restarts ICE on the same transports and media flows again, with nobody rejoining', async () => {
    const gp = await joinBot(samplan, 'ice-restart', { role: 'gp', video: SMALL_VIDEO });
    const patient = await joinBot(samplan, 'ice-restart', { role: 'patient', audio: { frequencyHz: 0 }, video: SMALL_VIDEO });
    bots.push(gp, patient);
    await expectMediaFlowing([gp, patient], [gp, patient]);
    const transports = [gp, patient].map((bot) => [bot.sendTransportId, bot.recvTransportId]);
    const producers = [gp, patient].map((bot) => [...bot.producers.values()].map((producer) => producer.id));
    const seenBefore = [gp.notifications.length, patient.notifications.length];

    await setNetwork('down');
    await new Promise((resolve) => setTimeout(resolve, DROP_MS));
    await setNetwork('up');
    const upAt = performance.now();
    // Hang guard only: how long it took is printed, not asserted.
    await waitUntil('both bots restarted ICE', () => gp.iceRestarts > 0 && patient.iceRestarts > 0, 30_000);
    await expectMediaFlowing([gp, patient], [gp, patient]);
    console.log(`ice_restart_ms=${Math.round(performance.now() - upAt)}`);

    expect([gp, patient].map((bot) => [bot.sendTransportId, bot.recvTransportId])).toEqual(transports);
    expect([gp, patient].map((bot) => [...bot.producers.values()].map((producer) => producer.id))).toEqual(producers);
    for (const [index, bot] of [gp, patient].entries()) {
      expect(bot.socket.connected).toBe(true);
      expect(bot.notifications.slice(seenBefore[index]).some((n) => n.name === 'peer:left' || n.name === 'peer:joined' || n.name === 'peer:connection' || n.name === 'room:closed')).toBe(false);
    }
    expect(samplan.media.stats()).toMatchObject({ rooms: 1, peers: 2, transports: 4, producers: 4, consumers: 4 });
  });
});
