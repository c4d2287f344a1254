import { once } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { Express } from 'express';
import { pino } from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyRoomToken } from '../auth/roomToken.ts';
import { MediaService } from '../media/mediaService.ts';
import { createHttpApp } from './httpApp.ts';

const SECRET = 'a-test-secret-that-is-long-enough-0123456789';
const logger = pino({ level: 'silent' });
const HASHED_ASSET = 'index-Bat8LUFo.js';
/** Big enough to be worth compressing. */
const ASSET_TEXT = `export const strings = ${JSON.stringify(Array.from({ length: 200 }, (_, i) => `line ${i} of the guest page`))};`;

let media: MediaService;
let clientDist: string;

beforeAll(async () => {
  media = await MediaService.start({ size: 1, listenIp: '127.0.0.1', announcedAddress: undefined, basePort: 0, rtcMinPort: 40100, rtcMaxPort: 49999 }, logger);
  clientDist = mkdtempSync(join(tmpdir(), 'samplan-client-'));
  writeFileSync(join(clientDist, 'index.html'), '<!doctype html><title>Samplan</title>');
  writeFileSync(join(clientDist, 'app.js'), 'console.log("samplan")');
  mkdirSync(join(clientDist, 'assets'));
  writeFileSync(join(clientDist, 'assets', HASHED_ASSET), ASSET_TEXT);
});

afterAll(() => {
  media.close();
  rmSync(clientDist, { recursive: true, force: true });
});

function app(overrides: { demoRooms?: boolean; clientDist?: string; publicUrl?: string; hsts?: boolean; trustProxy?: string[] } = {}) {
  return createHttpApp({ config: { secret: SECRET, demoRooms: true, clientDist: '/nonexistent', trustProxy: [], hsts: false, ...overrides }, media, logger });
}

describe('HTTP API', () => {
  it('is live, and ready with the number of live media workers', async () => {
    await request(app()).get('/api/health/live').expect(200, { live: true });
    const response = await request(app()).get('/api/health/ready').expect(200);
    expect(response.body).toEqual({ ready: true, draining: false, database: 'not-configured', redis: 'not-configured', media: 'up', workers: 1 });
  });

  it('is not ready, naming Redis, when Redis does not answer', async () => {
    const redisPing = () => Promise.reject(new Error('ECONNREFUSED'));
    const response = await request(createHttpApp({ config: { secret: SECRET, demoRooms: false, clientDist: '/nonexistent', trustProxy: [], hsts: false }, media, logger, redisPing })).get('/api/health/ready').expect(503);
    expect(response.body).toMatchObject({ ready: false, redis: 'down', media: 'up' });
  });

  it('does not serve metrics on the public port', async () => {
    await request(app()).get('/metrics').expect(404);
  });

  it('issues a demo room token carrying the room, role and name', async () => {
    const response = await request(app()).post('/api/demo/rooms/ward-7/token').send({ displayName: 'Karen', role: 'municipality' }).expect(200);
    expect(await verifyRoomToken(response.body.token, SECRET)).toEqual({ kind: 'demo', roomId: 'ward-7', role: 'municipality', displayName: 'Karen' });
  });

  it('issues a patient token for an empty body', async () => {
    const response = await request(app()).post('/api/demo/rooms/demo/token').expect(200);
    expect(await verifyRoomToken(response.body.token, SECRET)).toEqual({ kind: 'demo', roomId: 'demo', role: 'patient' });
  });

  it('refuses a bad room id or body with BAD_REQUEST and the wrong fields', async () => {
    const badRoom = await request(app()).post('/api/demo/rooms/Not%20A%20Room/token').send({}).expect(400);
    expect(badRoom.body.error.code).toBe('BAD_REQUEST');
    const badBody = await request(app()).post('/api/demo/rooms/demo/token').send({ role: 'admin', displayName: '' }).expect(400);
    expect(badBody.body.error.issues.map((issue: { path: string }) => issue.path).sort()).toEqual(['displayName', 'role']);
  });

  it('answers invalid JSON with BAD_REQUEST and no stack trace', async () => {
    const response = await request(app()).post('/api/demo/rooms/demo/token').set('content-type', 'application/json').send('{"role":').expect(400);
    expect(response.body).toEqual({ error: { code: 'BAD_REQUEST', message: 'The request body is not valid JSON.' } });
  });

  it('answers an oversized body with TOO_LARGE', async () => {
    const response = await request(app()).post('/api/demo/rooms/demo/token').send({ displayName: 'x'.repeat(100_000) }).expect(413);
    expect(response.body.error.code).toBe('TOO_LARGE');
  });

  it('has no demo token route when demo rooms are off', async () => {
    const response = await request(app({ demoRooms: false })).post('/api/demo/rooms/demo/token').send({}).expect(404);
    expect(response.body).toEqual({ error: { code: 'NOT_FOUND', message: 'No such API route.' } });
  });

  it('answers unknown API routes with a JSON 404, even when the client is served', async () => {
    await request(app()).get('/api/nothing-here').expect(404, { error: { code: 'NOT_FOUND', message: 'No such API route.' } });
    await request(app({ clientDist })).get('/api/nothing-here').expect(404, { error: { code: 'NOT_FOUND', message: 'No such API route.' } });
  });

  it('serves the built client, falling back to index.html for client routes', async () => {
    const served = app({ clientDist });
    expect((await request(served).get('/app.js').expect(200)).text).toContain('samplan');
    expect((await request(served).get('/room/demo').expect(200)).text).toContain('<title>Samplan</title>');
    expect((await request(served).get('/').expect(200)).text).toContain('<title>Samplan</title>');
  });
});

describe('requests from pages of another site', () => {
  const demoToken = (served = app()) => request(served).post('/api/demo/rooms/demo/token').set('host', 'samplan.test:3000');

  it.each(['https://evil.example', 'http://samplan.test:3001', 'http://samplan.test', 'null'])('refuses a POST from %s with CROSS_ORIGIN, before reading its body', async (origin) => {
    const response = await demoToken().set('origin', origin).set('content-type', 'application/json').send('{"role":').expect(403);
    expect(response.body).toEqual({ error: { code: 'CROSS_ORIGIN', message: 'Requests from pages of another site are refused.' } });
  });

  it('accepts a POST from its own pages, and from clients that are no browser page (no Origin)', async () => {
    await demoToken().set('origin', 'http://samplan.test:3000').send({}).expect(200);
    await demoToken().set('origin', 'https://Samplan.Test:3000').send({}).expect(200);
    await demoToken().send({}).expect(200);
  });

  it('with PUBLIC_URL, accepts that origin only, whatever host the request names', async () => {
    const served = app({ publicUrl: 'https://samplan.example.org' });
    await demoToken(served).set('origin', 'https://samplan.example.org').send({}).expect(200);
    await demoToken(served).set('origin', 'http://samplan.test:3000').send({}).expect(403);
    await demoToken(served).set('origin', 'http://samplan.example.org').send({}).expect(403);
  });

  it('lets reads through: without CORS headers the other site cannot see the answer', async () => {
    await request(app()).get('/api/health/live').set('origin', 'https://evil.example').expect(200);
  });
});

/** The CSP as directive → sources, so a test can ask about one directive without depending on the order. */
function cspOf(response: request.Response): Map<string, string[]> {
  const header = response.headers['content-security-policy'] as string;
  return new Map(header.split(';').map((directive) => directive.trim().split(/\s+/)).map(([name, ...sources]) => [name!, sources]));
}

/** A GET with the body as it came over the wire: supertest would undo the compression under test. */
async function rawGet(served: Express, path: string, headers: Record<string, string>): Promise<{ headers: IncomingHttpHeaders; body: Buffer }> {
  const server = served.listen(0, '127.0.0.1');
  await once(server, 'listening');
  try {
    const { port } = server.address() as AddressInfo;
    const response = await new Promise<IncomingMessage>((resolve, reject) => get({ host: '127.0.0.1', port, path, headers }, resolve).on('error', reject));
    const chunks: Buffer[] = [];
    for await (const chunk of response) chunks.push(chunk as Buffer);
    return { headers: response.headers, body: Buffer.concat(chunks) };
  } finally {
    server.close();
  }
}

describe('security headers', () => {
  const pages = [
    ['the page', '/'],
    ['the API', '/api/health/live'],
    ['the join page', '/join/a-join-token-0123456789'],
  ] as const;

  it.each(pages)('%s allows only Samplan\'s own scripts, styles and connections', async (_name, path) => {
    const response = await request(app({ clientDist })).get(path).set('host', '127.0.0.1:3000').expect(200);
    const csp = cspOf(response);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('style-src')).toEqual(["'self'"]);
    expect(csp.get('connect-src')).toEqual(["'self'", 'ws://127.0.0.1:3000']);
    expect(csp.get('media-src')).toEqual(["'self'", 'blob:', 'mediastream:']);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(response.headers['content-security-policy']).not.toMatch(/unsafe-inline|unsafe-eval|https:|\*/);
  });

  it.each(pages)('%s cannot be framed, sends no Referer and keeps devices to its own origin', async (_name, path) => {
    const response = await request(app({ clientDist })).get(path).expect(200);
    expect(cspOf(response).get('frame-ancestors')).toEqual(["'none'"]);
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['permissions-policy']).toBe('camera=(self), microphone=(self), display-capture=(self)');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it.each(pages)('%s has no HSTS outside production, where plain http://127.0.0.1 must keep working', async (_name, path) => {
    const response = await request(app({ clientDist })).get(path).expect(200);
    expect(response.headers['strict-transport-security']).toBeUndefined();
    expect(cspOf(response).has('upgrade-insecure-requests')).toBe(false);
  });

  it.each(pages)('%s has HSTS and upgrades insecure requests in production', async (_name, path) => {
    const response = await request(app({ clientDist, hsts: true })).get(path).expect(200);
    expect(response.headers['strict-transport-security']).toBe('max-age=31536000');
    expect(cspOf(response).has('upgrade-insecure-requests')).toBe(true);
  });

  it('names secure WebSockets behind an HTTPS proxy on loopback, when that proxy is trusted', async () => {
    const response = await request(app({ clientDist, trustProxy: ['loopback'] })).get('/').set('host', 'samplan.example.org').set('x-forwarded-proto', 'https').expect(200);
    expect(cspOf(response).get('connect-src')).toEqual(["'self'", 'wss://samplan.example.org']);
  });

  it('does not copy a strange Host header into the policy', async () => {
    const response = await request(app({ clientDist })).get('/').set('host', "evil.example; script-src 'unsafe-inline'").expect(200);
    expect(cspOf(response).get('connect-src')).toEqual(["'self'", "'self'"]);
    expect(cspOf(response).get('script-src')).toEqual(["'self'"]);
  });
});

describe('serving the built client', () => {
  it('caches hashed assets for a year and the page not at all', async () => {
    const served = app({ clientDist });
    expect((await request(served).get(`/assets/${HASHED_ASSET}`).expect(200)).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await request(served).get('/').expect(200)).headers['cache-control']).toBe('no-cache');
    expect((await request(served).get('/join/a-join-token').expect(200)).headers['cache-control']).toBe('no-cache');
    expect((await request(served).get('/index.html').expect(200)).headers['cache-control']).toBe('no-cache');
    expect((await request(served).get('/app.js').expect(200)).headers['cache-control']).toBe('no-cache');
  });

  it('answers a hashed asset that is not there with a 404, not the page', async () => {
    const response = await request(app({ clientDist })).get('/assets/index-gone1234.js').expect(404);
    expect(response.body.error.code).toBe('NOT_FOUND');
  });

  it.each([
    ['gzip', gunzipSync],
    ['br', brotliDecompressSync],
  ] as const)('compresses assets with %s when the browser accepts it', async (encoding, decompress) => {
    const response = await rawGet(app({ clientDist }), `/assets/${HASHED_ASSET}`, { 'accept-encoding': encoding });
    expect(response.headers['content-encoding']).toBe(encoding);
    expect(response.headers.vary).toMatch(/accept-encoding/i);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(decompress(response.body).toString()).toBe(ASSET_TEXT);
    expect(response.body.length).toBeLessThan(ASSET_TEXT.length / 3);
  });

  it('sends assets uncompressed to a client that asks for no encoding', async () => {
    const response = await request(app({ clientDist })).get(`/assets/${HASHED_ASSET}`).set('accept-encoding', 'identity').expect(200);
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.text).toBe(ASSET_TEXT);
  });
});
