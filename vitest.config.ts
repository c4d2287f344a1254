import { defineConfig } from 'vitest/config';

// Three suites, run one after the other by scripts/test.mjs:
//   unit  - pure logic and schemas, next to the code they test, the
//           code's structure (tests/structure: no import circles, tests
//           import the server by its package name), and the benchmarks'
//           own logic (tests/bench);
//   db    - the store against embedded PGlite and a real PostgreSQL server;
//   media - the real mediasoup worker with WebRTC bots, run inside a network
//           namespace (tests/support/netns.sh) because libwebrtc in Node
//           ignores loopback interfaces.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['{shared,server,client}/src/**/*.test.{ts,tsx}', 'tests/structure/**/*.test.ts', 'tests/bench/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'db',
          include: ['tests/db/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'media',
          include: ['tests/media/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
