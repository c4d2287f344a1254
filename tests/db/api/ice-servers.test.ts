import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiServer, startApiServer } from './harness.ts';

// The device check tests the TURN relay before the call, so a patient at home
// behind a strict firewall learns it before she is let in, not in the call.

const TURN_SECRET = 'coturn-static-auth-secret';

describe('TURN servers for the connection check', () => {
  let server: ApiServer;
  beforeAll(async () => {
    server = await startApiServer('pglite', { turnUrls: ['turn:127.0.0.1:3478?transport=udp'], turnSecret: TURN_SECRET });
  });
  afterAll(() => server?.close());

  it('gives a signed-in person coturn credentials that coturn will accept for an hour', async () => {
    const nurse = await server.login('sygeplejerske@horsens.demo');
    const answer = await nurse.get('/ice-servers');
    expect(answer.status).toBe(200);
    const [turn] = answer.body.iceServers as Array<{ urls: string[]; username: string; credential: string }>;
    expect(turn?.urls).toEqual(['turn:127.0.0.1:3478?transport=udp']);
    const [expiry] = (turn?.username ?? '').split(':');
    expect(Number(expiry) * 1000 - Date.now()).toBeGreaterThan(3500_000);
    expect(turn?.credential).toBe(createHmac('sha1', TURN_SECRET).update(turn?.username ?? '').digest('base64'));
  });

  it('refuses anyone without a session', async () => {
    const answer = await server.client().get('/ice-servers');
    expect(answer.status).toBe(401);
    expect(answer.body.iceServers).toBeUndefined();
  });
});
