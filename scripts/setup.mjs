#!/usr/bin/env node
// Installs whatever Samplan still lacks on this machine and does nothing else:
// a second run finishes in seconds. Only Node's built-ins are used here,
// because this runs before `npm install` has.
//
//   node scripts/setup.mjs [--for start|dev|test|bench]
//
// Steps: Debian packages (when root and missing), npm packages, mediasoup's
// worker (built from Debian's libraries, cached outside node_modules), the
// Prisma client and the embedded database's schema, the client bundle and,
// for `start`, the compiled server (`dev` runs server/src through tsx watch).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const purpose = process.argv.includes('--for') ? process.argv[process.argv.indexOf('--for') + 1] : 'start';
if (!['start', 'dev', 'test', 'bench'].includes(purpose)) {
  console.error(`setup: --for ${purpose}? (start, dev, test or bench)`);
  process.exit(2);
}
const stampDir = join(root, '.cache', 'setup');

const WORKER_BUILD_PACKAGES = [
  'g++', 'make', 'pkg-config', 'python3', 'meson', 'ninja-build', 'libssl-dev', 'libuv1-dev', 'libsrtp2-dev',
  'libusrsctp-dev', 'libabsl-dev', 'libflatbuffers-dev', 'flatbuffers-compiler', 'nlohmann-json3-dev',
];
// The worker binary links these at run time; the -dev packages above pull them in.
const WORKER_RUNTIME_PACKAGES = ['libssl3', 'libuv1', 'libsrtp2-1', 'libusrsctp2'];
// What the test suite starts for real: a browser, PostgreSQL, Redis, TURN, network namespaces,
// the TLS proxy (nginx; openssl makes its certificates, envsubst renders its configuration).
const TEST_PACKAGES = ['chromium', 'fonts-dejavu-core', 'postgresql', 'redis-server', 'coturn', 'iproute2', 'nginx', 'openssl', 'gettext-base'];
// The benchmarks need the test packages and, for bench:forward's RTP source, ffmpeg (taskset, which pins
// its processes to cores, is in util-linux, always there). Only `--for bench` installs it, so CI does not.
const BENCH_PACKAGES = ['ffmpeg'];

function log(message) {
  process.stderr.write(`setup: ${message}\n`);
}

function fail(message) {
  process.stderr.write(`\nsetup failed: ${message}\n`);
  process.exit(1);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.status !== 0) fail(`${command} ${args.join(' ')} exited with ${result.status ?? result.signal}`);
}

function hashOf(paths) {
  const hash = createHash('sha256');
  const visit = (path) => {
    if (!existsSync(path)) return;
    if (statSync(path).isDirectory()) {
      for (const entry of readdirSync(path).sort()) {
        if (entry !== 'node_modules' && entry !== 'dist') visit(join(path, entry));
      }
    } else {
      hash.update(relative(root, path));
      hash.update(readFileSync(path));
    }
  };
  for (const path of paths) visit(join(root, path));
  return hash.digest('hex');
}

/** Runs `step` unless the inputs hashed into `key` are the same as the last time it succeeded. */
function once(name, inputs, step) {
  const stamp = join(stampDir, name);
  const key = hashOf(inputs);
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === key) return;
  step();
  mkdirSync(stampDir, { recursive: true });
  writeFileSync(stamp, key);
}

function isDebian() {
  return existsSync('/etc/debian_version') && spawnSync('dpkg-query', ['--version']).status === 0;
}

function missingDebianPackages(names) {
  return names.filter((name) => {
    const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
    return !result.stdout?.includes('install ok installed');
  });
}

function ensureDebianPackages(names) {
  if (!isDebian()) {
    log(`not a Debian system: make sure these (or your system's equivalents) are installed: ${names.join(' ')}`);
    return;
  }
  const missing = missingDebianPackages(names);
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    fail(`these Debian packages are missing: ${missing.join(' ')}\n  install them with: sudo apt-get install -y ${missing.join(' ')}`);
  }
  log(`apt-get install ${missing.join(' ')}`);
  run('apt-get', ['update', '-qq']);
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

function ensureNodeVersion() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19)) fail(`Node.js 20.19 or newer is needed; this is ${process.version}`);
}

function ensureNpmPackages() {
  const manifests = ['package.json', 'package-lock.json', 'shared/package.json', 'server/package.json', 'client/package.json', 'tests/package.json'];
  const installed = existsSync(join(root, 'node_modules', '.package-lock.json'));
  once('npm', manifests, () => {
    const useCi = !installed && existsSync(join(root, 'package-lock.json'));
    log(useCi ? 'npm ci' : 'npm install');
    run('npm', [useCi ? 'ci' : 'install', '--no-audit', '--no-fund']);
  });
}

function ensureMediasoupWorker() {
  const pkg = JSON.parse(readFileSync(join(root, 'node_modules', 'mediasoup', 'package.json'), 'utf8'));
  const target = join(root, 'node_modules', 'mediasoup', 'worker', 'out', 'Release', 'mediasoup-worker');
  if (!isDebian()) {
    // Elsewhere mediasoup's own installer fetches a prebuilt worker (or builds one).
    if (!existsSync(target)) run('npm', ['rebuild', 'mediasoup', '--foreground-scripts'], { env: { ...process.env, npm_config_ignore_scripts: 'false' } });
    return;
  }
  const env = { ...process.env, MEDIASOUP_VERSION: pkg.version };
  const recipe = join(root, 'scripts', 'mediasoup-worker', 'build.sh');
  const binary = spawnSync('bash', [recipe, '--path'], { encoding: 'utf8', env }).stdout.trim();
  if (existsSync(binary)) {
    ensureDebianPackages(WORKER_RUNTIME_PACKAGES);
  } else {
    ensureDebianPackages(WORKER_BUILD_PACKAGES);
    log(`building mediasoup ${pkg.version}'s worker from Debian's libraries (about 4 minutes on 2 cores, once per machine)`);
    run('bash', [recipe], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  if (safeReadlink(target) !== binary) {
    mkdirSync(dirname(target), { recursive: true });
    rmSync(target, { force: true });
    symlinkSync(binary, target);
    log(`mediasoup worker: ${binary}`);
  }
}

function safeReadlink(path) {
  try {
    return readlinkSync(path);
  } catch {
    return null;
  }
}

function ensureDatabase() {
  once('prisma-generate', ['prisma/schema.prisma', 'prisma.config.ts'], () => {
    log('prisma generate');
    run('npx', ['prisma', 'generate']);
  });
  // Migrations are applied by the server itself at start (under its lock), so
  // nothing here opens the embedded database.
}

/**
 * The db suite connects to the local PostgreSQL as the current user. A stock
 * Debian install has no such role (only peer auth for `postgres`) and, in a
 * container, may not be running.
 */
function ensurePostgresForTests() {
  if (!isDebian() || process.getuid?.() !== 0 || spawnSync('pg_lsclusters', ['--version']).status !== 0) return;
  const clusters = spawnSync('pg_lsclusters', ['--no-header'], { encoding: 'utf8' }).stdout.trim().split('\n').filter(Boolean);
  for (const line of clusters) {
    const [version, cluster, , status] = line.trim().split(/\s+/);
    if (status === 'down') run('pg_ctlcluster', ['--skip-systemctl-redirect', version, cluster, 'start']);
  }
  const asPostgres = (...args) => spawnSync('runuser', ['-u', 'postgres', '--', ...args], { encoding: 'utf8', cwd: '/' });
  const hasRole = asPostgres('psql', '-tAc', "SELECT 1 FROM pg_roles WHERE rolname = 'root'");
  if (hasRole.status === 0 && hasRole.stdout.trim() !== '1') {
    log('creating the PostgreSQL role root for the db tests');
    const created = asPostgres('createuser', '--superuser', 'root');
    if (created.status !== 0) fail(`createuser root: ${created.stderr}`);
  }
}

function ensureClientBundle() {
  once('client-build', ['client', 'shared/src'], () => {
    log('building the client');
    run('npm', ['run', 'build', '--workspace', '@samplan/client']);
  });
}

/** `npm start` runs the compiled server (build-server.mjs); rebuilt when its sources or the Prisma client changed. */
function ensureServerBundle() {
  once('server-build', ['server/src', 'shared/src', 'server/package.json', 'scripts/build-server.mjs'], () => {
    log('compiling the server');
    run(process.execPath, [join(root, 'scripts', 'build-server.mjs')]);
  });
}

ensureNodeVersion();
const testing = purpose === 'test' || purpose === 'bench';
if (testing) ensureDebianPackages(purpose === 'bench' ? [...TEST_PACKAGES, ...BENCH_PACKAGES] : TEST_PACKAGES);
ensureNpmPackages();
ensureMediasoupWorker();
ensureDatabase();
if (testing) ensurePostgresForTests();
ensureClientBundle();
if (purpose === 'start') ensureServerBundle();
log(`ready (${purpose})`);
