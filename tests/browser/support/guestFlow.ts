import { expect, type Browser, type BrowserContextOptions, type Page } from '@playwright/test';
import { guestDa } from '../../../client/src/i18n/guest.da.ts';
import { da } from '../../../client/src/i18n/da.ts';
import type { PeerMediaStats } from '../../../client/src/room/RoomClient.ts';
import '../../../client/src/room/testHook.ts';
import type { GuestServer } from './guestServer.ts';

export const PHONE = { width: 390, height: 844 };
export const TABLET = { width: 820, height: 1180 };

/** Moves focus with Tab only until the named button has it, then presses Enter: what a keyboard user does. */
export async function pressByKeyboard(page: Page, name: string): Promise<void> {
  await expect(page.getByRole('button', { name, exact: true })).toBeEnabled();
  for (let presses = 0; presses < 25; presses++) {
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      return element && element.tagName === 'BUTTON' ? (element.getAttribute('aria-label') ?? element.innerText).trim() : null;
    });
    if (focused === name) {
      await page.keyboard.press('Enter');
      return;
    }
    await page.keyboard.press('Tab');
  }
  throw new Error(`"${name}" was not reached with the Tab key`);
}

export async function openGuest(browser: Browser, server: GuestServer, path: string, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: TABLET, ...options });
  const page = await context.newPage();
  await page.goto(`${server.url}${path}`);
  return page;
}

/** Microphone, speaker, name and connection, after the camera step; every step by keyboard. */
export async function finishDeviceCheck(page: Page, expectedName: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: guestDa.mic.heading })).toBeVisible();
  await expect(page.getByText(guestDa.mic.hearing, { exact: true })).toBeVisible();
  await pressByKeyboard(page, guestDa.mic.ok);
  await expect(page.getByRole('heading', { level: 1, name: guestDa.speaker.heading })).toBeVisible();
  await pressByKeyboard(page, guestDa.speaker.play);
  await pressByKeyboard(page, guestDa.speaker.ok);
  await expect(page.getByRole('heading', { level: 1, name: guestDa.name.heading })).toBeVisible();
  await expect(page.getByRole('textbox', { name: guestDa.name.label })).toHaveValue(expectedName);
  await pressByKeyboard(page, guestDa.name.ok);
  await expect(page.getByText(guestDa.connection.ok)).toBeVisible();
  await pressByKeyboard(page, guestDa.connection.continue);
}

type Conference = { id: string; episodeId: string; kind: string; participants: { id: string; name: string; role: string; lobbyState: string }[] };

/** Karen's goal conversation as the discharge coordinator sees it. */
export async function goalConversation(server: GuestServer): Promise<{ conference: Conference; staff: Awaited<ReturnType<GuestServer['staff']>> }> {
  const staff = await server.staff('koordinator@horsens.demo');
  const { episodes } = await staff.get<{ episodes: { id: string; patient: { name: string } }[] }>('/episodes');
  const karen = episodes.find((episode) => episode.patient.name === 'Karen Margrethe Jensen');
  if (!karen) throw new Error('no episode for Karen');
  const { conferences } = await staff.get<{ conferences: Conference[] }>(`/episodes/${karen.id}/conferences`);
  const conference = conferences.find((candidate) => candidate.kind === 'goal_conversation');
  if (!conference) throw new Error('no goal conversation for Karen');
  return { conference, staff };
}

export async function admit(server: GuestServer, name: string): Promise<void> {
  const { conference, staff } = await goalConversation(server);
  const guest = conference.participants.find((participant) => participant.name === name);
  if (!guest) throw new Error(`${name} is not invited`);
  await staff.post(`/conferences/${conference.id}/participants/${guest.id}/lobby`, { state: 'admitted' });
}

/** The coordinator in the call, on the room page with her own room token. */
export async function coordinatorJoins(browser: Browser, server: GuestServer): Promise<Page> {
  const { conference, staff } = await goalConversation(server);
  const { token, roomId } = await staff.post<{ token: string; roomId: string }>(`/conferences/${conference.id}/room-token`);
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${server.url}/room/${encodeURIComponent(roomId)}?token=${encodeURIComponent(token)}`);
  await page.getByLabel(da.join.nameLabel).fill('Hanne Bech');
  await page.getByRole('button', { name: da.join.submit }).click();
  return page;
}

async function stats(page: Page): Promise<PeerMediaStats[]> {
  return page.evaluate(() => window.__samplan?.stats() ?? []);
}

/** Rising counters between two readings: audio energy always, decoded video frames when `video`. */
export async function expectMediaFrom(viewer: Page, name: string, { video }: { video: boolean }): Promise<void> {
  await expect
    .poll(
      async () => {
        const before = (await stats(viewer)).find((peer) => peer.displayName === name);
        await viewer.waitForTimeout(750);
        const after = (await stats(viewer)).find((peer) => peer.displayName === name);
        if (!before || !after) return `${name}: not there`;
        const audio = after.totalAudioEnergy > before.totalAudioEnergy ? 'audio flowing' : 'audio stalled';
        const frames = after.framesDecoded > before.framesDecoded ? 'video flowing' : 'no video';
        return `${name}: ${audio}, ${frames}`;
      },
      { message: `media from ${name}`, timeout: 30_000, intervals: [250] },
    )
    .toBe(`${name}: audio flowing, ${video ? 'video flowing' : 'no video'}`);
}
