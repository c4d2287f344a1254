/**
 * Samplan for a benchmark, in a process of its own: the load generator
 * (the parent, serverProcess.ts) never shares the thread it measures.
 *
 * Started as `node --import tsx benchServer.ts <scene>` over an IPC channel.
 * It serves on 127.0.0.1 with what a deployment has that tests switch off:
 * request logging at LOG_LEVEL info (to standard output, which the parent
 * points at /dev/null) and the Prometheus metrics listener. The database is
 * BENCH_DATABASE_URL (a PostgreSQL URL or an embedded one's `pglite:<dir>`)
 * or else the embedded one in memory.
 * It builds the scene asked for through the record itself, sends
 * `{ url, metricsUrl, database, scene }` to the parent, answers `memory` with
 * `{ memory: process.memoryUsage() }`, and closes when the parent says
 * `close` or goes away.
 */
import type { RunningSamplan } from '@samplan/server';
import { createConferenceScene, TEST_SECRET } from '../db/plan/fixtures.ts';
import { startTestSamplan } from '../support/samplan.ts';

const scenes = {
  /** One discharge conference: ward nurse, home nurse, GP, the patient and her daughter signed in. */
  plan: async (samplan: RunningSamplan) => {
    const scene = await createConferenceScene(samplan.database.prisma);
    return {
      episodeId: scene.episode.id,
      conferenceId: scene.conference.id,
      cookies: [scene.nurse, scene.homeNurse, scene.karen, scene.daughter, scene.gp].map((principal) => principal.cookie),
    };
  },
  /** None: the parent built it in the database beforehand (sockets.ts), so its garbage is not in this process's memory. */
  prepared: async () => ({}),
} as const;

async function main(): Promise<void> {
  const name = process.argv[2] as keyof typeof scenes;
  if (!(name in scenes) || process.send === undefined) throw new Error(`usage: benchServer.ts ${Object.keys(scenes).join('|')} (over IPC)`);
  const samplan = await startTestSamplan({
    secret: TEST_SECRET,
    logLevel: 'info',
    metricsPort: 0,
    clientDist: '/nonexistent',
    ...(process.env.BENCH_DATABASE_URL ? { databaseUrl: process.env.BENCH_DATABASE_URL } : {}),
  });
  const scene = await scenes[name](samplan);
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= samplan.close().then(() => process.exit(0));
    return closing;
  };
  process.on('message', (message) => {
    if (message === 'close') void close();
    if (message === 'memory') process.send?.({ memory: process.memoryUsage() });
    if (message === 'memory after gc') {
      // serverProcess.ts starts this process with --expose-gc: what is still held once the garbage is gone.
      globalThis.gc?.();
      process.send?.({ memory: process.memoryUsage() });
    }
  });
  process.on('disconnect', () => void close());
  process.send({ url: samplan.url, metricsUrl: samplan.metricsUrl, database: samplan.database.kind, scene });
}

await main();
