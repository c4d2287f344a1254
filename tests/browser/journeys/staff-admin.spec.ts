import { type Browser, expect, type Page } from '@playwright/test';
import { adminDa } from '../../../client/src/i18n/admin.da.ts';
import { da } from '../../../client/src/i18n/da.ts';
import { staffDa } from '../../../client/src/i18n/staff.da.ts';
import { expectNoSeriousA11yViolations } from '../support/a11y.ts';
import { createOrganisation } from '@samplan/server/record/organisations/createOrganisation.ts';
import { recordTest as test } from '../support/guestServer.ts';
import { acceptNextDialog, DESKTOP } from '../support/staffFlow.ts';

test.setTimeout(180_000);

const fill = (text: string, values: Record<string, string>) => text.replace(/{{(\w+)}}/g, (_, key: string) => values[key] ?? '');
const PASSWORD = 'mit første rigtige kodeord';
const ADMIN_PASSWORD = 'administratorens lange kodeord';

/** The operator's link opened by the organisation's first administrator: password set, signed in, on the administration page. */
async function firstAdministrator(browser: Browser, link: string, login: string): Promise<Page> {
  const admin = await (await browser.newContext({ viewport: DESKTOP })).newPage();
  await admin.goto(link);
  await admin.getByLabel(adminDa.setPassword.password).fill(ADMIN_PASSWORD);
  await admin.getByLabel(adminDa.setPassword.repeat).fill(ADMIN_PASSWORD);
  await admin.getByRole('button', { name: adminDa.setPassword.submit }).click();
  await admin.getByRole('link', { name: adminDa.setPassword.signIn }).click();
  await admin.getByLabel(staffDa.signIn.login).fill(login);
  await admin.getByLabel(staffDa.signIn.password).fill(ADMIN_PASSWORD);
  await admin.getByRole('button', { name: staffDa.signIn.submit }).click();
  await admin.getByRole('link', { name: adminDa.admin.nav }).click();
  return admin;
}

// A new organisation and its first administrator, as the operator's command
// line makes them: nothing here leans on the demo scenario the server also holds.

test('administration: the first administrator of a new ward sets her password, adds a colleague who does the same and signs in; a system gets a key shown once', async ({ browser, server }) => {
  const created = await createOrganisation(
    server.samplan.database.prisma,
    server.clock.now(),
    { name: 'Testhospitalet, Afdeling T', sector: 'hospital_ward', administrator: { name: 'Tove Admin', login: 'tove@testhospitalet.dk', role: 'nurse' } },
    'browser test',
  );
  const admin = await firstAdministrator(browser, `${server.url}${created.administrator!.link.path}`, 'tove@testhospitalet.dk');
  await expect(admin.getByRole('heading', { level: 1, name: adminDa.admin.heading })).toBeVisible();
  await expect(admin.getByRole('rowheader', { name: 'Tove Admin' })).toBeVisible();
  await expect(admin.getByRole('rowheader', { name: 'Mette Lund' })).toHaveCount(0);
  await expectNoSeriousA11yViolations(admin, 'administration');

  await admin.getByLabel(adminDa.admin.name, { exact: true }).fill('Nanna Nyansat');
  await admin.getByLabel(adminDa.admin.login).fill('nanna@testhospitalet.dk');
  await admin.getByLabel(adminDa.admin.role).selectOption({ label: staffDa.staffRoles.discharge_coordinator });
  await admin.getByLabel(adminDa.admin.unit).fill('Afsnit T1');
  await admin.getByRole('button', { name: adminDa.admin.create }).click();
  await expect(admin.getByRole('rowheader', { name: 'Nanna Nyansat' })).toBeVisible();

  await admin.getByRole('button', { name: fill(adminDa.admin.issueLinkNamed, { name: 'Nanna Nyansat' }) }).click();
  const shown = admin.getByRole('textbox', { name: fill(adminDa.admin.linkHeading, { name: 'Nanna Nyansat' }) });
  await expect(shown).toHaveValue(new RegExp(`^${server.url}/set-password/[A-Za-z0-9_-]{43}$`));
  const link = await shown.inputValue();
  await expectNoSeriousA11yViolations(admin, 'administration with a link shown once');
  await admin.getByRole('button', { name: adminDa.admin.done }).click();
  await expect(shown).toHaveCount(0);

  const nanna = await (await browser.newContext({ viewport: DESKTOP })).newPage();
  await nanna.goto(link);
  await expect(nanna.getByRole('heading', { level: 1, name: adminDa.setPassword.heading })).toBeVisible();
  await expect(nanna.getByText(fill(adminDa.setPassword.greeting, { name: 'Nanna Nyansat', login: 'nanna@testhospitalet.dk' }))).toBeVisible();
  await expectNoSeriousA11yViolations(nanna, 'set password');
  await nanna.getByLabel(adminDa.setPassword.password).fill('for kort');
  await nanna.getByLabel(adminDa.setPassword.repeat).fill('for kort');
  await nanna.getByRole('button', { name: adminDa.setPassword.submit }).click();
  await expect(nanna.getByRole('alert')).toHaveText(fill(adminDa.setPassword.tooShort, { min: '15' }));
  await nanna.getByLabel(adminDa.setPassword.password).fill(PASSWORD);
  await nanna.getByLabel(adminDa.setPassword.repeat).fill(PASSWORD);
  await nanna.getByRole('button', { name: adminDa.setPassword.submit }).click();
  await nanna.getByRole('link', { name: adminDa.setPassword.signIn }).click();
  await nanna.getByLabel(staffDa.signIn.login).fill('nanna@testhospitalet.dk');
  await nanna.getByLabel(staffDa.signIn.password).fill(PASSWORD);
  await nanna.getByRole('button', { name: staffDa.signIn.submit }).click();
  await expect(nanna.getByRole('heading', { level: 1, name: staffDa.day.heading })).toBeVisible();
  await expect(nanna.getByRole('link', { name: adminDa.admin.nav })).toHaveCount(0);

  // The same link a second time: named as used, in words.
  const again = await (await browser.newContext({ viewport: DESKTOP })).newPage();
  await again.goto(link);
  await expect(again.getByRole('alert')).toHaveText(da.errors.PASSWORD_LINK_USED);

  await admin.getByLabel(adminDa.admin.systemName).fill('Sundhedsplatformen ADT');
  await admin.getByRole('button', { name: adminDa.admin.systemCreate }).click();
  const key = admin.getByRole('textbox', { name: fill(adminDa.admin.keyHeading, { name: 'Sundhedsplatformen ADT' }) });
  await expect(key).toHaveValue(/^spk_[A-Za-z0-9_-]{43}$/);
  await expect(admin.getByRole('rowheader', { name: 'Sundhedsplatformen ADT' })).toBeVisible();
  acceptNextDialog(admin);
  await admin.getByRole('button', { name: fill(adminDa.admin.deactivateNamed, { name: 'Sundhedsplatformen ADT' }) }).click();
  await expect(admin.getByRole('row', { name: /Sundhedsplatformen ADT/ })).toContainText('Deaktiveret');
  await expectNoSeriousA11yViolations(admin, 'administration with a system client');
});

test("administration: a municipality's administrator sets its acute team's hours, through the night, which the record then holds", async ({ browser, server }) => {
  const created = await createOrganisation(
    server.samplan.database.prisma,
    server.clock.now(),
    { name: 'Testrup Kommune', sector: 'municipal_unit', administrator: { name: 'Karin Admin', login: 'karin@testrup.dk', role: 'home_nurse' } },
    'browser test',
  );
  const admin = await firstAdministrator(browser, `${server.url}${created.administrator!.link.path}`, 'karin@testrup.dk');

  const acute = admin.getByRole('region', { name: adminDa.admin.acuteHeading });
  await expect(acute.getByText(adminDa.admin.acuteNone)).toBeVisible();
  await acute.getByLabel(adminDa.admin.acuteHas).check();
  await acute.getByLabel(adminDa.admin.acuteFrom).fill('22:00');
  await acute.getByLabel(adminDa.admin.acuteTo).fill('06:00');
  await acute.getByLabel(adminDa.admin.acutePromise).fill('90');
  await acute.getByRole('button', { name: adminDa.admin.acuteSave }).click();
  await expect(acute.getByRole('status')).toHaveText(adminDa.admin.acuteSaved);
  await expectNoSeriousA11yViolations(admin, "administration with the acute team's hours");
  const stored = await server.samplan.database.prisma.organisation.findUniqueOrThrow({
    where: { id: created.organisationId },
    select: { acuteServiceFromMinute: true, acuteServiceToMinute: true, acutePromiseMinutes: true },
  });
  expect(stored).toEqual({ acuteServiceFromMinute: 22 * 60, acuteServiceToMinute: 6 * 60, acutePromiseMinutes: 90 });

  // Shown as saved after a reload.
  await admin.reload();
  await expect(acute.getByLabel(adminDa.admin.acuteFrom)).toHaveValue('22:00');
  await expect(acute.getByLabel(adminDa.admin.acutePromise)).toHaveValue('90');
});
