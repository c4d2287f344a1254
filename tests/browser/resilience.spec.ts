import { demoMediaRoomId } from '@samplan/server';
import { da } from '../../client/src/i18n/da.ts';
import { expect, test } from './fixtures.ts';
import { Participant } from './participant.ts';

async function twoInRoom(browser: Parameters<typeof Participant.open>[0], url: string, roomId: string) {
  const inge = await Participant.open(browser, url, roomId, 'Inge Jensen', 'patient');
  const nurse = await Participant.open(browser, url, roomId, 'Sygeplejerske Lise', 'municipality');
  await Promise.all([inge.join(), nurse.join()]);
  await Promise.all([inge.expectMediaFrom([nurse]), nurse.expectMediaFrom([inge])]);
  return [inge, nurse] as const;
}

test('a dropped signalling connection takes its place back, and media flows again', async ({ browser, samplan }) => {
  const [inge, nurse] = await twoInRoom(browser, samplan.url, 'reconnect');

  // Cut the connections under Socket.IO, as a flaky network would; the clients reconnect on their own.
  for (const socket of samplan.io.of('/').sockets.values()) socket.conn.close();

  for (const participant of [inge, nurse]) await expect(participant.connectionStatus()).toContainText(da.connection.connected);
  await expect(inge.tileIn(nurse)).toBeVisible();
  await expect(nurse.tileIn(inge)).toBeVisible();
  await Promise.all([inge.expectMediaFrom([nurse]), nurse.expectMediaFrom([inge])]);
  // Each took its old place back: still two people, each sending microphone and camera once.
  expect(samplan.media.stats()).toMatchObject({ peers: 2, producers: 4, consumers: 4 });

  await Promise.all([inge.close(), nurse.close()]);
});

test('when the media worker dies, everyone rejoins a new room and media flows again', async ({ browser, samplan }) => {
  const roomId = 'worker-death';
  const [inge, nurse] = await twoInRoom(browser, samplan.url, roomId);
  const pid = samplan.media.roomWorkerPid(demoMediaRoomId(roomId));
  expect(pid).toBeDefined();

  process.kill(pid!, 'SIGKILL');

  await expect.poll(() => samplan.media.roomWorkerPid(demoMediaRoomId(roomId)), { timeout: 20_000 }).not.toBe(pid);
  for (const participant of [inge, nurse]) await expect(participant.connectionStatus()).toContainText(da.connection.connected);
  await expect(inge.tileIn(nurse)).toBeVisible();
  await expect(nurse.tileIn(inge)).toBeVisible();
  await Promise.all([inge.expectMediaFrom([nurse]), nurse.expectMediaFrom([inge])]);
  expect(samplan.media.stats()).toMatchObject({ peers: 2, producers: 4, consumers: 4 });

  await Promise.all([inge.close(), nurse.close()]);
});
