import { expect, type Browser, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from '@samplan/server';
import { guestDa } from '../../../client/src/i18n/guest.da.ts';
import { staffDa } from '../../../client/src/i18n/staff.da.ts';
import { planDa } from '../../../client/src/i18n/plan.da.ts';
import { finishDeviceCheck, openGuest, pressByKeyboard } from './guestFlow.ts';
import type { GuestServer } from './guestServer.ts';

/**
 * Staff in the browser: signing in by keyboard, opening pages, joining a
 * conference from its page; and a guest from a link to the waiting room.
 */

export const DESKTOP = { width: 1440, height: 900 };

/** The sign-in form filled and sent with the keyboard only; lands on the day view. */
export async function signIn(browser: Browser, server: GuestServer, login: string, viewport = DESKTOP): Promise<Page> {
  const page = await (await browser.newContext({ viewport })).newPage();
  await page.goto(`${server.url}/`);
  await expect(page.getByRole('heading', { level: 1, name: staffDa.signIn.heading })).toBeVisible();
  await page.getByLabel(staffDa.signIn.login).focus();
  await page.keyboard.type(login);
  await page.keyboard.press('Tab');
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: staffDa.day.heading })).toBeVisible();
  return page;
}

export async function openConference(page: Page, server: GuestServer, conferenceId: string): Promise<void> {
  await page.goto(`${server.url}/conferences/${conferenceId}`);
  await expect(page.getByRole('button', { name: staffDa.conference.join })).toBeVisible();
}

export async function joinCall(page: Page): Promise<void> {
  await page.getByRole('button', { name: staffDa.conference.join }).click();
  await expect(page.getByRole('complementary', { name: planDa.plan.heading })).toBeVisible();
}

/** A guest opens the link, passes the device check by keyboard, and waits to be let in. */
export async function guestToWaitingRoom(browser: Browser, server: GuestServer, path: string, name: string): Promise<Page> {
  const page = await openGuest(browser, server, path);
  await onToWaitingRoom(page, name);
  return page;
}

/** A guest whose link is already open passes the device check by keyboard and waits to be let in. */
export async function onToWaitingRoom(page: Page, name: string): Promise<void> {
  // After discharge the link opens on "ask the geriatric team", with a way on to the meeting.
  const advice = page.getByRole('heading', { level: 1, name: guestDa.advice.heading });
  const camera = page.getByRole('heading', { level: 1, name: guestDa.camera.heading });
  await expect(advice.or(camera)).toBeVisible();
  if (await advice.isVisible()) await page.getByRole('button', { name: guestDa.call.toMeeting }).click();
  await expect(camera).toBeVisible();
  await pressByKeyboard(page, guestDa.camera.ok);
  await finishDeviceCheck(page, name);
  await expect(page.getByRole('heading', { level: 1, name: guestDa.waiting.heading })).toBeVisible();
}

/** The host lets a waiting person in from the lobby on the conference page. */
export async function admitFromLobby(host: Page, name: string): Promise<void> {
  const button = host.getByRole('button', { name: staffDa.conference.admit.replace('{{name}}', name) });
  await expect(button).toBeVisible({ timeout: 20_000 });
  await button.click();
  await expect(button).toHaveCount(0);
}

export function planOf(page: Page, plain = false) {
  return page.getByRole('complementary', { name: plain ? planDa.plan.plainHeading : planDa.plan.heading });
}

/** Who agreed and who is missing, in a plan panel. */
export const agreementOf = (page: Page, plain = false) => planOf(page, plain).locator('.agreement');

/**
 * From the patient's episode page the coordinator schedules a discharge
 * conference; the patient and the named relative are invited by default.
 */
export async function scheduleDischargeConference(coordinator: Page, { patient, relative, startLocal }: { patient: string; relative: string; startLocal: string }): Promise<void> {
  await coordinator.getByRole('main').getByRole('link', { name: new RegExp(`^${patient} \\d{6}-\\*{4}$`) }).first().click();
  await coordinator.getByRole('link', { name: staffDa.episode.schedule }).click();
  await coordinator.getByLabel(staffDa.schedule.kind).selectOption('discharge_conference');
  await coordinator.getByLabel(staffDa.schedule.start).fill(startLocal);
  await expect(coordinator.getByRole('checkbox', { name: staffDa.schedule.invitePatient.replace('{{name}}', patient) })).toBeChecked();
  await expect(coordinator.getByRole('checkbox', { name: new RegExp(relative) })).toBeChecked();
  await coordinator.getByRole('button', { name: staffDa.schedule.submit }).click();
  await expect(coordinator.getByRole('heading', { level: 1, name: staffDa.schedule.doneHeading })).toBeVisible();
  await expect(coordinator.getByText(staffDa.schedule.sentNote)).toBeVisible();
}

/** Accepts the next confirm() (ending a conference asks first). */
export function acceptNextDialog(page: Page): void {
  page.once('dialog', (dialog) => void dialog.accept());
}
