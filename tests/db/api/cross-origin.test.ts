import { PROTOCOL_VERSION } from '@samplan/shared';
import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../../support/database-targets.ts';
import { type ApiClient, type ApiServer, startApiServer } from './harness.ts';

// A page on another site can make the nurse's browser send a request with her
// cookie; only the Origin header says whose page it was.
const EVIL = 'https://evil.example';

describe.each(DATABASE_KINDS)('requests from pages of another site on %s', (kind) => {
  let server: ApiServer;
  let nurse: ApiClient;
  let conferenceId: string;
  beforeAll(async () => {
    server = await startApiServer(kind);
    nurse = await server.login('sygeplejerske@horsens.demo');
    conferenceId = (await server.fresh.db.prisma.conference.findFirstOrThrow({ where: { kind: 'follow_up' } })).id;
  });
  afterAll(() => server?.close());

  const invite = (headers: Record<string, string> = {}) =>
    nurse.request('POST', `/conferences/${conferenceId}/participants`, { kind: 'guest', role: 'relative', name: 'Lise Nabo', phone: '+45 20 20 20 20' }, headers);
  const invited = () => server.fresh.db.prisma.participant.count({ where: { conferenceId } });

  it('refuses a change sent from a page of another site with CROSS_ORIGIN, and changes nothing', async () => {
    const before = await invited();
    const answer = await invite({ origin: EVIL });
    expect(answer.status).toBe(403);
    expect(answer.body).toEqual({ error: { code: 'CROSS_ORIGIN', message: 'Requests from pages of another site are refused.' } });
    expect(await invited()).toBe(before);
    // Nor can it sign her out.
    expect((await nurse.request('POST', '/auth/logout', undefined, { origin: EVIL })).status).toBe(403);
    expect((await nurse.get('/auth/me')).status).toBe(200);
  });

  it('takes the change from its own pages, and from a client that is no browser page (no Origin)', async () => {
    const before = await invited();
    expect((await invite({ origin: new URL(server.samplan.url).origin })).status).toBe(201);
    expect((await invite()).status).toBe(201);
    expect(await invited()).toBe(before + 2);
  });

  it('refuses a socket handshake from a page of another site, and takes one from its own', async () => {
    const handshake = (origin: string) =>
      new Promise<unknown>((resolve) => {
        const socket = connect(server.samplan.url, {
          transports: ['websocket'],
          extraHeaders: { cookie: nurse.cookie as string, origin },
          auth: { protocolVersion: PROTOCOL_VERSION },
          forceNew: true,
          reconnection: false,
        });
        socket.once('connect', () => {
          socket.disconnect();
          resolve('connected');
        });
        socket.once('connect_error', (error) => {
          socket.disconnect();
          resolve((error as Error & { data?: unknown }).data);
        });
      });
    expect(await handshake(EVIL)).toEqual({ code: 'CROSS_ORIGIN', message: 'Connections from pages of another site are refused.' });
    expect(await handshake(new URL(server.samplan.url).origin)).toBe('connected');
  });
});
