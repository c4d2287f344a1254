import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { setIdentityProvider, setPasswordSignIn } from '@samplan/server/record/organisations/organisationSignIn.ts';
import { DATABASE_KINDS } from '../../support/database-targets.ts';
import { startTestOidcProvider, type TestOidcProvider } from '../../support/oidcProvider.ts';
import { type ApiServer, SCENARIO_NOW, startApiServer } from './harness.ts';
import { formAction, linkTo, type Page, RedirectingClient } from './redirectingClient.ts';

// Staff of Horsens sign in through a real OpenID Connect provider on
// 127.0.0.1: Samplan's redirect to it, its login and consent pages, its
// redirect back to Samplan's callback, and what Samplan makes of it.

const SECRET_ENV = 'SAMPLAN_TEST_OIDC_CLIENT_SECRET';

describe.each(DATABASE_KINDS)('sign-in through the organisation\'s identity provider on %s', (kind) => {
  let server: ApiServer;
  let idp: TestOidcProvider;
  let horsens: string;

  beforeAll(async () => {
    server = await startApiServer(kind);
    idp = await startTestOidcProvider({
      redirectUris: [`${server.samplan.url}/api/auth/oidc/callback`],
      accounts: [
        { sub: 'mette-7f3a', email: 'Sygeplejerske@Horsens.demo' },
        { sub: 'sofie-91c2', email: 'terapeut@horsens.demo' },
        { sub: 'anders-22b1', email: 'laege@horsens.demo' },
        { sub: 'someone-new', email: 'sygeplejerske@horsens.demo' },
        { sub: 'jesper-odder', email: 'hjemmesygeplejerske@odder.demo' },
        { sub: 'stranger-0001', email: 'ny.kollega@horsens.demo' },
      ],
    });
    process.env[SECRET_ENV] = idp.clientSecret;
    const db = server.fresh.db.prisma;
    horsens = (await db.staffUser.findUniqueOrThrow({ where: { login: 'sygeplejerske@horsens.demo' } })).organisationId;
    await setIdentityProvider(db, horsens, { issuer: idp.issuer, clientId: idp.clientId, clientSecretEnv: SECRET_ENV, loginClaim: 'email' }, 'test');
  });
  afterAll(async () => {
    await idp?.stop();
    await server?.close();
  });
  beforeEach(() => server.clock.set(SCENARIO_NOW));

  const samplanHost = () => new URL(server.samplan.url).hostname;
  const backAtSamplan = (location: URL) => location.origin === server.samplan.url && !location.pathname.startsWith('/api/');

  /** Everything a person does: "Log ind via Horsens", log in at the provider as `sub`, continue, and back. */
  async function signInAs(browser: RedirectingClient, sub: string, options: { alterCallback?: (callback: URL) => URL } = {}): Promise<URL> {
    const login = await browser.go(`${server.samplan.url}/api/auth/oidc/start?organisation=${horsens}`, {}, backAtSamplan);
    expect(login.url.origin).toBe(idp.issuer);
    const consent = await browser.go(formAction(login), { form: { prompt: 'login', login: sub, password: 'any' } }, backAtSamplan);
    const atCallback = (location: URL) => location.pathname === '/api/auth/oidc/callback';
    const callback = await browser.go(formAction(consent), { form: { prompt: 'consent' } }, atCallback);
    expect(callback.status).toBe(0);
    const landed = await browser.go(options.alterCallback ? options.alterCallback(callback.url) : callback.url, {}, backAtSamplan);
    return landed.url;
  }

  const sessionOf = (browser: RedirectingClient) => browser.cookie(samplanHost(), 'samplan_session');
  const latestSignInAudit = () => server.fresh.db.prisma.auditEvent.findFirstOrThrow({ where: { action: 'sign-in' }, orderBy: [{ at: 'desc' }, { id: 'desc' }] });

  it('offers the organisation on the sign-in page', async () => {
    const answer = await server.client().get('/auth/organisations');
    expect(answer.status).toBe(200);
    expect(answer.body.organisations).toEqual([{ id: horsens, name: expect.any(String) }]);
  });

  it('signs a nurse in by her e-mail, pins her subject, takes her role from Samplan and audits it', async () => {
    const browser = new RedirectingClient();
    const landed = await signInAs(browser, 'mette-7f3a');
    expect(landed.pathname).toBe('/');
    expect(landed.search).toBe('');
    const cookie = sessionOf(browser);
    expect(cookie).toBeDefined();
    const me = await server.client(`samplan_session=${cookie}`).get('/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.principal).toMatchObject({ kind: 'staff', name: 'Mette Lund', role: 'nurse', organisation: { id: horsens } });
    const db = server.fresh.db.prisma;
    const mette = await db.staffUser.findUniqueOrThrow({ where: { login: 'sygeplejerske@horsens.demo' } });
    expect(mette.oidcSubject).toBe('mette-7f3a');
    expect(await db.authSession.count({ where: { staffUserId: mette.id } })).toBeGreaterThan(0);
    expect(await latestSignInAudit()).toMatchObject({ actorKind: 'staff', actorId: mette.id, resourceType: 'StaffUser', resourceId: mette.id, via: 'GET /api/auth/oidc/callback', outcome: 'ok' });
    // The flow is spent: the same answer from the provider again is refused.
    expect(browser.cookie(samplanHost(), 'samplan_oidc')).toBeUndefined();
  });

  it('finds her again by her subject alone, and nobody else by her address once it is pinned', async () => {
    expect((await signInAs(new RedirectingClient(), 'mette-7f3a')).href).toBe(`${server.samplan.url}/`);
    const other = new RedirectingClient();
    const landed = await signInAs(other, 'someone-new');
    expect(landed.href).toBe(`${server.samplan.url}/?signInRefused=unknown_user`);
    expect(sessionOf(other)).toBeUndefined();
  });

  it('refuses a person Samplan does not know, with a reason for the page, and audits it', async () => {
    const browser = new RedirectingClient();
    const landed = await signInAs(browser, 'stranger-0001');
    expect(landed.href).toBe(`${server.samplan.url}/?signInRefused=unknown_user`);
    expect(sessionOf(browser)).toBeUndefined();
    expect(await latestSignInAudit()).toMatchObject({ actorKind: 'system', actorId: null, resourceType: 'IdentityProvider', resourceId: horsens, outcome: 'denied' });
  });

  it('refuses staff of another organisation whose address the provider vouches for', async () => {
    const browser = new RedirectingClient();
    expect((await signInAs(browser, 'jesper-odder')).search).toBe('?signInRefused=unknown_user');
    expect(sessionOf(browser)).toBeUndefined();
  });

  it('refuses a deactivated account and audits it as hers', async () => {
    const db = server.fresh.db.prisma;
    const sofie = await db.staffUser.update({ where: { login: 'terapeut@horsens.demo' }, data: { deactivatedAt: SCENARIO_NOW } });
    try {
      const browser = new RedirectingClient();
      expect((await signInAs(browser, 'sofie-91c2')).search).toBe('?signInRefused=deactivated');
      expect(sessionOf(browser)).toBeUndefined();
      expect(await latestSignInAudit()).toMatchObject({ actorKind: 'staff', actorId: sofie.id, resourceType: 'StaffUser', resourceId: sofie.id, outcome: 'denied' });
    } finally {
      await db.staffUser.update({ where: { id: sofie.id }, data: { deactivatedAt: null } });
    }
  });

  it('refuses an answer whose state was altered', async () => {
    const browser = new RedirectingClient();
    const landed = await signInAs(browser, 'anders-22b1', {
      alterCallback: (callback) => {
        const altered = new URL(callback);
        altered.searchParams.set('state', `${callback.searchParams.get('state')}x`);
        return altered;
      },
    });
    expect(landed.search).toBe('?signInRefused=invalid');
    expect(sessionOf(browser)).toBeUndefined();
    expect(await latestSignInAudit()).toMatchObject({ outcome: 'denied', resourceType: 'IdentityProvider' });
  });

  it('refuses the provider\'s answer in a browser that did not start the sign-in, and a second use of it', async () => {
    const browser = new RedirectingClient();
    let callback: URL | undefined;
    await signInAs(browser, 'anders-22b1', { alterCallback: (url) => (callback = url) });
    expect(sessionOf(browser)).toBeDefined();
    const elsewhere = new RedirectingClient();
    expect((await elsewhere.go(callback as URL, {}, backAtSamplan)).url.search).toBe('?signInRefused=invalid');
    expect((await browser.go(callback as URL, {}, backAtSamplan)).url.search).toBe('?signInRefused=invalid');
  });

  it('says so when the person cancels at the provider (access_denied), and audits it', async () => {
    const browser = new RedirectingClient();
    const login: Page = await browser.go(`${server.samplan.url}/api/auth/oidc/start?organisation=${horsens}`, {}, backAtSamplan);
    const landed = await browser.go(linkTo(login, '[ Cancel ]'), {}, backAtSamplan);
    expect(landed.url.href).toBe(`${server.samplan.url}/?signInRefused=denied`);
    expect(sessionOf(browser)).toBeUndefined();
    expect(await latestSignInAudit()).toMatchObject({ actorKind: 'system', outcome: 'denied', resourceType: 'IdentityProvider', resourceId: horsens });
  });

  it('sends an organisation without a provider back to the sign-in page', async () => {
    const odder = (await server.fresh.db.prisma.staffUser.findUniqueOrThrow({ where: { login: 'visitator@odder.demo' } })).organisationId;
    const landed = await new RedirectingClient().go(`${server.samplan.url}/api/auth/oidc/start?organisation=${odder}`, {}, backAtSamplan);
    expect(landed.url.search).toBe('?signInRefused=not_configured');
  });

  it('refuses password sign-in for the organisation\'s staff once it is switched off, and only theirs', async () => {
    const db = server.fresh.db.prisma;
    await setPasswordSignIn(db, horsens, false, 'test');
    try {
      const refused = await server.client().post('/auth/login', { login: 'laege@horsens.demo', password: 'samplan-demo' });
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('PASSWORD_SIGN_IN_OFF');
      expect(refused.headers.get('set-cookie')).toBeNull();
      expect((await server.client().post('/auth/login', { login: 'visitator@odder.demo', password: 'samplan-demo' })).status).toBe(200);
      // The provider still signs them in.
      expect((await signInAs(new RedirectingClient(), 'anders-22b1')).href).toBe(`${server.samplan.url}/`);
    } finally {
      await setPasswordSignIn(db, horsens, true, 'test');
    }
    expect((await server.client().post('/auth/login', { login: 'laege@horsens.demo', password: 'samplan-demo' })).status).toBe(200);
  });
});
