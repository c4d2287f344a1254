import { test as base, expect, type Browser, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from './chromium.ts';
import { expectMediaFrom, goalConversation } from './support/guestFlow.ts';
import { bypassingProxy, EDGE_HOST, EDGE_RATE_LIMIT, type HttpsEdge, startHttpsEdge, viaProxy, viaProxyHttp } from './support/httpsEdge.ts';
import { admitFromLobby, guestToWaitingRoom, joinCall, openConference, signIn } from './support/staffFlow.ts';

/*
 * The network edge as an operator runs it (docker-compose.yml): Debian's
 * nginx with deploy/nginx/samplan.conf ends TLS in front of Samplan in
 * production's settings. Chromium reaches it as https://samplan.test, a name
 * that is not loopback to the browser, so camera and Secure cookies work only
 * because the page came over HTTPS.
 */

const test = base.extend<object, { edge: HttpsEdge; edgeBrowser: Browser }>({
  edge: [
    async ({}, use) => {
      const edge = await startHttpsEdge();
      await use(edge);
      await edge.close();
    },
    { scope: 'worker' },
  ],
  // Chromium resolves samplan.test to the proxy and accepts the test's certificate by its key, and no other.
  edgeBrowser: [
    async ({ playwright, edge }, use) => {
      const browser = await playwright.chromium.launch({
        ...chromiumLaunchOptions,
        args: [...(chromiumLaunchOptions.args ?? []), `--host-resolver-rules=MAP ${EDGE_HOST} 127.0.0.1`, `--ignore-certificate-errors-spki-list=${edge.spki}`],
      });
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],
});

test.setTimeout(240_000);

/** Every WebSocket the page opens, by URL. */
function webSockets(page: Page): string[] {
  const urls: string[] = [];
  page.on('websocket', (socket) => urls.push(socket.url()));
  return urls;
}

test('staff sign in and hold a call with the patient through the TLS proxy: Secure cookies, camera, media both ways, Socket.IO over wss', async ({ edge, edgeBrowser }) => {
  const server = edge.server;
  const coordinator = await signIn(edgeBrowser, server, 'koordinator@horsens.demo');
  expect(await coordinator.evaluate(() => [location.protocol, window.isSecureContext])).toEqual(['https:', true]);
  const cookies = await coordinator.context().cookies();
  expect(cookies.map(({ name, secure, httpOnly, sameSite, domain, path }) => ({ name, secure, httpOnly, sameSite, domain, path }))).toEqual([
    { name: '__Host-samplan_session', secure: true, httpOnly: true, sameSite: 'Lax', domain: EDGE_HOST, path: '/' },
  ]);

  const coordinatorSockets = webSockets(coordinator);
  const { conference } = await goalConversation(server);
  await openConference(coordinator, server, conference.id);
  await joinCall(coordinator);

  // The patient from her link: the device check needs her camera's picture before she may go on.
  const karenLink = server.guestLinks.find((link) => link.name === 'Karen Margrethe Jensen')!;
  const karen = await guestToWaitingRoom(edgeBrowser, server, karenLink.path, 'Karen Margrethe Jensen');
  expect(await karen.evaluate(() => [location.protocol, window.isSecureContext])).toEqual(['https:', true]);
  await admitFromLobby(coordinator, 'Karen Margrethe Jensen');
  await expectMediaFrom(coordinator, 'Karen Margrethe Jensen', { video: true });
  await expectMediaFrom(karen, 'Hanne Bech', { video: true });

  expect(coordinatorSockets.length).toBeGreaterThan(0);
  for (const url of coordinatorSockets) expect(url).toMatch(new RegExp(`^wss://samplan\\.test:${edge.httpsPort}/socket\\.io/`));
  // nginx upgraded Socket.IO to WebSockets, and its log kept no join token.
  const log = await edge.accessLog();
  expect(log).toMatch(/"GET \/socket\.io\/ HTTP\/1\.1" 101 /);
  expect(log).toContain('"GET /join/[token] ');
  expect(log).toContain('"POST /api/join/[token] ');
  expect(log).not.toContain(karenLink.path.split('/').pop()!);

  await karen.context().close();
  await coordinator.context().close();
});

test('plain HTTP is redirected to HTTPS at the configured name, whatever Host the client sends', async ({ edge, edgeBrowser }) => {
  const answer = await viaProxyHttp(edge, '/episodes/1?tab=plan', { localAddress: '127.0.0.5' });
  expect(answer.status).toBe(301);
  expect(answer.headers.location).toBe(`${edge.url}/episodes/1?tab=plan`);
  const forged = await viaProxyHttp(edge, '/', { localAddress: '127.0.0.5', headers: { host: 'attacker.example' } });
  expect(forged.headers.location).toBe(`${edge.url}/`);

  const page = await (await edgeBrowser.newContext()).newPage();
  await page.goto(`http://${EDGE_HOST}:${edge.httpPort}/`);
  expect(page.url()).toBe(`${edge.url}/`);
  await page.context().close();
});

test('Samplan takes the client and the scheme from the proxy only', async ({ edge }) => {
  const failedSignIn = async (send: typeof viaProxy, localAddress: string, attempt: number, headers: Record<string, string> = {}) =>
    (await send(edge, '/api/auth/login', { method: 'POST', localAddress, headers, body: { login: `nobody-${localAddress}-${attempt}@edge.test`, password: 'wrong password' } })).status;

  // Through the proxy each client is counted apart: one is stopped, the next is not.
  for (let attempt = 0; attempt < EDGE_RATE_LIMIT; attempt++) expect(await failedSignIn(viaProxy, '127.0.0.7', attempt)).toBe(401);
  expect(await failedSignIn(viaProxy, '127.0.0.7', EDGE_RATE_LIMIT)).toBe(429);
  // A client naming another in X-Forwarded-For is still itself: the proxy replaces the header.
  expect(await failedSignIn(viaProxy, '127.0.0.8', 0, { 'x-forwarded-for': '127.0.0.9' })).toBe(401);
  expect(await failedSignIn(viaProxy, '127.0.0.9', 0)).toBe(401);
  // Past the proxy the header is not believed: these failures count against the sender, not 127.0.0.8.
  for (let attempt = 0; attempt < EDGE_RATE_LIMIT; attempt++) {
    expect(await failedSignIn(bypassingProxy, '127.0.0.10', attempt, { 'x-forwarded-for': '127.0.0.8' })).toBe(401);
  }
  expect(await failedSignIn(bypassingProxy, '127.0.0.10', EDGE_RATE_LIMIT, { 'x-forwarded-for': '127.0.0.8' })).toBe(429);
  expect(await failedSignIn(viaProxy, '127.0.0.8', 1)).toBe(401);

  // The scheme: the page's CSP names the WebSocket origin with the scheme Samplan believes.
  const page = await viaProxy(edge, '/', { localAddress: '127.0.0.11', headers: { 'x-forwarded-proto': 'http' } });
  expect(page.headers['content-security-policy']).toContain(`wss://${EDGE_HOST}:${edge.httpsPort}`);
  expect(page.headers['strict-transport-security']).toBe('max-age=31536000');
  expect(page.headers['x-powered-by']).toBeUndefined();
  expect(page.headers.server).toBe('nginx');
  const direct = await bypassingProxy(edge, '/', { localAddress: '127.0.0.11', headers: { 'x-forwarded-proto': 'https' } });
  expect(direct.headers['content-security-policy']).toContain(`ws://${EDGE_HOST}:${edge.httpsPort}`);
  expect(direct.headers['content-security-policy']).not.toContain('wss://');
});
