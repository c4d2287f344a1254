import { demoMediaRoomId, type RunningSamplan } from '@samplan/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bot } from '../support/bots/bot.ts';
import { call } from '../support/bots/signalling.ts';
import { expectMediaFlowing, joinBot, SMALL_VIDEO, startTestSamplan, waitUntil } from './harness.ts';

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

  it('closes its rooms with rejoin, replaces the worker, and a new join works', async () => {
    const gp = await joinBot(samplan, ROOM, { role: 'gp', video: SMALL_VIDEO });
    const patient = await joinBot(samplan, ROOM, { role: 'patient', audio: { frequencyHz: 0 }, video: SMALL_VIDEO });
    bots.push(gp, patient);
    await expectMediaFlowing([gp, patient], [gp, patient]);

    const pid = samplan.media.roomWorkerPid(demoMediaRoomId(ROOM));
    expect(pid).toBeTypeOf('number');
    process.kill(pid!, 'SIGKILL');

    for (const bot of [gp, patient]) {
      expect(await bot.waitFor('room:closed')).toEqual({ reason: 'worker-died', rejoin: true });
    }
    expect(samplan.media.stats()).toMatchObject({ rooms: 0, peers: 0 });
    // The same socket may join again: the server forgot the peer that went with the room.
    await expect(call(gp.socket, 'transport:create', { direction: 'send' })).rejects.toThrow(/NOT_JOINED/);

    await waitUntil('a replacement worker runs', () => samplan.media.workerCount === 2);
    const health = await fetch(`${samplan.url}/api/health/ready`).then((response) => response.json());
    expect(health).toMatchObject({ ready: true, media: 'up', workers: 2 });
    for (const bot of [gp, patient]) bot.close();

    const gpAgain = await joinBot(samplan, ROOM, { role: 'gp', video: SMALL_VIDEO });
    const patientAgain = await joinBot(samplan, ROOM, { role: 'patient', audio: { frequencyHz: 0 }, video: SMALL_VIDEO });
    bots.push(gpAgain, patientAgain);
    const newPid = samplan.media.roomWorkerPid(demoMediaRoomId(ROOM));
    expect(newPid).toBeTypeOf('number');
    expect(newPid).not.toBe(pid);
    await expectMediaFlowing([gpAgain, patientAgain], [gpAgain, patientAgain]);
    expect(samplan.media.stats()).toMatchObject({ workers: 2, rooms: 1, peers: 2, routers: 1, transports: 4, producers: 4, consumers: 4 });
  });
});
