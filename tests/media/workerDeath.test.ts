import { demoMediaRoomId, type RunningSamplan } from '@samplan/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bot } from '../support/bots/bot.ts';
import { expectMediaFlowing, joinBot, SMALL_VIDEO, startTestSamplan, waitUntil, withTimeout } from './harness.ts';

const ROOM = 'worker-death';

describe('when a media worker dies', () => {
  let samplan: RunningSamplan;
  const bots: Bot[] = [];

  beforeAll(async () => {
    // Fixed ports (worker i on 40000 + i; the namespace is private): the replacement must get its dead predecessor's port.
    samplan = await startTestSamplan({ mediaWorkers: 2, mediaPort: 40000 });
  });

  afterAll(async () => {
    for (const bot of bots) bot.close();
    await samplan?.close();
  });

  it('moves the room to a live worker, the people stay in the call and media flows again; the worker is replaced', async () => {
    const gp = await joinBot(samplan, ROOM, { role: 'gp', video: SMALL_VIDEO });
    const patient = await joinBot(samplan, ROOM, { role: 'patient', audio: { frequencyHz: 0 }, video: SMALL_VIDEO });
    bots.push(gp, patient);
    await expectMediaFlowing([gp, patient], [gp, patient]);

    const pid = samplan.media.roomWorkerPid(demoMediaRoomId(ROOM));
    expect(pid).toBeTypeOf('number');
    const seenBefore = [gp.notifications.length, patient.notifications.length];
    const killedAt = performance.now();
    process.kill(pid!, 'SIGKILL');

    for (const bot of [gp, patient]) {
      const { peers } = await bot.waitFor('room:rebuilt');
      expect(peers.map((peer) => peer.peerId)).toEqual([bot === gp ? patient.peerId : gp.peerId]);
    }
    await Promise.all([gp.rebuilt(), patient.rebuilt()]);
    await expectMediaFlowing([gp, patient], [gp, patient]);
    const tookMs = Math.round(performance.now() - killedAt);
    console.log(`worker_crash_ms=${tookMs}`);

    expect(samplan.media.roomWorkerPid(demoMediaRoomId(ROOM))).not.toBe(pid);
    for (const [index, bot] of [gp, patient].entries()) {
      expect(bot.errors).toEqual([]);
      expect(bot.rebuilds).toBe(1);
      // Nobody left or rejoined: the same places, no room:closed.
      expect(bot.notifications.slice(seenBefore[index]).some((n) => n.name === 'room:closed' || n.name === 'peer:left' || n.name === 'peer:joined')).toBe(false);
    }

    await waitUntil('a replacement worker runs', () => samplan.media.workerCount === 2);
    const health = await fetch(`${samplan.url}/api/health/ready`).then((response) => response.json());
    expect(health).toMatchObject({ ready: true, media: 'up', workers: 2 });
    await waitUntil('only the new media is left', () => {
      const stats = samplan.media.stats();
      return stats.transports === 4 && stats.consumers === 4;
    });
    expect(samplan.media.stats()).toMatchObject({ workers: 2, rooms: 1, peers: 2, routers: 1, transports: 4, producers: 4, consumers: 4 });
  });

  it('with a single worker, the room waits for its replacement and moves there', async () => {
    const single = await startTestSamplan({ mediaWorkers: 1, mediaPort: 40010 });
    try {
      const room = 'worker-death-single';
      const gp = await joinBot(single, room, { role: 'gp', video: SMALL_VIDEO });
      const patient = await joinBot(single, room, { role: 'patient', audio: { frequencyHz: 0 }, video: SMALL_VIDEO });
      bots.push(gp, patient);
      await expectMediaFlowing([gp, patient], [gp, patient]);

      process.kill(single.media.roomWorkerPid(demoMediaRoomId(room))!, 'SIGKILL');
      await withTimeout(Promise.all([gp.waitFor('room:rebuilt'), patient.waitFor('room:rebuilt')]), 'room:rebuilt on the replacement worker', 20_000);
      await Promise.all([gp.rebuilt(), patient.rebuilt()]);
      await expectMediaFlowing([gp, patient], [gp, patient]);
      expect([...gp.errors, ...patient.errors]).toEqual([]);
    } finally {
      await single.close();
    }
  });
});
