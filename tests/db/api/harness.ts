import { startSamplan, type RunningSamplan, type StartOptions } from '@samplan/server/app.ts';
import type { Config } from '@samplan/server/config.ts';
import { DEMO_PASSWORD } from '@samplan/server/store/seed/demoPeople.ts';
import { type DatabaseKind, openFreshDatabase, type FreshDatabase } from '../../support/database-targets.ts';
import { startTestSamplan } from '../../support/samplan.ts';

// One real Samplan per test file and database kind: HTTP on 127.0.0.1, the
// demo scenario seeded into a fresh database, and a clock the test moves.

/** A Tuesday early afternoon in Copenhagen, before summer time: the scenario's "now". */
export const SCENARIO_NOW = new Date('2026-03-10T12:00:00Z');

export class TestClock {
  #now: number;
  constructor(start: Date) {
    this.#now = start.getTime();
  }
  readonly now = () => new Date(this.#now);
  set(date: Date): void {
    this.#now = date.getTime();
  }
}

export interface ApiServer {
  samplan: RunningSamplan;
  fresh: FreshDatabase;
  clock: TestClock;
  client(cookie?: string): ApiClient;
  login(login: string, password?: string): Promise<ApiClient>;
  join(token: string): Promise<ApiClient>;
  /** Stops the server and starts a new one with the same settings, port and database: nothing held in memory survives. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export interface Answer {
  status: number;
  body: any;
  text: string;
  headers: Headers;
}

/** Like a browser: keeps the session cookie the server last set (renewals included). */
export interface ApiClient {
  readonly cookie: string | undefined;
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Answer>;
  get(path: string): Promise<Answer>;
  post(path: string, body?: unknown): Promise<Answer>;
  put(path: string, body?: unknown): Promise<Answer>;
}

export async function startApiServer(kind: DatabaseKind, overrides: Partial<Config> = {}, options: Pick<StartOptions, 'logDestination'> = {}): Promise<ApiServer> {
  const fresh = await openFreshDatabase(kind);
  const clock = new TestClock(SCENARIO_NOW);
  let samplan = await startTestSamplan(
    {
      secret: 'api-tests-secret-that-is-long-enough-for-hs256',
      seedDemo: true,
      clientDist: '/nonexistent',
      // Tests sign in far more often than people; rate-limit.test.ts checks the limit itself.
      authRateLimit: 10_000,
      authAccountRateLimit: 10_000,
      ...overrides,
    },
    { ...options, now: clock.now, database: fresh.db },
  );
  const client = (initialCookie?: string): ApiClient => {
    let cookie = initialCookie;
    const request = async (method: string, path: string, body?: unknown, extraHeaders: Record<string, string> = {}): Promise<Answer> => {
      const headers: Record<string, string> = { ...extraHeaders };
      if (cookie !== undefined) headers.cookie = cookie;
      if (body !== undefined) headers['content-type'] = 'application/json';
      const response = await fetch(`${samplan.url}/api${path}`, { method, headers, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
      const set = response.headers.get('set-cookie');
      if (set !== null) cookie = set.split(';')[0] as string;
      const text = await response.text();
      let parsed: unknown = null;
      try {
        parsed = text.length > 0 ? JSON.parse(text) : null;
      } catch {
        parsed = null;
      }
      return { status: response.status, body: parsed, text, headers: response.headers };
    };
    return { get cookie() { return cookie; }, request, get: (path) => request('GET', path), post: (path, body) => request('POST', path, body), put: (path, body) => request('PUT', path, body) };
  };
  const cookieFrom = (answer: Answer): string => {
    const header = answer.headers.get('set-cookie');
    if (answer.status !== 200 || header === null) throw new Error(`no session: ${answer.status} ${answer.text}`);
    return header.split(';')[0] as string;
  };
  return {
    get samplan() {
      return samplan;
    },
    fresh,
    clock,
    client,
    login: async (login, password = DEMO_PASSWORD) => client(cookieFrom(await client().post('/auth/login', { login, password }))),
    join: async (token) => client(cookieFrom(await client().post(`/join/${token}`))),
    restart: async () => {
      await samplan.close();
      samplan = await startSamplan({ ...samplan.config, port: samplan.port }, { ...options, now: clock.now, database: fresh.db });
    },
    close: async () => {
      await samplan.close();
      await fresh.dispose();
    },
  };
}

/** The token part of a join link path (/join/<token>). */
export function tokenOf(path: string): string {
  return path.slice('/join/'.length);
}
