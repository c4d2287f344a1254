import { expect } from '@playwright/test';
import { setIdentityProvider } from '@samplan/server/record/organisations/organisationSignIn.ts';
import { staffDa } from '../../../client/src/i18n/staff.da.ts';
import { startTestOidcProvider } from '../../support/oidcProvider.ts';
import { expectNoSeriousA11yViolations } from '../support/a11y.ts';
import { saveScreenshot } from '../support/screenshots.ts';
import { recordTest as test } from '../support/guestServer.ts';
import { DESKTOP } from '../support/staffFlow.ts';

const SECRET_ENV = 'SAMPLAN_TEST_OIDC_CLIENT_SECRET';

// Horsens signs its staff in through its own identity provider (a real
// OpenID Connect provider on 127.0.0.1): the nurse picks her organisation on
// Samplan's sign-in page, logs in on the provider's pages and lands on her day.

test('a nurse signs in through her organisation\'s login and lands on her day; a stranger is told why not', async ({ browser, server }) => {
  const idp = await startTestOidcProvider({
    redirectUris: [`${server.url}/api/auth/oidc/callback`],
    accounts: [{ sub: 'mette-7f3a', email: 'sygeplejerske@horsens.demo' }],
  });
  try {
    process.env[SECRET_ENV] = idp.clientSecret;
    const db = server.samplan.database.prisma;
    const mette = await db.staffUser.findUniqueOrThrow({ where: { login: 'sygeplejerske@horsens.demo' }, include: { organisation: true } });
    await setIdentityProvider(db, mette.organisationId, { issuer: idp.issuer, clientId: idp.clientId, clientSecretEnv: SECRET_ENV, loginClaim: 'email' }, 'browser test');
    const via = staffDa.signIn.via.replace('{{organisation}}', mette.organisation.name);

    const page = await (await browser.newContext({ viewport: DESKTOP })).newPage();
    await page.goto(`${server.url}/`);
    await expect(page.getByRole('heading', { level: 1, name: staffDa.signIn.heading })).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'sign-in with an organisation\'s login');
    await saveScreenshot(page, 'sign-in-via-organisation');
    await page.getByRole('link', { name: via }).click();
    await page.getByPlaceholder('Enter any login').fill('mette-7f3a');
    await page.getByPlaceholder('and password').fill('her password at the provider');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('heading', { level: 1, name: staffDa.day.heading })).toBeVisible();
    expect(new URL(page.url()).pathname).toBe('/');
    await expect(page.getByText('Mette Lund', { exact: false }).first()).toBeVisible();

    const stranger = await (await browser.newContext({ viewport: DESKTOP })).newPage();
    await stranger.goto(`${server.url}/`);
    await stranger.getByRole('link', { name: via }).click();
    await stranger.getByPlaceholder('Enter any login').fill('stranger-0001');
    await stranger.getByPlaceholder('and password').fill('anything');
    await stranger.getByRole('button', { name: 'Sign-in' }).click();
    await stranger.getByRole('button', { name: 'Continue' }).click();
    const refusal = stranger.getByRole('alert');
    await expect(refusal).toContainText(staffDa.signIn.refusedHeading);
    await expect(refusal).toContainText(staffDa.signIn.refused.unknown_user);
    // The reason is shown once, not kept in the address for a reload.
    expect(new URL(stranger.url()).search).toBe('');
    await expectNoSeriousA11yViolations(stranger, 'sign-in refused');
    await saveScreenshot(stranger, 'sign-in-refused');
  } finally {
    await idp.stop();
  }
});
