import { startSamplan } from './app.ts';
import { ConfigError } from './config.ts';

async function main(): Promise<void> {
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
  process.stdout.write(`\n  ${hint}\n\n`);

  const stop = (signal: NodeJS.Signals) => {
    samplan.logger.info({ signal }, 'shutting down');
    samplan.close().then(
      () => process.exit(0),
      (error: unknown) => {
        samplan.logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

await main();
