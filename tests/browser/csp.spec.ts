import { expect } from '@playwright/test';
import { guestDa } from '../../client/src/i18n/guest.da.ts';
import { finishDeviceCheck, pressByKeyboard } from './support/guestFlow.ts';
import { recordTest as test } from './support/guestServer.ts';

declare global {
  interface Window {
    cspViolations: string[];
  }
}

test('the join page works under its Content-Security-Policy without a single violation', async ({ browser, server }) => {
  const karen = server.guestLinks.find((link) => link.name === 'Karen Margrethe Jensen')!;
  const context = await browser.newContext();
  // Registered before any of the page's scripts run, so nothing they do goes unseen.
  await context.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => window.cspViolations.push(`${event.effectiveDirective} ${event.blockedURI}`));
  });
  const page = await context.newPage();
  const response = await page.goto(`${server.url}${karen.path}`);
  expect(response!.headers()['content-security-policy']).toContain("script-src 'self'");

  // The lazily loaded guest page, the camera's live picture, the REST calls and the signalling WebSocket.
  await expect(page.getByRole('heading', { level: 1, name: guestDa.camera.heading })).toBeVisible();
  await expect.poll(() => page.getByLabel(guestDa.camera.previewLabel).evaluate((video: HTMLVideoElement) => video.videoWidth)).toBeGreaterThan(0);
  await pressByKeyboard(page, guestDa.camera.ok);
  await finishDeviceCheck(page, 'Karen Margrethe Jensen');
  await expect(page.getByRole('heading', { level: 1, name: guestDa.waiting.heading })).toBeVisible();

  expect(await page.evaluate(() => window.cspViolations)).toEqual([]);
  await context.close();
});
