import { startSamplan } from './app.ts';
import { ConfigError } from './config.ts';

async function main(): Promise<void> {
  // Milliseconds since the process started: loading and compiling the code before a line of Samplan ran.
  const loaded = performance.now();
  let samplan;
  try {
    samplan = await startSamplan();
  } catch (error) {
    process.stderr.write(`${error instanceof ConfigError ? error.message : `Samplan could not start: ${String(error)}`}\n`);
    process.exit(1);
  }
  const hint = samplan.config.demoRooms
    ? `Samplan is running — open ${samplan.url}/room/demo in two browser tabs`
    : `Samplan is running at ${samplan.url}`;
  process.stdout.write(`\n  ${hint}\n`);
  process.stdout.write(`  ${startLine(loaded, samplan.startSteps)}\n\n`);
  const demo = samplan.demo;
  if (demo !== null && demo.logins.length > 0) {
    // Fictitious accounts of the demo scenario; a real deployment runs with SEED_DEMO=false.
    const width = Math.max(...demo.logins.map((login) => login.login.length));
    const lines = demo.logins.map((login) => `    ${login.login.padEnd(width)}  ${login.what}`);
    process.stdout.write(`  Demo logins (password: ${demo.password}):\n${lines.join('\n')}\n\n`);
    if (demo.guestLinks.length > 0) {
      const links = demo.guestLinks.map((link) => `    ${samplan.url}${link.path}  ${link.name}`);
      // Live links beside patient names belong on no console but a demo's: the seed's patients are fictitious, and real invitations never print.
      process.stdout.write(
        `  Demo scenario only — join links of its fictitious patient and relative for the goal conversation (shown once, only their hashes are stored):\n${links.join('\n')}\n\n`,
      );
    }
  }

  const exit = (done: Promise<void>) =>
    done.then(
      () => process.exit(0),
      (error: unknown) => {
        samplan.logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  // SIGTERM (a container engine, systemd, an orchestrator's rolling update) lets the calls move to another node first;
  // Ctrl-C on a developer's terminal, or a second signal while draining, closes now.
  process.once('SIGTERM', (signal) => {
    samplan.logger.info({ signal, drainTimeoutMs: samplan.config.drainTimeoutMs }, 'draining before shutdown');
    void exit(samplan.drain());
    process.once('SIGTERM', () => void exit(samplan.close()));
  });
  process.once('SIGINT', (signal) => {
    samplan.logger.info({ signal }, 'shutting down');
    void exit(samplan.close());
  });
}

/** "Started in 3.1 s: code 1.9 s, database 0.6 s, …": where a slow start went, on one line. */
function startLine(loadedMs: number, steps: ReadonlyArray<readonly [string, number]>): string {
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const parts = [['code', loadedMs] as const, ...steps].map(([step, ms]) => `${step} ${seconds(ms)}`);
  return `Started in ${seconds(performance.now())}: ${parts.join(', ')}`;
}

await main();
