import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The browser tests drive the real bundle the server serves, so it is built from the current sources first. */
export function buildClient(): void {
  const result = spawnSync('npm', ['run', 'build', '--workspace', '@samplan/client'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error(`building the client failed (exit ${result.status ?? result.signal})`);
}
