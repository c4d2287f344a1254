import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '@samplan/server/store/seed/demoPeople.ts';
import { DATABASE_KINDS } from '../../support/database-targets.ts';
import { type ApiServer, startApiServer } from './harness.ts';

/**
 * A sign-in from a given loopback address (all of 127.0.0.0/8 reaches the
 * server), so that each test is its own client as the rate limits see it.
 */
function signIn(server: ApiServer, from: string, login: string, password: string, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  const payload = JSON.stringify({ login, password });
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      `${server.samplan.url}/api/auth/login`,
      { method: 'POST', localAddress: from, agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), ...headers } },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text.length > 0 ? JSON.parse(text) : null }));
      },
    );
    request.on('error', reject);
    request.end(payload);
  });
}

const statuses = async (attempts: Array<() => Promise<{ status: number }>>) => {
  const seen: number[] = [];
  for (const attempt of attempts) seen.push((await attempt()).status);
  return seen;
};

const ADDRESS_LIMITED = { error: { code: 'RATE_LIMITED', message: 'Too many attempts. Wait a while and try again.' } };
const ACCOUNT_LIMITED = { error: { code: 'RATE_LIMITED', message: 'Too many failed sign-ins to this account. Wait a while and try again.' } };

describe.each(DATABASE_KINDS)('rate limits on %s', (kind) => {
  let server: ApiServer;
  beforeAll(async () => {
    server = await startApiServer(kind, { authRateLimit: 3, authRateWindowMs: 60_000 });
  });
  afterAll(() => server?.close());

  it('slows password guessing: after the limit even the right password waits', async () => {
    const anyone = server.client();
    for (let attempt = 0; attempt < 3; attempt++) {
      expect((await anyone.post('/auth/login', { login: 'laege@horsens.demo', password: `guess-${attempt}` })).status).toBe(401);
    }
    const limited = await anyone.post('/auth/login', { login: 'laege@horsens.demo', password: 'samplan-demo' });
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({ error: { code: 'RATE_LIMITED', message: 'Too many attempts. Wait a while and try again.' } });
    expect(limited.headers.get('ratelimit-policy')).toMatch(/q=3/);
  });

  it('takes the address from the connection, not from an X-Forwarded-For anyone can send (no TRUST_PROXY)', async () => {
    const spoofed = (n: number) => () => signIn(server, '127.0.0.2', `nobody-${n}@horsens.demo`, 'guess', { 'x-forwarded-for': `198.51.100.${n}` });
    expect(await statuses([1, 2, 3, 4].map(spoofed))).toEqual([401, 401, 401, 429]);
  });

  it('counts join links apart from logins, and limits them too', async () => {
    const anyone = server.client();
    for (let attempt = 0; attempt < 3; attempt++) expect((await anyone.post(`/join/${String(attempt).repeat(43)}`)).status).toBe(401);
    expect((await anyone.post(`/join/${'9'.repeat(43)}`)).status).toBe(429);
  });

  it('counts set-password links apart from logins and join links, and limits them too', async () => {
    const anyone = server.client();
    expect((await anyone.get(`/password-links/${'a'.repeat(43)}`)).status).toBe(404);
    for (let attempt = 1; attempt < 3; attempt++) {
      expect((await anyone.post(`/password-links/${String(attempt).repeat(43)}`, { password: 'a long enough password' })).status).toBe(404);
    }
    expect((await anyone.get(`/password-links/${'9'.repeat(43)}`)).status).toBe(429);
  });

  it('leaves other routes alone', async () => {
    expect((await server.client().get('/openapi.json')).status).toBe(200);
    expect((await server.client().get('/auth/me')).status).toBe(401);
  });
});

describe.each(DATABASE_KINDS)('sign-in limits per address and per account on %s', (kind) => {
  let server: ApiServer;
  beforeAll(async () => {
    server = await startApiServer(kind, { authRateLimit: 4, authAccountRateLimit: 2, authRateWindowMs: 60_000, trustProxy: ['127.0.0.3'] });
  });
  afterAll(() => server?.close());

  it('makes a login wait after its failed sign-ins from any addresses, and answers an unknown login alike', async () => {
    expect(await statuses(['127.0.0.10', '127.0.0.11'].map((from) => () => signIn(server, from, 'laege@horsens.demo', 'guess')))).toEqual([401, 401]);
    const locked = await signIn(server, '127.0.0.12', 'Laege@Horsens.demo ', DEMO_PASSWORD);
    expect(locked).toEqual({ status: 429, body: ACCOUNT_LIMITED });
    await statuses(['127.0.0.10', '127.0.0.11'].map((from) => () => signIn(server, from, 'nobody@horsens.demo', 'guess')));
    expect(await signIn(server, '127.0.0.12', 'nobody@horsens.demo', 'guess')).toEqual(locked);
  });

  it('lets a colleague sign in from the address a locked login was tried from', async () => {
    const from = '127.0.0.20';
    expect(await statuses([1, 2, 3].map(() => () => signIn(server, from, 'koordinator@horsens.demo', 'guess')))).toEqual([401, 401, 429]);
    expect((await signIn(server, from, 'sygeplejerske@horsens.demo', DEMO_PASSWORD)).status).toBe(200);
  });

  it('still limits one address trying many logins, whoever signs in from it next', async () => {
    const from = '127.0.0.21';
    expect(await statuses([1, 2, 3, 4, 5].map((n) => () => signIn(server, from, `nobody-${n}@horsens.demo`, 'guess')))).toEqual([401, 401, 401, 401, 429]);
    expect(await signIn(server, from, 'sygeplejerske@horsens.demo', DEMO_PASSWORD)).toEqual({ status: 429, body: ADDRESS_LIMITED });
  });

  it('counts no successful sign-in: a whole ward signs in at a shift change from one address', async () => {
    const logins = ['sygeplejerske@horsens.demo', 'terapeut@horsens.demo', 'geriater@horsens.demo', 'visitator@odder.demo', 'laege@rosensgade.demo', 'sygeplejerske@horsens.demo'];
    const ward = logins.map((login) => () => signIn(server, '127.0.0.22', login, DEMO_PASSWORD));
    expect(await statuses(ward)).toEqual([200, 200, 200, 200, 200, 200]);
  });

  it('takes the client from X-Forwarded-For only when the configured proxy sends it', async () => {
    const viaProxy = (client: string, n: number) => () => signIn(server, '127.0.0.3', `nobody-proxied-${client}-${n}@horsens.demo`, 'guess', { 'x-forwarded-for': client });
    expect(await statuses([1, 2, 3, 4, 5].map((n) => viaProxy('203.0.113.1', n)))).toEqual([401, 401, 401, 401, 429]);
    // Another client behind the same proxy has its own count.
    expect(await statuses([viaProxy('203.0.113.2', 1)])).toEqual([401]);
    const notTheProxy = (n: number) => () => signIn(server, '127.0.0.30', `nobody-direct-${n}@horsens.demo`, 'guess', { 'x-forwarded-for': `203.0.113.${100 + n}` });
    expect(await statuses([1, 2, 3, 4, 5].map(notTheProxy))).toEqual([401, 401, 401, 401, 429]);
  });
});
