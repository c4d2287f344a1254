import { expect, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from '@samplan/server';
import { hashPassword } from '@samplan/server/auth/password.ts';
import { staffDa } from '../../../client/src/i18n/staff.da.ts';
import { expectNoSeriousA11yViolations } from '../support/a11y.ts';
import { emptyRecordTest as test, type GuestServer } from '../support/guestServer.ts';
import { signIn } from '../support/staffFlow.ts';

const fill = (text: string, values: Record<string, string>) => text.replace(/{{(\w+)}}/g, (_, key: string) => values[key] ?? '');

/** "Reserveret af <name> til", without the time. */
const heldBy = (name: string) => fill(staffDa.acuteBeds.reservedBy, { name, until: '' }).trim();

const OFFER = 'Akutpladser, Plejecenter Lindevænget';

/** Its own cast on an empty record: a hospital doctor, a GP, and a municipality with one acute bed. */
async function acuteCast(server: GuestServer) {
  const db = server.samplan.database.prisma;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const hospital = await db.organisation.create({ data: { sector: 'hospital_ward', name: 'Regionshospitalet Testby, Akutafdelingen' } });
  const practice = await db.organisation.create({ data: { sector: 'general_practice', name: 'Lægehuset Testby' } });
  const municipality = await db.organisation.create({ data: { sector: 'municipal_unit', name: 'Testby Kommune, Akutteamet' } });
  await db.staffUser.create({ data: { name: 'Morten Juhl', role: 'doctor', organisationId: hospital.id, login: 'laege@testby.test', passwordHash } });
  await db.staffUser.create({ data: { name: 'Marianne Due', role: 'gp', organisationId: practice.id, login: 'egen-laege@testby.test', passwordHash } });
  await db.acuteOffer.create({ data: { municipalityId: municipality.id, name: OFFER, bedsTotal: 1, competences: ['iv_antibiotics', 'blood_tests_point_of_care'] } });
}

async function openOverview(page: Page): Promise<void> {
  await page.getByRole('link', { name: staffDa.acuteBeds.nav }).click();
  await expect(page.getByRole('heading', { level: 1, name: staffDa.acuteBeds.heading })).toBeVisible();
}

const offerOf = (page: Page) => page.getByRole('article', { name: OFFER });

test('two doctors look at the acute beds; one reserves the last bed and the other sees it taken without reloading', async ({ browser, server }) => {
  await acuteCast(server);
  const doctor = await signIn(browser, server, 'laege@testby.test');
  const gp = await signIn(browser, server, 'egen-laege@testby.test');
  await Promise.all([openOverview(doctor), openOverview(gp)]);

  for (const page of [doctor, gp]) {
    await expect(offerOf(page).getByTestId('acute-free')).toHaveText('1');
    await expect(offerOf(page).getByText(staffDa.acuteBeds.competence.iv_antibiotics, { exact: false })).toBeVisible();
    await expect(offerOf(page).getByRole('button', { name: staffDa.acuteBeds.reserve })).toBeVisible();
  }
  await expectNoSeriousA11yViolations(gp, 'acute beds overview');
  const navigations: string[] = [];
  gp.on('framenavigated', (frame) => navigations.push(frame.url()));

  await offerOf(doctor).getByRole('button', { name: staffDa.acuteBeds.reserve }).click();
  await expect(offerOf(doctor).getByText(staffDa.acuteBeds.mine)).toBeVisible();

  // The GP's page learns it from the server's notice: no free bed, no button, who holds it.
  await expect(offerOf(gp).getByTestId('acute-free')).toHaveText('0');
  await expect(offerOf(gp).getByRole('button', { name: staffDa.acuteBeds.reserve })).toHaveCount(0);
  await expect(offerOf(gp).getByText(heldBy('Morten Juhl'), { exact: false })).toBeVisible();

  // The doctor gives it up; the GP sees the bed free again and takes it.
  await offerOf(doctor).getByRole('button', { name: staffDa.acuteBeds.cancel }).click();
  await expect(offerOf(gp).getByTestId('acute-free')).toHaveText('1');
  await offerOf(gp).getByRole('button', { name: staffDa.acuteBeds.reserve }).click();
  await expect(offerOf(doctor).getByTestId('acute-free')).toHaveText('0');
  await expect(offerOf(doctor).getByText(heldBy('Marianne Due'), { exact: false })).toBeVisible();
  expect(navigations).toEqual([]);

  for (const page of [doctor, gp]) await page.context().close();
});
