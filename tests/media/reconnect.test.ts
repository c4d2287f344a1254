import type { RunningSamplan } from '@samplan/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bot } from '../support/bots/bot.ts';
import { expectMediaFlowing, joinBot, SMALL_VIDEO, startTestSamplan, waitUntil } from './harness.ts';

const GRACE_MS = 3000;

function indexOf(bot: Bot, matches: (recorded: Bot['notifications'][number]) => boolean): number {
  const index = bot.notifications.findIndex(matches);
  expect(index, 'notification not received').toBeGreaterThanOrEqual(0);
  return index;
}

describe('reconnecting after a dropped socket', () => {
  let samplan: RunningSamplan;
  const bots: Bot[] = [];

  beforeAll(async () => {
    samplan = await startTestSamplan({ reconnectGraceMs: GRACE_MS });
  });

  afterAll(async () => {
    for (const bot of bots) bot.close();
    await samplan?.close();
  });

  async function join(roomId: string, options: Parameters<typeof joinBot>[2] = {}): Promise<Bot> {
    const bot = await joinBot(samplan, roomId, { video: SMALL_VIDEO, ...options });
    bots.push(bot);
    return bot;
  }

  it('takes the old place back with the same peer id, and media flows again', async () => {
    const relative = await join('resume', { role: 'relative' });
    const nurse = await join('resume', { role: 'hospital', audio: { frequencyHz: 0 } });
    await expectMediaFlowing([relative, nurse], [relative, nurse]);
    const oldProducerIds = [...relative.producers.values()].map((producer) => producer.id);

    relative.dropSignalling();
    await nurse.waitFor('peer:connection', (event) => event.peerId === relative.peerId && event.connection === 'reconnecting');
    // Only signalling broke: the relative's media still reaches the nurse during the grace.
    await expectMediaFlowing([nurse], [relative]);

    const resumed = await join('resume', { role: 'relative', resume: { peerId: relative.peerId, resumeKey: relative.join.resumeKey } });
    relative.close();
    expect(resumed.peerId).toBe(relative.peerId);
    expect(resumed.join.resumeKey).not.toBe(relative.join.resumeKey);
    expect(resumed.join.peers.map((peer) => peer.peerId)).toEqual([nurse.peerId]);

    const newProducerIds = [...resumed.producers.values()].map((producer) => producer.id);
    await Promise.all(newProducerIds.map((producerId) => nurse.waitFor('producer:new', (event) => event.producer.producerId === producerId)));
    const closedAt = oldProducerIds.map((producerId) => indexOf(nurse, (n) => n.name === 'producer:closed' && n.payload.producerId === producerId));
    const connectedAt = indexOf(nurse, (n) => n.name === 'peer:connection' && n.payload.peerId === relative.peerId && n.payload.connection === 'connected');
    const newAt = newProducerIds.map((producerId) => indexOf(nurse, (n) => n.name === 'producer:new' && n.payload.producer.producerId === producerId));
    expect(Math.max(...closedAt)).toBeLessThan(connectedAt);
    expect(connectedAt).toBeLessThan(Math.min(...newAt));
    expect(nurse.notifications.some((n) => n.name === 'peer:left' || (n.name === 'peer:joined' && n.payload.peer.peerId === relative.peerId))).toBe(false);

    await expectMediaFlowing([resumed, nurse], [resumed, nurse]);
    await waitUntil('the nurse closed her consumers of the old producers', () => [...nurse.consumers.values()].filter((remote) => !remote.consumer.closed).length === 2);
    expect(samplan.media.stats()).toMatchObject({ rooms: 1, peers: 2, transports: 4, producers: 4, consumers: 4 });

    await resumed.leave();
    await nurse.leave();
  });

  it('cuts the old socket when a resume arrives before the server noticed the drop', async () => {
    const gp = await join('takeover', { role: 'gp' });
    const patient = await join('takeover', { role: 'patient', audio: { frequencyHz: 0 } });
    const oldSocketClosed = new Promise<string>((resolve) => gp.socket.once('disconnect', resolve));

    const resumed = await join('takeover', { role: 'gp', resume: { peerId: gp.peerId, resumeKey: gp.join.resumeKey } });
    expect(resumed.peerId).toBe(gp.peerId);
    expect(await oldSocketClosed).toBe('io server disconnect');
    gp.close();
    await patient.waitFor('peer:connection', (event) => event.peerId === gp.peerId && event.connection === 'connected');
    expect(patient.notifications.some((n) => n.name === 'peer:connection' && n.payload.connection === 'reconnecting')).toBe(false);
    await expectMediaFlowing([resumed, patient], [resumed, patient]);

    await resumed.leave();
    await patient.leave();
  });

  it('treats a wrong resume key as a new participant, and the old place ends after the grace', async () => {
    const first = await join('wrong-key', { role: 'relative', video: false });
    const other = await join('wrong-key', { role: 'gp', video: false });
    first.dropSignalling();
    await other.waitFor('peer:connection', (event) => event.peerId === first.peerId && event.connection === 'reconnecting');

    const stranger = await join('wrong-key', { role: 'relative', video: false, resume: { peerId: first.peerId, resumeKey: 'not-the-right-key-at-all' } });
    expect(stranger.peerId).not.toBe(first.peerId);
    expect(stranger.join.peers.find((peer) => peer.peerId === first.peerId)?.connection).toBe('reconnecting');
    await other.waitFor('peer:joined', (event) => event.peer.peerId === stranger.peerId);

    await other.waitFor('peer:left', ({ peerId }) => peerId === first.peerId, GRACE_MS + 5000);
    first.close();
    expect(samplan.media.stats().peers).toBe(2);
    await stranger.leave();
    await other.leave();
    expect(samplan.media.stats()).toMatchObject({ rooms: 0, routers: 0, transports: 0, producers: 0, consumers: 0 });
  });
});
