import { randomBytes } from 'node:crypto';
import { test as base } from '@playwright/test';
import { startSamplan, type RunningSamplan } from '@samplan/server';

/**
 * The real server, in the test's own process, so tests can also reach into
 * it (drop a socket, kill a media worker). Only loopback addresses; any free
 * ports.
 */
export const test = base.extend<object, { samplan: RunningSamplan }>({
  samplan: [
    async ({}, use) => {
      const samplan = await startSamplan({
        secret: randomBytes(32).toString('base64url'),
        host: '127.0.0.1',
        port: 0,
        mediaListenIp: '127.0.0.1',
        mediaPort: 0,
        mediaWorkers: 1,
        demoRooms: true,
        databaseUrl: 'pglite:memory://',
        seedDemo: false,
        logLevel: 'warn',
      });
      await use(samplan);
      await samplan.close();
    },
    { scope: 'worker' },
  ],
});

export { expect } from '@playwright/test';
