/**
 * How long a call takes to come back from each kind of failure. It runs the
 * recovery tests, which print what they measured as `<name>_ms=<n>`, and
 * collects those lines:
 *
 * - worker_crash_ms: a media worker SIGKILLed under a two-person call, until
 *   media flows again on the rebuilt room (tests/media/workerDeath.test.ts);
 * - ice_restart_ms: the network gone for 3 s, from its return until media
 *   flows again after ICE restarts (tests/media/iceRestart.test.ts);
 * - server_restart_ms and node_loss_ms: from whichever test prints them
 *   (found by that line in its source); null when none does.
 *
 *   npm run bench:recovery     env: BENCH_RECOVERY_TIMEOUT_SECONDS (900, per project)
 *   (media runs need the heavy lock: flock /tmp/samplan-heavy.lock npm run bench:recovery)
 *
 * The last line printed is one JSON object with the results.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { REPO_ROOT } from '@samplan/server/store/databaseUrl.ts';

const FIGURES = ['ice_restart_ms', 'server_restart_ms', 'worker_crash_ms', 'node_loss_ms'] as const;
type Figure = (typeof FIGURES)[number];
const TIMEOUT_MS = Number(process.env.BENCH_RECOVERY_TIMEOUT_SECONDS ?? 900) * 1000;

function testFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.test.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** The test files (relative to the repository) that print any of the figures, by vitest project. */
function printingTests(): Map<'media' | 'db', string[]> {
  const byProject = new Map<'media' | 'db', string[]>([
    ['media', []],
    ['db', []],
  ]);
  for (const project of byProject.keys()) {
    for (const file of testFiles(join(REPO_ROOT, 'tests', project))) {
      const source = readFileSync(file, 'utf8');
      if (FIGURES.some((figure) => source.includes(`${figure}=`))) byProject.get(project)!.push(relative(REPO_ROOT, file));
    }
  }
  return byProject;
}

/**
 * Runs one project's tests, passing their output through as it comes (a
 * buffered run showed nothing for many minutes and looked hung) and killing
 * them after TIMEOUT_MS, so a test that never ends cannot hold the heavy lock.
 */
function runProject(project: 'media' | 'db', files: string[]): Promise<{ output: string; ok: boolean }> {
  const vitest = ['npx', 'vitest', 'run', '--project', project, ...files];
  // libwebrtc in Node skips loopback interfaces: media tests run in their own network namespace.
  const command = project === 'media' ? ['bash', 'tests/support/netns.sh', ...vitest] : vitest;
  console.log(`$ ${command.join(' ')}`);
  const child = spawn(command[0]!, command.slice(1), { cwd: REPO_ROOT, env: process.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  const collect = (chunk: Buffer, to: NodeJS.WriteStream) => {
    output += chunk.toString('utf8');
    to.write(chunk);
  };
  child.stdout.on('data', (chunk: Buffer) => collect(chunk, process.stdout));
  child.stderr.on('data', (chunk: Buffer) => collect(chunk, process.stderr));
  const timer = setTimeout(() => {
    console.error(`bench:recovery: ${project} tests still running after ${TIMEOUT_MS / 1000} s; stopping them`);
    process.kill(-child.pid!, 'SIGKILL');
  }, TIMEOUT_MS);
  return new Promise((resolve) => {
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ output, ok: code === 0 });
    });
  });
}

const results: Record<Figure, number | null> = { ice_restart_ms: null, server_restart_ms: null, worker_crash_ms: null, node_loss_ms: null };
let failed = false;
for (const [project, files] of printingTests()) {
  if (files.length === 0) continue;
  const { output, ok } = await runProject(project, files);
  failed ||= !ok;
  // vitest colours the lines it passes on: the escape before a figure's name would hide its word boundary.
  const plain = output.replace(/\x1b\[[0-9;]*m/g, '');
  for (const match of plain.matchAll(/\b(ice_restart_ms|server_restart_ms|worker_crash_ms|node_loss_ms)=(\d+)\b/g)) {
    results[match[1] as Figure] = Number(match[2]);
  }
}
if (failed) process.exitCode = 1;
console.log(JSON.stringify(results));
