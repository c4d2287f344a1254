import { expect } from '@playwright/test';
import { staffDa } from '../../../client/src/i18n/staff.da.ts';
import { expectNoSeriousA11yViolations } from '../support/a11y.ts';
import { recordTest as test } from '../support/guestServer.ts';
import { signIn } from '../support/staffFlow.ts';

test.setTimeout(180_000);

const KAREN = 'Karen Margrethe Jensen 120338-****';

test('the ward records Karen’s discharge before noon; the home nurse records the reception visit with its checklist and TOBS, scored as she types', async ({ browser, server }) => {
  const nurse = await signIn(browser, server, 'sygeplejerske@horsens.demo');
  await nurse.getByRole('main').getByRole('link', { name: KAREN }).first().click();
  const discharge = nurse.getByRole('region', { name: staffDa.visits.dischargeHeading });
  // The form opens at the server's now, 12:00 in Copenhagen: not before noon.
  await expect(discharge.getByText(staffDa.visits.afterNoon)).toBeVisible();
  await discharge.getByLabel(staffDa.visits.when).fill('2026-03-10T11:30');
  await expect(discharge.getByText(staffDa.visits.beforeNoon)).toBeVisible();
  await discharge.getByLabel(staffDa.visits.destination).selectOption('municipal_acute_bed');
  await expectNoSeriousA11yViolations(nurse, 'discharge form');
  await discharge.getByRole('button', { name: staffDa.visits.recordDischarge }).click();
  await expect(discharge.getByText(staffDa.visits.dischargedTo.replace('{{place}}', staffDa.visits.destinations.municipal_acute_bed))).toBeVisible();
  await expect(discharge.getByText(staffDa.visits.beforeNoon)).toBeVisible();

  const homeNurse = await signIn(browser, server, 'hjemmesygeplejerske@odder.demo');
  await homeNurse.getByRole('main').getByRole('link', { name: KAREN }).first().click();
  const visits = homeNurse.getByRole('region', { name: staffDa.visits.heading });
  await visits.getByRole('button', { name: staffDa.visits.recordVisit }).click();
  await visits.getByLabel(staffDa.visits.modes.phone).check();
  for (const item of Object.values(staffDa.visits.checklist)) {
    await visits.getByRole('group', { name: item }).getByLabel(staffDa.visits.answers.yes).check();
  }
  await visits.getByLabel(staffDa.visits.withTobs).check();
  await expect(visits.getByText(staffDa.tobs.incomplete)).toBeVisible();
  await visits.getByLabel(staffDa.tobs.pulsePerMinute).fill('112');
  await visits.getByLabel(staffDa.tobs.respirationPerMinute).fill('22');
  await visits.getByLabel(staffDa.tobs.temperatureCelsius).fill('37,9');
  await visits.getByLabel(staffDa.tobs.temperatureSite).selectOption('oral');
  await visits.getByLabel(staffDa.tobs.systolicMmHg).fill('95');
  await visits.getByLabel(staffDa.tobs.consciousness).selectOption('agitated');
  await expect(visits.getByRole('status')).toContainText('TOBS-score 7 af 15');
  await expect(visits.getByRole('status')).toContainText('Sygeplejersken tilkaldes');
  await visits.getByLabel(staffDa.tobs.pulsePerMinute).fill('700');
  await expect(visits.getByText('Tjek værdien: 20–250')).toBeVisible();
  await visits.getByLabel(staffDa.tobs.pulsePerMinute).fill('72');
  await expect(visits.getByRole('status')).toContainText('TOBS-score 5 af 15');
  await expectNoSeriousA11yViolations(homeNurse, 'visit form');
  await visits.getByRole('button', { name: staffDa.visits.save }).click();

  const row = visits.getByRole('listitem').filter({ hasText: staffDa.visits.kinds.reception_visit });
  await expect(row).toContainText(staffDa.visits.kept);
  await expect(row).toContainText('TOBS-score 5 af 15');
  await expect(row).toContainText(`${staffDa.visits.checklist.gpInvolvedCorrectly}: ${staffDa.visits.answers.yes}`);
});
