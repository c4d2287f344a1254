#!/usr/bin/env node
// Runs every suite, in order, and ends with one line "N passed, N failed".
//
//   node scripts/test.mjs [suite ...]     suites: types unit db media browser
//
// Each suite still runs when an earlier one failed, so one run shows all that
// is broken; the exit code is non-zero if any suite failed or none ran a test.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const reports = join(root, '.cache', 'test-reports');

const vitest = (project) => ({
  command: ['npx', 'vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${join(reports, `${project}.json`)}`],
  report: join(reports, `${project}.json`),
  count: countVitest,
});

const suites = {
  types: {
    command: ['npm', 'run', 'typecheck', '--workspaces', '--if-present'],
  },
  unit: vitest('unit'),
  db: vitest('db'),
  // libwebrtc in Node skips loopback interfaces, so the WebRTC bots and the
  // server meet on a veth pair inside a namespace of the test's own.
  media: { ...vitest('media'), command: ['bash', 'tests/support/netns.sh', ...vitest('media').command] },
  browser: {
    command: ['npx', 'playwright', 'test', '-c', 'tests/browser/playwright.config.ts'],
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: join(reports, 'browser.json') },
    report: join(reports, 'browser.json'),
    count: countPlaywright,
  },
};

function countVitest(report) {
  return { passed: report.numPassedTests, failed: report.numFailedTests + (report.numTotalTestSuites === 0 ? 1 : 0) };
}

function countPlaywright(report) {
  const { expected = 0, unexpected = 0, flaky = 0 } = report.stats ?? {};
  return { passed: expected + flaky, failed: unexpected };
}

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in suites));
if (unknown.length > 0) {
  console.error(`unknown suite(s): ${unknown.join(', ')}; choose from ${Object.keys(suites).join(', ')}`);
  process.exit(2);
}

rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

let passed = 0;
let failed = 0;
const failedSuites = [];
for (const name of wanted.length > 0 ? wanted : Object.keys(suites)) {
  const suite = suites[name];
  console.log(`\n=== ${name}: ${suite.command.join(' ')}`);
  const [command, ...args] = suite.command;
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...suite.env } });
  if (suite.count) {
    if (existsSync(suite.report)) {
      const counts = suite.count(JSON.parse(readFileSync(suite.report, 'utf8')));
      passed += counts.passed;
      failed += counts.failed;
    } else {
      failed += 1;
    }
  }
  if (result.status !== 0) failedSuites.push(name);
}

console.log(failedSuites.length > 0 ? `\nfailed suites: ${failedSuites.join(', ')}` : '\nall suites passed');
console.log(`${passed} passed, ${failed} failed`);
process.exit(failedSuites.length > 0 || passed === 0 ? 1 : 0);
