import { test as base, chromium, expect, type Browser } from '@playwright/test';
import { guestDa } from '../../../client/src/i18n/guest.da.ts';
import { chromiumLaunchOptions } from '../chromium.ts';
import { expectNoSeriousA11yViolations } from '../support/a11y.ts';
import { admit, coordinatorJoins, expectMediaFrom, finishDeviceCheck, pressByKeyboard, TABLET } from '../support/guestFlow.ts';
import { startGuestServer, type GuestServer } from '../support/guestServer.ts';

const test = base.extend<{ server: GuestServer; askingBrowser: Browser }>({
  server: async ({}, use) => {
    const server = await startGuestServer();
    await use(server);
    await server.close();
  },
  // The usual flags answer every permission prompt with yes; this browser leaves the answer to each context's permissions.
  askingBrowser: async ({}, use) => {
    const browser = await chromium.launch({ ...chromiumLaunchOptions, args: chromiumLaunchOptions.args!.filter((arg) => arg !== '--use-fake-ui-for-media-stream') });
    await use(browser);
    await browser.close();
  },
});

test('journey 4: the camera is not allowed, the help says so, and she joins with sound only and is heard', async ({ browser, askingBrowser, server }) => {
  const karen = server.guestLinks.find((link) => link.name === 'Karen Margrethe Jensen')!;
  const context = await askingBrowser.newContext({ viewport: TABLET });
  await context.grantPermissions(['microphone'], { origin: server.url });
  const page = await context.newPage();
  await page.goto(`${server.url}${karen.path}`);

  const help = page.getByRole('alert');
  await expect(help.getByRole('heading', { name: guestDa.camera.deniedHeading })).toBeVisible();
  await expect(help).toContainText(guestDa.camera.deniedText);
  await expect(help).toContainText(guestDa.camera.deniedHowTo);
  await expect(page.getByLabel(guestDa.camera.previewLabel)).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, 'camera denied');
  await pressByKeyboard(page, guestDa.camera.audioOnly);

  await expect(page.getByText(guestDa.camera.audioOnlyChosen)).toBeVisible();
  await finishDeviceCheck(page, 'Karen Margrethe Jensen');
  await expect(page.getByRole('heading', { level: 1, name: guestDa.waiting.heading })).toBeVisible();

  const coordinator = await coordinatorJoins(browser, server);
  await admit(server, 'Karen Margrethe Jensen');
  await expect(page.getByRole('figure', { name: 'Hanne Bech, Hospital' })).toBeVisible({ timeout: 30_000 });
  // Her own tile says the camera is off, in words; no error about the camera comes back in the call.
  await expect(page.getByRole('figure', { name: 'Dig', exact: true })).toContainText('Kamera slukket');
  await expect(page.getByRole('alert')).toHaveCount(0);

  // The coordinator hears her (and gets no picture); she sees and hears the coordinator.
  await expectMediaFrom(coordinator, 'Karen Margrethe Jensen', { video: false });
  await expectMediaFrom(page, 'Hanne Bech', { video: true });
  await expect(coordinator.getByRole('figure', { name: 'Karen Margrethe Jensen, Patient' })).toContainText('Kamera slukket');

  await coordinator.context().close();
  await context.close();
});

test('with neither camera nor microphone allowed she is told what that means and can still go on to listen', async ({ askingBrowser, server }) => {
  const karen = server.guestLinks.find((link) => link.name === 'Karen Margrethe Jensen')!;
  const context = await askingBrowser.newContext({ viewport: TABLET });
  const page = await context.newPage();
  await page.goto(`${server.url}${karen.path}`);

  await expect(page.getByRole('alert').getByRole('heading', { name: guestDa.camera.deniedHeading })).toBeVisible();
  await pressByKeyboard(page, guestDa.camera.audioOnly);
  const help = page.getByRole('alert');
  await expect(help.getByRole('heading', { name: guestDa.mic.deniedHeading })).toBeVisible();
  await expect(help).toContainText(guestDa.mic.deniedText);
  await expect(page.getByRole('meter')).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, 'microphone denied');
  await pressByKeyboard(page, guestDa.mic.continueWithout);
  await expect(page.getByRole('heading', { level: 1, name: guestDa.speaker.heading })).toBeVisible();
  await context.close();
});
