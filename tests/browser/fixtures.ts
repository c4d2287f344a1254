import { test as base } from '@playwright/test';
import type { RunningSamplan } from '@samplan/server';
import { startTestSamplan } from '../support/samplan.ts';

/**
 * The real server, in the test's own process, so tests can also reach into
 * it (drop a socket, kill a media worker). Only loopback addresses; any free
 * ports.
 */
export const test = base.extend<object, { samplan: RunningSamplan }>({
  samplan: [
    async ({}, use) => {
      const samplan = await startTestSamplan({ demoRooms: true, logLevel: 'warn' });
      await use(samplan);
      await samplan.close();
    },
    { scope: 'worker' },
  ],
});

export { expect } from '@playwright/test';
