import { da } from '../../client/src/i18n/da.ts';
import { expect, test } from './fixtures.ts';
import { Participant } from './participant.ts';
import { saveScreenshot } from './support/screenshots.ts';

test('three participants see and hear each other, see a mute, and see a leaver go', async ({ browser, samplan }) => {
  const roomId = 'discharge-conference';
  const inge = await Participant.open(browser, samplan.url, roomId, 'Inge Jensen', 'patient');
  const holm = await Participant.open(browser, samplan.url, roomId, 'Dr. Holm', 'gp');
  const karen = await Participant.open(browser, samplan.url, roomId, 'Karen Jensen', 'relative');
  const everyone = [inge, holm, karen];
  await Promise.all(everyone.map((participant) => participant.join()));

  for (const viewer of everyone) {
    await expect(viewer.connectionStatus()).toContainText(da.connection.connected);
    for (const other of everyone.filter((participant) => participant !== viewer)) await expect(other.tileIn(viewer)).toBeVisible();
  }
  await Promise.all(everyone.map((viewer) => viewer.expectMediaFrom(everyone.filter((participant) => participant !== viewer))));

  // Simulcast: the small tile receives the quarter-size layer (320 of 1280 px), the big tile a larger one
  // (the full 720p unless the browser sheds its top layer under CPU load).
  await expect(async () => {
    const stageLabel = await inge.page.locator('.stage figure').getAttribute('aria-label');
    const stats = await inge.stats();
    const onStage = (name: string) => stageLabel?.startsWith(`${name},`) ?? false;
    const stage = stats.filter((peer) => onStage(peer.displayName)).map((peer) => peer.cameraWidth);
    const small = stats.filter((peer) => !onStage(peer.displayName)).map((peer) => peer.cameraWidth);
    expect(small).toEqual([320]);
    expect(stage).toHaveLength(1);
    expect(stage[0]).toBeGreaterThan(320);
  }).toPass({ timeout: 20_000 });

  await saveScreenshot(inge.page, 'room');

  await expect(inge.tileIn(holm).getByText(da.tile.micMuted)).toHaveCount(0);
  await inge.page.getByRole('button', { name: da.controls.micOff }).click();
  await expect(inge.page.getByRole('button', { name: da.controls.micOn })).toBeVisible();
  for (const viewer of [holm, karen]) await expect(inge.tileIn(viewer).getByText(da.tile.micMuted)).toBeVisible();
  await inge.page.getByRole('button', { name: da.controls.micOn }).click();
  for (const viewer of [holm, karen]) await expect(inge.tileIn(viewer).getByText(da.tile.micMuted)).toHaveCount(0);

  await karen.page.getByRole('button', { name: da.controls.leave }).click();
  await expect(karen.page.getByRole('heading', { name: da.room.leftHeading })).toBeVisible();
  for (const viewer of [inge, holm]) await expect(karen.tileIn(viewer)).toHaveCount(0);
  await expect(holm.tileIn(inge)).toBeVisible();

  await Promise.all(everyone.map((participant) => participant.close()));
});
