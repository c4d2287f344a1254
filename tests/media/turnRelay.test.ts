import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningSamplan } from '@samplan/server';
import type { IceServer } from '@samplan/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, connectSocket } from '../support/bots/signalling.ts';
import { startTestCoturn, type TestCoturn } from '../support/coturn.ts';
import { freePort } from '../support/ports.ts';
import { makeTestCertificates, type TestCertificates } from '../support/testCertificates.ts';
import { TurnOverTls } from '../support/turnClient.ts';
import { startTestSamplan, tokenFor } from './harness.ts';

/*
 * Debian's coturn with the shipped deploy/coturn/turnserver.conf, reached
 * over TLS with the credentials Samplan hands to a participant, as a browser
 * behind a firewall reaches it. The relay must refuse to open a way to any
 * address of the hospital's own network; only Samplan's media address (here
 * a stand-in, 10.9.9.9, passed as compose passes it) is let through. Asking
 * for a permission sends nothing to the peer, so the addresses named here
 * are never contacted. (coturn refuses loopback peers even unconfigured; the
 * other ranges are refused by the shipped file alone.)
 */

const TURN_NAME = 'turn.samplan.test';
const TURN_SECRET = 'turn-shared-secret-of-this-test';
const MEDIA_ADDRESS = '10.9.9.9';

describe('TURN over TLS with the shipped coturn configuration', () => {
  let dir: string;
  let certificates: TestCertificates;
  let coturn: TestCoturn;
  let samplan: RunningSamplan;
  let tlsPort: number;
  let turnServer: IceServer;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'samplan-turn-'));
    certificates = await makeTestCertificates(dir, { dns: [TURN_NAME], ips: [] });
    tlsPort = await freePort();
    coturn = await startTestCoturn(dir, {
      port: await freePort(),
      tlsPort,
      certFile: certificates.fullchainFile,
      keyFile: certificates.keyFile,
      secret: TURN_SECRET,
      allowedPeer: MEDIA_ADDRESS,
    });
    samplan = await startTestSamplan({ turnUrls: [`turns:${TURN_NAME}:${tlsPort}?transport=tcp`], turnSecret: TURN_SECRET });
    const socket = await connectSocket(samplan.url);
    try {
      const token = await tokenFor(samplan, 'relayed');
      const { routerRtpCapabilities } = await call(socket, 'room:capabilities', { token });
      await call(socket, 'room:join', { token, displayName: 'Guest', rtpCapabilities: routerRtpCapabilities });
      const { iceServers } = await call(socket, 'transport:create', { direction: 'send' });
      expect(iceServers).toHaveLength(1);
      turnServer = iceServers[0]!;
    } finally {
      socket.close();
    }
  });

  afterAll(async () => {
    await samplan?.close();
    await coturn?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function relay(credentials: { username: string; password: string } = { username: turnServer.username!, password: turnServer.credential! }) {
    const url = new URL(turnServer.urls[0]!.replace(/^turns:/, 'turns://'));
    return TurnOverTls.open({ host: '127.0.0.1', port: Number(url.port), servername: url.hostname, ca: certificates.ca, ...credentials });
  }

  it('offers the turns: server it is configured with, and coturn accepts its credentials over TLS', async () => {
    expect(turnServer.urls).toEqual([`turns:${TURN_NAME}:${tlsPort}?transport=tcp`]);
    const session = await relay();
    try {
      const allocation = await session.allocate('IPv4');
      expect(allocation).toMatchObject({ status: 200, relayFamily: 'IPv4' });
      expect((await session.createPermission(MEDIA_ADDRESS)).status).toBe(200);
      // Outside every denied range: a documentation address (a permission sends nothing to it).
      expect((await session.createPermission('198.51.100.7')).status).toBe(200);
    } finally {
      session.close();
    }
  });

  it('refuses credentials signed with another secret', async () => {
    const session = await relay({ username: turnServer.username!, password: 'not-the-credential' });
    try {
      expect((await session.allocate('IPv4')).status).toBe(401);
    } finally {
      session.close();
    }
  });

  it('relays to an IPv6 peer outside the denied ranges', async () => {
    const session = await relay();
    try {
      expect((await session.allocate('IPv6')).relayFamily).toBe('IPv6');
      expect((await session.createPermission('2001:db8::7')).status).toBe(200);
    } finally {
      session.close();
    }
  });

  it.each([
    ['IPv4', 'loopback', '127.0.0.1'],
    ['IPv4', 'private 10/8', '10.9.9.10'],
    ['IPv4', 'private 172.16/12', '172.20.1.1'],
    ['IPv4', 'private 192.168/16', '192.168.1.1'],
    ['IPv4', 'link-local (cloud metadata)', '169.254.169.254'],
    ['IPv4', 'shared address space (CGNAT)', '100.64.0.1'],
    ['IPv4', '"this network"', '0.0.0.0'],
    ['IPv6', 'loopback', '::1'],
    ['IPv6', 'unique local', 'fd12:3456:789a::1'],
    ['IPv6', 'link-local', 'fe80::1'],
    ['IPv6', 'IPv4-mapped private', '::ffff:10.0.0.1'],
    ['IPv6', 'NAT64 of a private address', '64:ff9b::a00:1'],
  ] as const)('refuses an %s peer: %s (%s)', async (family, _range, peer) => {
    const session = await relay();
    try {
      expect((await session.allocate(family)).relayFamily).toBe(family);
      const answer = await session.createPermission(peer);
      expect(`${answer.status} ${answer.reason}`).toMatch(/^403 /);
    } finally {
      session.close();
    }
  });
});
