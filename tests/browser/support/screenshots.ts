import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Page, test } from '@playwright/test';

const README_SCREENSHOTS = fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url));

/**
 * The README shows the screens the journeys pass through. They are rewritten
 * only on request (SAMPLAN_UPDATE_SCREENSHOTS=1), so an ordinary test run
 * leaves the checkout as it was; otherwise the picture still gets taken (a
 * page that cannot render fails here) and lands with the test's own output.
 */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  if (process.env.SAMPLAN_UPDATE_SCREENSHOTS === '1') {
    mkdirSync(README_SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: `${README_SCREENSHOTS}${name}.png` });
  } else {
    await page.screenshot({ path: test.info().outputPath(`${name}.png`) });
  }
}
