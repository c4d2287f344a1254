import { test as base } from '@playwright/test';
import { type Config, DEMO_PASSWORD, type RunningSamplan } from '@samplan/server';
import { openFreshDatabase, type FreshDatabase } from '../../support/database-targets.ts';
import { type MessageSinks, startMessageSinks } from '../../support/messageSinks.ts';
import { startTestSamplan } from '../../support/samplan.ts';

/**
 * The real server for the guest pages: the record on PGlite in memory with
 * the demo scenario seeded, a clock the test moves (days pass in a line of
 * code), media on loopback, and the built client.
 */

/** A Tuesday at noon in Copenhagen: Karen admitted yesterday, Ella home five days. */
export const SCENARIO_NOW = new Date('2026-03-10T11:00:00Z');

export class TestClock {
  #now = SCENARIO_NOW.getTime();
  readonly now = () => new Date(this.#now);
  set(date: Date): void {
    this.#now = date.getTime();
  }
}

export interface GuestServer {
  samplan: RunningSamplan;
  url: string;
  clock: TestClock;
  /** The seeded join links of Karen's goal conversation (patient first, then her daughter); none on an empty record. */
  guestLinks: ReadonlyArray<{ name: string; path: string }>;
  staff(login: string): Promise<StaffApi>;
  close(): Promise<void>;
}

export interface StaffApi {
  get<T = any>(path: string): Promise<T>;
  post<T = any>(path: string, body?: unknown): Promise<T>;
}

export interface GuestServerOptions {
  /** False for an empty record: no organisations, no staff, no patients; the test makes what it needs. */
  seedDemo?: boolean;
  /** Settings the test is about: production's secure cookies behind a proxy, the SMTP and SMS sinks' (tests/support/messageSinks.ts). */
  config?: Partial<Config>;
}

export async function startGuestServer({ seedDemo = true, config = {} }: GuestServerOptions = {}): Promise<GuestServer> {
  const fresh: FreshDatabase = await openFreshDatabase('pglite');
  const clock = new TestClock();
  const samplan = await startTestSamplan(
    { seedDemo, logLevel: 'warn', ...config },
    { now: clock.now, database: fresh.db },
  );
  const guestLinks = samplan.demo?.guestLinks ?? [];
  if (seedDemo && guestLinks.length === 0) throw new Error('the demo seed gave no join links');

  // Where Samplan listens, also when it is meant to be reached through a proxy at PUBLIC_URL.
  const listening = `http://${samplan.config.host}:${samplan.port}`;
  const staff = async (login: string): Promise<StaffApi> => {
    const answer = await fetch(`${listening}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login, password: DEMO_PASSWORD }),
    });
    const cookie = answer.headers.get('set-cookie')?.split(';')[0];
    if (!answer.ok || !cookie) throw new Error(`${login} could not sign in: ${answer.status} ${await answer.text()}`);
    const call = async (method: string, path: string, body?: unknown) => {
      const response = await fetch(`${listening}/api${path}`, {
        method,
        headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
      return text ? JSON.parse(text) : null;
    };
    return { get: (path) => call('GET', path), post: (path, body) => call('POST', path, body ?? {}) };
  };

  return {
    samplan,
    url: samplan.url,
    clock,
    guestLinks,
    staff,
    close: async () => {
      await samplan.close();
      await fresh.dispose();
    },
  };
}

/** A test with its own Samplan on the demo record (PGlite in memory, injected clock), started and stopped around it. */
export const recordTest = base.extend<{ server: GuestServer }>({
  server: async ({}, use) => {
    const server = await startGuestServer();
    await use(server);
    await server.close();
  },
});

/** A test with its own Samplan on an empty record: nothing seeded, the same clock and media as `recordTest`. */
export const emptyRecordTest = base.extend<{ server: GuestServer }>({
  server: async ({}, use) => {
    const server = await startGuestServer({ seedDemo: false });
    await use(server);
    await server.close();
  },
});

/** A test with its own Samplan on the demo record, sending e-mail and text messages to a real SMTP server and SMS gateway on 127.0.0.1. */
export const messagesTest = base.extend<{ sinks: MessageSinks; server: GuestServer }>({
  sinks: async ({}, use) => {
    const sinks = await startMessageSinks();
    await use(sinks);
    await sinks.close();
  },
  server: async ({ sinks }, use) => {
    const server = await startGuestServer({ config: sinks.config });
    await use(server);
    await server.close();
  },
});
