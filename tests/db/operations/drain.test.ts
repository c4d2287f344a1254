import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { NotificationOf } from '@samplan/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestPostgresDatabase } from '../../support/postgres.ts';
import { SLOW_TEST_TIMEOUT_MS } from '../../support/processes.ts';
import { type SamplanProcess, startSamplanProcess } from '../../support/samplanProcess.ts';
import { call, connectSocket, request, type SamplanSocket } from '../../support/bots/signalling.ts';

// SIGTERM on a real server process (server/src/main.ts, as the image starts
// it) with a signalling client in a demo room: the notice to move, the
// refused joins, readiness turning 503, and the exit — when the room empties,
// or when DRAIN_TIMEOUT_MS runs out. On PostgreSQL: the embedded database
// would migrate from nothing in each child, which takes a minute on a busy
// machine, and the drain does not depend on the kind of database.

const ROOM = 'drain-test';

const children: ChildProcess[] = [];
const databases: TestPostgresDatabase[] = [];

async function startServer(drainTimeoutMs: number): Promise<SamplanProcess> {
  const database = await createTestDatabase();
  databases.push(database);
  const server = await startSamplanProcess({
    port: 0,
    databaseUrl: database.url,
    secret: randomBytes(32).toString('base64url'),
    env: { DEMO_ROOMS: 'true', DRAIN_TIMEOUT_MS: String(drainTimeoutMs) },
  });
  children.push(server.child);
  return server;
}

async function joinDemoRoom(url: string, name: string): Promise<{ socket: SamplanSocket; draining: Promise<NotificationOf<'room:draining'>> }> {
  const socket = await connectSocket(url);
  const draining = new Promise<NotificationOf<'room:draining'>>((resolve) => socket.once('room:draining', resolve));
  const token = await roomToken(url, name);
  const { routerRtpCapabilities } = await call(socket, 'room:capabilities', { token });
  // No media: the router's own capabilities stand in for a browser's, which is all a join checks.
  await call(socket, 'room:join', { token, displayName: name, rtpCapabilities: routerRtpCapabilities });
  return { socket, draining };
}

async function roomToken(url: string, name: string): Promise<string> {
  const response = await fetch(`${url}/api/demo/rooms/${ROOM}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ displayName: name, role: 'hospital' }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { token: string }).token;
}

async function readiness(url: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${url}/api/health/ready`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const database of databases.splice(0)) await database.drop();
});

describe('SIGTERM drains the server', () => {
  it('tells the room to move, refuses new joins, turns not ready, and exits 0 once the room is empty', async () => {
    const server = await startServer(60_000);
    expect(await readiness(server.url)).toMatchObject({ status: 200, body: { ready: true, draining: false, media: 'up' } });
    const inCall = await joinDemoRoom(server.url, 'Mette');
    const latecomer = await connectSocket(server.url);
    const latecomerToken = await roomToken(server.url, 'Ole');
    const { routerRtpCapabilities } = await call(latecomer, 'room:capabilities', { token: latecomerToken });

    const signalledAt = Date.now();
    server.child.kill('SIGTERM');
    const notice = await inCall.draining;
    expect(notice.rejoin).toBe(true);
    expect(notice.closesInMs).toBeGreaterThan(50_000);

    const refused = await request(latecomer, 'room:join', { token: latecomerToken, displayName: 'Ole', rtpCapabilities: routerRtpCapabilities });
    expect(refused).toMatchObject({ ok: false, error: { code: 'DRAINING' } });
    expect(await readiness(server.url)).toMatchObject({ status: 503, body: { ready: false, draining: true, database: 'up', media: 'up' } });
    // The call goes on until its participants leave: the process is still there.
    expect(server.child.exitCode).toBeNull();

    inCall.socket.disconnect();
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(Date.now() - signalledAt).toBeLessThan(30_000);
    expect(server.output()).toMatch(/"ended":"rooms empty"/);
    latecomer.disconnect();
  }, SLOW_TEST_TIMEOUT_MS);

  it('exits 0 after DRAIN_TIMEOUT_MS when the room does not empty', async () => {
    const server = await startServer(1_500);
    const inCall = await joinDemoRoom(server.url, 'Mette');
    const closed = new Promise<string>((resolve) => inCall.socket.once('disconnect', resolve));

    const signalledAt = Date.now();
    server.child.kill('SIGTERM');
    expect((await inCall.draining).closesInMs).toBeLessThanOrEqual(1_500);
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(Date.now() - signalledAt).toBeGreaterThanOrEqual(1_400);
    expect(server.output()).toMatch(/"ended":"timeout"/);
    // Closed by the server on its way out (or, racing it, by the process ending).
    expect(['io server disconnect', 'transport close']).toContain(await closed);
  }, SLOW_TEST_TIMEOUT_MS);
});
