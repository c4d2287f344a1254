import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';

// A real PostgreSQL server for the db suite: a fresh database per run,
// dropped afterwards. CI starts from a clean clone, so the Debian cluster is
// started here if it is not running. SAMPLAN_TEST_POSTGRES_URL may name
// another server (a URL of a database to connect to for CREATE DATABASE).

const ADMIN_URLS = process.env.SAMPLAN_TEST_POSTGRES_URL
  ? [process.env.SAMPLAN_TEST_POSTGRES_URL]
  : ['postgresql://root@127.0.0.1:5432/postgres', 'postgresql://root@localhost/postgres?host=/var/run/postgresql'];

export interface TestPostgresDatabase {
  url: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestPostgresDatabase> {
  const adminUrl = await reachableAdminUrl();
  const name = `samplan_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await withClient(adminUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    // FORCE ends connections a failed test may have left open.
    drop: () => withClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

let reachable: Promise<string> | undefined;

function reachableAdminUrl(): Promise<string> {
  return (reachable ??= findAdminUrl());
}

async function findAdminUrl(): Promise<string> {
  const first = await firstReachable();
  if (first.url) return first.url;
  if (process.env.SAMPLAN_TEST_POSTGRES_URL) throw new Error(`SAMPLAN_TEST_POSTGRES_URL is not reachable: ${first.reason}`);
  startDebianClusters();
  const deadline = Date.now() + 30_000;
  for (;;) {
    const next = await firstReachable();
    if (next.url) return next.url;
    if (Date.now() > deadline) {
      throw new Error(`PostgreSQL did not become reachable as root on 127.0.0.1:5432 or /var/run/postgresql: ${next.reason}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function firstReachable(): Promise<{ url?: string; reason: string }> {
  let reason = '';
  for (const url of ADMIN_URLS) {
    try {
      await withClient(url, (client) => client.query('SELECT 1'));
      return { url, reason };
    } catch (error) {
      reason = error instanceof Error ? error.message : String(error);
    }
  }
  return { reason };
}

/** Starts every Debian cluster that is down (`pg_lsclusters`: version, name, port, status, …). */
function startDebianClusters(): void {
  let listing: string;
  try {
    listing = execFileSync('pg_lsclusters', ['--no-header'], { encoding: 'utf8' });
  } catch {
    throw new Error('PostgreSQL is not reachable and pg_lsclusters is missing: install Debian\'s postgresql package (node scripts/setup.mjs --for test does).');
  }
  for (const line of listing.trim().split('\n')) {
    const [version, cluster, , status] = line.trim().split(/\s+/);
    if (version && cluster && status === 'down') {
      execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, cluster, 'start'], { stdio: 'inherit' });
    }
  }
}

async function withClient<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}
