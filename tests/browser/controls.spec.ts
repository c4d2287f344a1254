import { da } from '../../client/src/i18n/da.ts';
import { en } from '../../client/src/i18n/en.ts';
import { expect, test } from './fixtures.ts';
import { Participant } from './participant.ts';

test('turning the camera off and sharing the screen show to the other participant', async ({ browser, samplan }) => {
  const inge = await Participant.open(browser, samplan.url, 'controls', 'Inge Jensen', 'patient');
  const holm = await Participant.open(browser, samplan.url, 'controls', 'Dr. Holm', 'gp');
  await Promise.all([inge.join(), holm.join()]);
  await holm.expectMediaFrom([inge]);

  await expect(inge.tileIn(holm).getByText(da.tile.cameraOff)).toHaveCount(0);
  await inge.page.getByRole('button', { name: da.controls.cameraOff }).click();
  await expect(inge.tileIn(holm).getByText(da.tile.cameraOff)).toBeVisible();
  await expect(inge.tileIn(holm).locator('video')).toHaveCount(0);
  await inge.page.getByRole('button', { name: da.controls.cameraOn }).click();
  await expect(inge.tileIn(holm).getByText(da.tile.cameraOff)).toHaveCount(0);
  await expect(inge.tileIn(holm).locator('video')).toHaveCount(1);

  const sharedScreen = holm.page.getByRole('figure', { name: `${da.tile.screenOf.replace('{{name}}', inge.name)}, ${da.roles.patient}` });
  await inge.page.getByRole('button', { name: da.controls.shareScreen }).click();
  await expect(sharedScreen).toBeVisible();
  await expect.poll(async () => sharedScreen.locator('video').evaluate((video: HTMLVideoElement) => video.videoWidth)).toBeGreaterThan(0);
  await inge.page.getByRole('button', { name: da.controls.stopSharing }).click();
  await expect(sharedScreen).toHaveCount(0);
  await expect(inge.tileIn(holm)).toBeVisible();

  await Promise.all([inge.close(), holm.close()]);
});

test('the page is Danish first, switches to English and remembers it', async ({ page, samplan }) => {
  await page.goto(`${samplan.url}/room/language`);
  await expect(page.getByRole('heading', { name: da.join.heading })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'da');

  await page.getByRole('button', { name: da.language.switchLabel }).click();
  await expect(page.getByRole('heading', { name: en.join.heading })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await page.reload();
  await expect(page.getByLabel(en.join.nameLabel)).toBeVisible();
});

test('a refused join says why in words, and the name is remembered', async ({ page, samplan }) => {
  // Room ids are lower-case; the server refuses this one when the token is asked for.
  await page.goto(`${samplan.url}/room/Not-A-Room`);
  await page.getByLabel(da.join.nameLabel).fill('Inge Jensen');
  await page.getByRole('button', { name: da.join.submit }).click();
  await expect(page.getByRole('alert')).toHaveText(da.errors.BAD_REQUEST);

  await page.reload();
  await expect(page.getByLabel(da.join.nameLabel)).toHaveValue('Inge Jensen');
});

test('every control is a big target and works with the keyboard', async ({ page, samplan }) => {
  await page.goto(`${samplan.url}/room/keyboard`);
  // The page's code arrives in chunks: keys typed before the name field has taken the focus would go nowhere.
  await expect(page.getByLabel(da.join.nameLabel)).toBeFocused();
  await page.keyboard.type('Inge Jensen');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toContainText(da.connection.connected);

  const sizes = await page.getByRole('button').evaluateAll((buttons) => buttons.map((button) => button.getBoundingClientRect()));
  expect(sizes.length).toBeGreaterThanOrEqual(5);
  for (const { width, height } of sizes) expect(Math.min(width, height)).toBeGreaterThanOrEqual(44);

  const reached: string[] = [];
  for (let step = 0; step < 8; step++) {
    await page.keyboard.press('Tab');
    reached.push((await page.evaluate(() => document.activeElement?.textContent ?? '')).trim());
  }
  for (const label of [da.language.other, da.controls.micOff, da.controls.cameraOff, da.controls.shareScreen, da.controls.leave]) expect(reached).toContain(label);

  await page.getByRole('button', { name: da.controls.micOff }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: da.controls.micOn })).toBeFocused();
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: da.controls.micOff })).toBeFocused();
});
