import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../../support/database-targets.ts';
import { type ApiServer, startApiServer } from './harness.ts';

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

  it('counts join links apart from logins, and limits them too', async () => {
    const anyone = server.client();
    for (let attempt = 0; attempt < 3; attempt++) expect((await anyone.post(`/join/${String(attempt).repeat(43)}`)).status).toBe(401);
    expect((await anyone.post(`/join/${'9'.repeat(43)}`)).status).toBe(429);
  });

  it('leaves other routes alone', async () => {
    expect((await server.client().get('/openapi.json')).status).toBe(200);
    expect((await server.client().get('/auth/me')).status).toBe(401);
  });
});
