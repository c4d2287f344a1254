import { expect } from '@playwright/test';
import { guestDa } from '../../client/src/i18n/guest.da.ts';
import { guestEn } from '../../client/src/i18n/guest.en.ts';
import { planDa } from '../../client/src/i18n/plan.da.ts';
import { expectNoSeriousA11yViolations } from './support/a11y.ts';
import { admit, coordinatorJoins, expectMediaFrom, finishDeviceCheck, goalConversation, openGuest, PHONE, pressByKeyboard } from './support/guestFlow.ts';
import { recordTest as test } from './support/guestServer.ts';
import { saveScreenshot } from './support/screenshots.ts';


test('a patient opens her link on a tablet, checks her devices, waits, is let in, and sees and hears the coordinator with the plan beside', async ({ browser, server }) => {
  const karen = server.guestLinks.find((link) => link.name === 'Karen Margrethe Jensen')!;
  const page = await openGuest(browser, server, karen.path);

  // Step 1: her own picture, in Danish, one thing on the screen.
  await expect(page.getByRole('heading', { level: 1, name: guestDa.camera.heading })).toBeVisible();
  await expect(page.getByText('Trin 1 af 5')).toBeVisible();
  await expect(page.getByLabel(guestDa.camera.previewLabel)).toBeVisible();
  await expect.poll(() => page.getByLabel(guestDa.camera.previewLabel).evaluate((video: HTMLVideoElement) => video.videoWidth)).toBeGreaterThan(0);
  await expectNoSeriousA11yViolations(page, 'camera step');
  await saveScreenshot(page, 'guest-join');
  await pressByKeyboard(page, guestDa.camera.ok);

  await expect(page.getByText(guestDa.mic.hearing, { exact: true })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'microphone step');
  await saveScreenshot(page, 'guest-devicecheck');
  await finishDeviceCheck(page, 'Karen Margrethe Jensen');

  // The waiting room says who runs the meeting and who is expected.
  await expect(page.getByRole('heading', { level: 1, name: guestDa.waiting.heading })).toBeVisible();
  await expect(page.getByText('Mødeleder: Hanne Bech')).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Susanne Jensen' })).toContainText(guestDa.waiting.notYet);
  await expect(page.getByRole('listitem').filter({ hasText: 'Karen Margrethe Jensen' })).toContainText(guestDa.waiting.youWait);
  await expectNoSeriousA11yViolations(page, 'waiting room');
  await saveScreenshot(page, 'guest-waiting');

  const coordinator = await coordinatorJoins(browser, server);
  await admit(server, 'Karen Margrethe Jensen');

  // In the call: the coordinator big, the plan in plain words beside, big worded controls.
  await expect(page.getByRole('figure', { name: 'Hanne Bech, Hospital' })).toBeVisible({ timeout: 30_000 });
  const plan = page.getByRole('complementary', { name: planDa.plan.plainHeading });
  await expect(plan.getByRole('heading', { name: planDa.plan.plainSections.goals })).toBeVisible();
  await expect(plan.getByText('Komme hjem til huset i Odder', { exact: false })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Slå mikrofon fra' })).toBeVisible();
  await expectMediaFrom(page, 'Hanne Bech', { video: true });
  await expectMediaFrom(coordinator, 'Karen Margrethe Jensen', { video: true });
  await expectNoSeriousA11yViolations(page, 'call');
  await saveScreenshot(page, 'guest-call');

  // She agrees to the plan for herself; the record says so.
  await plan.getByRole('button', { name: planDa.plan.agreeSelf }).click();
  const { conference, staff } = await goalConversation(server);
  await expect
    .poll(async () => (await staff.get<{ agreement: { awaiting: string[] } }>(`/episodes/${conference.episodeId}/plan`)).agreement.awaiting)
    .toEqual(['hospital']);

  // Leaving is one big button, and the way back is another.
  await page.getByRole('button', { name: 'Forlad mødet' }).click();
  await expect(page.getByRole('heading', { level: 1, name: guestDa.call.leftHeading })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'left the call');
  await pressByKeyboard(page, guestDa.call.rejoin);
  await expect(page.getByRole('figure', { name: 'Hanne Bech, Hospital' })).toBeVisible({ timeout: 30_000 });

  await coordinator.context().close();
  await page.context().close();
});

test('a link that no longer works says so kindly and whom to call, on a phone', async ({ browser, server }) => {
  const page = await openGuest(browser, server, `/join/${'x'.repeat(43)}`, { viewport: PHONE });
  await expect(page.getByRole('heading', { level: 1, name: guestDa.link.problemHeading })).toBeVisible();
  await expect(page.getByText(guestDa.link.problemWhatToDo)).toBeVisible();
  await expect(page.getByText(guestDa.link.acute)).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'link problem');
  await page.context().close();
});

test('a relative on a phone switches to English and goes through the check to the waiting room', async ({ browser, server }) => {
  const susanne = server.guestLinks.find((link) => link.name === 'Susanne Jensen')!;
  const page = await openGuest(browser, server, susanne.path, { viewport: PHONE });
  await expect(page.getByRole('heading', { level: 1, name: guestDa.camera.heading })).toBeVisible();
  await page.getByRole('button', { name: 'Switch the language to English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: guestEn.camera.heading })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expectNoSeriousA11yViolations(page, 'camera step, phone, English');

  // Every button a finger can hit: at least 44 by 44 CSS pixels.
  for (const button of await page.getByRole('button').all()) {
    const box = (await button.boundingBox())!;
    expect(Math.min(box.width, box.height), await button.innerText()).toBeGreaterThanOrEqual(44);
  }

  await pressByKeyboard(page, guestEn.camera.ok);
  await expect(page.getByText(guestEn.mic.hearing, { exact: true })).toBeVisible();
  await pressByKeyboard(page, guestEn.mic.ok);
  await pressByKeyboard(page, guestEn.speaker.play);
  await pressByKeyboard(page, guestEn.speaker.ok);
  await expect(page.getByRole('textbox', { name: guestEn.name.label })).toHaveValue('Susanne Jensen');
  await expectNoSeriousA11yViolations(page, 'name step, phone, English');
  await pressByKeyboard(page, guestEn.name.ok);
  await pressByKeyboard(page, guestEn.connection.continue);
  await expect(page.getByRole('heading', { level: 1, name: guestEn.waiting.heading })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Susanne Jensen' })).toContainText(guestEn.waiting.you);
  await expectNoSeriousA11yViolations(page, 'waiting room, phone, English');

  // The host does not let her in: she is told so, and whom to call, instead of waiting forever.
  const { conference, staff } = await goalConversation(server);
  const self = conference.participants.find((participant) => participant.name === 'Susanne Jensen')!;
  await staff.post(`/conferences/${conference.id}/participants/${self.id}/lobby`, { state: 'removed' });
  await expect(page.getByRole('heading', { level: 1, name: guestEn.waiting.removedHeading })).toBeVisible();
  await expect(page.getByText(guestEn.waiting.removedText)).toBeVisible();
  await page.context().close();
});

test('a relative sent back to wait returns to the waiting room; taken out of the call, she is told so and cannot come back', async ({ browser, server }) => {
  const susanne = server.guestLinks.find((link) => link.name === 'Susanne Jensen')!;
  const page = await openGuest(browser, server, susanne.path);
  await pressByKeyboard(page, guestDa.camera.ok);
  await finishDeviceCheck(page, 'Susanne Jensen');
  await expect(page.getByRole('heading', { level: 1, name: guestDa.waiting.heading })).toBeVisible();
  const coordinator = await coordinatorJoins(browser, server);
  await admit(server, 'Susanne Jensen');
  await expect(page.getByRole('figure', { name: 'Hanne Bech, Hospital' })).toBeVisible({ timeout: 30_000 });
  await expect(coordinator.getByRole('figure', { name: /^Susanne Jensen/ })).toBeVisible();

  const { conference, staff } = await goalConversation(server);
  const self = conference.participants.find((participant) => participant.name === 'Susanne Jensen')!;
  await staff.post(`/conferences/${conference.id}/participants/${self.id}/lobby`, { state: 'waiting' });
  await expect(page.getByRole('heading', { level: 1, name: guestDa.waiting.heading })).toBeVisible();
  await expect(coordinator.getByRole('figure', { name: /^Susanne Jensen/ })).toHaveCount(0);

  await admit(server, 'Susanne Jensen');
  await expect(page.getByRole('figure', { name: 'Hanne Bech, Hospital' })).toBeVisible({ timeout: 30_000 });
  await staff.post(`/conferences/${conference.id}/participants/${self.id}/lobby`, { state: 'removed' });
  await expect(page.getByRole('heading', { level: 1, name: guestDa.call.removedHeading })).toBeVisible();
  await expect(page.getByText(guestDa.call.removedText)).toBeVisible();
  await expect(page.getByRole('button', { name: guestDa.call.rejoin })).toHaveCount(0);
  await expect(coordinator.getByRole('figure', { name: /^Susanne Jensen/ })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, 'taken out of the call');

  await coordinator.context().close();
  await page.context().close();
});
