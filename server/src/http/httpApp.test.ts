import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyRoomToken } from '../auth/roomToken.ts';
import { MediaService } from '../media/mediaService.ts';
import { createHttpApp } from './httpApp.ts';

const SECRET = 'a-test-secret-that-is-long-enough-0123456789';
const logger = pino({ level: 'silent' });

let media: MediaService;
let clientDist: string;

beforeAll(async () => {
  media = await MediaService.start({ size: 1, listenIp: '127.0.0.1', announcedAddress: undefined, basePort: 0, rtcMinPort: 40100, rtcMaxPort: 49999 }, logger);
  clientDist = mkdtempSync(join(tmpdir(), 'samplan-client-'));
  writeFileSync(join(clientDist, 'index.html'), '<!doctype html><title>Samplan</title>');
  writeFileSync(join(clientDist, 'app.js'), 'console.log("samplan")');
});

afterAll(() => {
  media.close();
  rmSync(clientDist, { recursive: true, force: true });
});

function app(overrides: { demoRooms?: boolean; clientDist?: string; publicUrl?: string } = {}) {
  return createHttpApp({ config: { secret: SECRET, demoRooms: true, clientDist: '/nonexistent', trustProxy: [], ...overrides }, media, logger });
}

describe('HTTP API', () => {
  it('reports health with the number of live media workers', async () => {
    const response = await request(app()).get('/api/health').expect(200);
    expect(response.body).toEqual({ ok: true, workers: 1 });
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
    await request(app()).get('/api/health').set('origin', 'https://evil.example').expect(200);
  });
});
