import type { RunningSamplan } from '@samplan/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bot } from '../support/bots/bot.ts';
import { call } from '../support/bots/signalling.ts';
import { expectMediaFlowing, expectNoMediaLeft, joinBot, SIMULCAST_VIDEO, SMALL_VIDEO, startTestSamplan, waitUntil } from './harness.ts';

const ROOM = 'discharge-conference';
const GRACE_MS = 1500;

/*
 * One conference, start to finish: three participants see and hear each
 * other, one pauses and resumes, the speaker is announced, the viewer picks a
 * simulcast layer, and then they go: one properly, one by closing its socket,
 * one by losing the network. Afterwards no mediasoup object may be left.
 */
describe('a three-party conference', () => {
  let samplan: RunningSamplan;
  let nurse: Bot;
  let gp: Bot;
  let patient: Bot;

  beforeAll(async () => {
    samplan = await startTestSamplan({ reconnectGraceMs: GRACE_MS });
    // Only the patient, who joins last, makes a sound: she must become the active speaker.
    nurse = await joinBot(samplan, ROOM, { role: 'municipality', audio: { frequencyHz: 0 }, video: SMALL_VIDEO });
    gp = await joinBot(samplan, ROOM, { role: 'gp', audio: { frequencyHz: 0 }, video: SIMULCAST_VIDEO });
    patient = await joinBot(samplan, ROOM, { role: 'patient', audio: { frequencyHz: 330 }, video: SMALL_VIDEO });
  });

  afterAll(async () => {
    for (const bot of [nurse, gp, patient]) bot?.close();
    await samplan?.close();
  });

  it('tells each joiner who is already there, with role and producers', () => {
    expect(nurse.join.peers).toEqual([]);
    expect(gp.join.peers).toEqual([
      {
        peerId: nurse.peerId,
        displayName: 'Test bot',
        role: 'municipality',
        connection: 'connected',
        producers: [
          { producerId: nurse.producers.get('audio')!.id, kind: 'audio', source: 'mic', paused: false },
          { producerId: nurse.producers.get('video')!.id, kind: 'video', source: 'camera', paused: false },
        ],
      },
    ]);
    expect(patient.join.peers.map((peer) => peer.peerId)).toEqual([nurse.peerId, gp.peerId]);
  });

  it('lets everyone receive everyone else’s audio and video', async () => {
    await expectMediaFlowing([nurse, gp, patient], [nurse, gp, patient]);
    for (const bot of [nurse, gp, patient]) expect(bot.errors).toEqual([]);
    expect(samplan.media.stats()).toEqual({ workers: 2, rooms: 1, peers: 3, routers: 1, transports: 6, producers: 6, consumers: 12 });
  });

  it('announces the active speaker', async () => {
    for (const bot of [nurse, gp, patient]) {
      await bot.waitFor('speaker:active', ({ peerId }) => peerId === patient.peerId);
    }
  });

  it('forwards simulcast as simulcast and accepts a preferred layer', async () => {
    const gpVideoAtPatient = patient.consumerOf(gp.peerId, 'video');
    expect(gpVideoAtPatient?.type).toBe('simulcast');
    expect(patient.consumerOf(nurse.peerId, 'video')?.type).toBe('simple');
    await call(patient.socket, 'consumer:setPreferredLayers', { consumerId: gpVideoAtPatient!.consumer.id, spatialLayer: 0, temporalLayer: 0 });
    await call(patient.socket, 'consumer:setPreferredLayers', { consumerId: gpVideoAtPatient!.consumer.id, spatialLayer: 2 });
    await expectMediaFlowing([patient], [gp], ['video']);
  });

  it('announces a paused and a resumed producer to the others, and media flows again after', async () => {
    const video = nurse.producers.get('video')!;
    video.pause();
    await call(nurse.socket, 'producer:pause', { producerId: video.id });
    for (const bot of [gp, patient]) await bot.waitFor('producer:paused', (event) => event.peerId === nurse.peerId && event.producerId === video.id);
    video.resume();
    await call(nurse.socket, 'producer:resume', { producerId: video.id });
    for (const bot of [gp, patient]) await bot.waitFor('producer:resumed', (event) => event.peerId === nurse.peerId && event.producerId === video.id);
    await expectMediaFlowing([gp, patient], [nurse], ['video']);
  });

  it('closes a leaving peer’s media and tells the others, including that the speaker is gone', async () => {
    const producerIds = [...patient.producers.values()].map((producer) => producer.id);
    await patient.leave();
    for (const bot of [nurse, gp]) {
      await bot.waitFor('peer:left', ({ peerId }) => peerId === patient.peerId);
      for (const producerId of producerIds) await bot.waitFor('producer:closed', (event) => event.producerId === producerId);
      await bot.waitFor('speaker:active', ({ peerId }) => peerId === null);
    }
    await waitUntil('the others closed their consumers of the patient', () => [nurse, gp].every((bot) => bot.consumerOf(patient.peerId, 'video') === undefined));
    expect(samplan.media.stats()).toEqual({ workers: 2, rooms: 1, peers: 2, routers: 1, transports: 4, producers: 4, consumers: 4 });
    await expectMediaFlowing([nurse, gp], [nurse, gp]);
  });

  it('keeps a peer whose network dropped for the grace period, then lets it go', async () => {
    const droppedAt = Date.now();
    gp.dropSignalling();
    await nurse.waitFor('peer:connection', (event) => event.peerId === gp.peerId && event.connection === 'reconnecting');
    await nurse.waitFor('peer:left', ({ peerId }) => peerId === gp.peerId);
    expect(Date.now() - droppedAt).toBeGreaterThanOrEqual(GRACE_MS - 100);
    gp.close();
    // Consumers on other transports close when the worker reports their producer gone: a moment later.
    await waitUntil('the nurse closed her consumers of the GP', () => nurse.consumerOf(gp.peerId, 'audio') === undefined && nurse.consumerOf(gp.peerId, 'video') === undefined);
    expect(samplan.media.stats()).toMatchObject({ peers: 1, transports: 2, producers: 2, consumers: 0 });
  });

  it('lets a peer that closes its socket without leaving go at once, and frees everything', async () => {
    nurse.close();
    await waitUntil('the last peer is gone', () => samplan.media.stats().peers === 0, 5_000);
    expectNoMediaLeft(samplan);
  });
});
