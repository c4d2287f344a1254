import { expect, type Browser, type Locator, type Page } from '@playwright/test';
import type { ParticipantRole } from '@samplan/shared';
import { da } from '../../client/src/i18n/da.ts';
import type { PeerMediaStats } from '../../client/src/room/RoomClient.ts';
import '../../client/src/room/testHook.ts';

/** One person in a browser context of their own, driving the room page as they would: by labels and visible words. */
export class Participant {
  private constructor(
    readonly page: Page,
    readonly name: string,
    readonly role: ParticipantRole,
  ) {}

  static async open(browser: Browser, baseUrl: string, roomId: string, name: string, role: ParticipantRole): Promise<Participant> {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${baseUrl}/room/${roomId}?role=${role}`);
    return new Participant(page, name, role);
  }

  async join(): Promise<void> {
    await this.page.getByLabel(da.join.nameLabel).fill(this.name);
    await this.page.getByRole('button', { name: da.join.submit }).click();
  }

  /** The tile others see for this participant: "name, role". */
  tileIn(viewer: Participant): Locator {
    return viewer.page.getByRole('figure', { name: `${this.name}, ${da.roles[this.role]}`, exact: true });
  }

  connectionStatus(): Locator {
    return this.page.getByRole('status');
  }

  async stats(): Promise<PeerMediaStats[]> {
    return this.page.evaluate(() => window.__samplan?.stats() ?? []);
  }

  /**
   * Waits until video frames are being decoded and audio energy is arriving
   * from each of `others`, both rising between two readings.
   */
  async expectMediaFrom(others: readonly Participant[]): Promise<void> {
    const names = others.map((other) => other.name).sort();
    await expect
      .poll(
        async () => {
          const before = await this.stats();
          await this.page.waitForTimeout(750);
          const after = await this.stats();
          return names.map((name) => {
            const first = before.find((peer) => peer.displayName === name);
            const second = after.find((peer) => peer.displayName === name);
            const video = !!first && !!second && second.framesDecoded > first.framesDecoded;
            const audio = !!first && !!second && second.totalAudioEnergy > first.totalAudioEnergy;
            return `${name}: video ${video ? 'flowing' : 'stalled'}, audio ${audio ? 'flowing' : 'stalled'}`;
          });
        },
        { message: `${this.name} receives video and audio from ${names.join(', ')}`, timeout: 30_000, intervals: [250] },
      )
      .toEqual(names.map((name) => `${name}: video flowing, audio flowing`));
  }

  async close(): Promise<void> {
    await this.page.context().close();
  }
}
