import { expect } from '@playwright/test';
import { da } from '../../../client/src/i18n/da.ts';
import { staffDa } from '../../../client/src/i18n/staff.da.ts';
import { expectNoSeriousA11yViolations } from '../support/a11y.ts';
import { recordTest as test } from '../support/guestServer.ts';
import { signIn } from '../support/staffFlow.ts';

test.setTimeout(180_000);

test('intake: the coordinator finds no patient by CPR, creates and admits her with her daughter, screens her and records consent; the same CPR again is refused', async ({ browser, server }) => {
  const coordinator = await signIn(browser, server, 'koordinator@horsens.demo');
  await coordinator.getByRole('navigation').getByRole('link', { name: staffDa.staffNav.intake }).click();
  await expect(coordinator.getByRole('heading', { level: 1, name: staffDa.intake.heading })).toBeVisible();

  // A mistyped number is answered in the form, before anything is sent.
  await coordinator.getByLabel(staffDa.intake.cpr).fill('310245-1234');
  await coordinator.getByRole('button', { name: staffDa.intake.lookup }).click();
  await expect(coordinator.getByRole('alert')).toHaveText(staffDa.intake.cprError.CPR_DATE);

  await coordinator.getByLabel(staffDa.intake.cpr).fill('0204391234');
  await coordinator.getByRole('button', { name: staffDa.intake.lookup }).click();
  await expect(coordinator.getByText('Ingen patient med CPR-nummer 020439-****')).toBeVisible();
  await expect(coordinator).not.toHaveURL(/0204391234|020439/);
  await coordinator.getByLabel(staffDa.intake.name, { exact: true }).fill('Gudrun Hansen');
  await coordinator.getByLabel(staffDa.episode.phone, { exact: true }).fill('+45 86 12 34 56');
  await coordinator.getByLabel(staffDa.intake.unit).fill('Medicinsk afsnit M3');
  await coordinator.getByLabel('Navn på pårørende 1').fill('Birthe Hansen');
  await coordinator.getByLabel('Relation for pårørende 1').fill('datter');
  await coordinator.getByLabel('Telefon for pårørende 1').fill('+45 20 11 22 33');
  await expectNoSeriousA11yViolations(coordinator, 'intake form');
  await coordinator.getByRole('button', { name: staffDa.intake.submit }).click();

  // The episode page: CPR masked, her daughter on record, the unit.
  await expect(coordinator.getByRole('heading', { level: 1, name: /Gudrun Hansen/ })).toBeVisible();
  await expect(coordinator.getByRole('heading', { level: 1 })).toContainText('020439-****');
  const relativeRow = coordinator.getByRole('region', { name: staffDa.episode.relatives }).getByRole('listitem').filter({ hasText: 'Birthe Hansen' });
  await expect(relativeRow).toContainText('datter, +45 20 11 22 33');
  await expect(coordinator.getByText('Medicinsk afsnit M3')).toBeVisible();

  // Screening: the recommendation shows while typing, the score is kept.
  const screening = coordinator.getByRole('region', { name: staffDa.episode.screeningHeading });
  await screening.getByLabel(staffDa.episode.screeningScore).fill('25');
  await expect(screening.getByRole('status')).toHaveText(staffDa.episode.recommendations.follow_up_home_visit);
  await screening.getByLabel(staffDa.episode.screeningScore).fill('33');
  await expect(screening.getByRole('status')).toContainText(staffDa.episode.recommendations.video_discharge_conference);
  await screening.getByRole('button', { name: staffDa.episode.screeningSave }).click();
  await expect(screening.getByRole('list', { name: staffDa.episode.screeningHistory }).getByRole('listitem')).toHaveCount(1);
  await expect(screening.getByText('33', { exact: true })).toBeVisible();

  // Consent to take part by video, recorded, then withdrawn.
  const consent = coordinator.getByRole('region', { name: staffDa.episode.consentHeading });
  const video = staffDa.episode.consentScope.video_participation;
  await consent.getByRole('button', { name: `Registrér samtykke: ${video}` }).click();
  await expect(consent.getByRole('button', { name: `Træk samtykket tilbage: ${video}` })).toBeVisible();
  await expectNoSeriousA11yViolations(coordinator, 'episode page after intake');
  await consent.getByRole('button', { name: `Træk samtykket tilbage: ${video}` }).click();
  await expect(consent.getByRole('button', { name: `Registrér samtykke: ${video}` })).toBeVisible();

  // Admitted already: the same CPR number leads to her open admission, not a second one.
  await coordinator.getByRole('navigation').getByRole('link', { name: staffDa.staffNav.intake }).click();
  await coordinator.getByLabel(staffDa.intake.cpr).fill('020439-1234');
  await coordinator.getByRole('button', { name: staffDa.intake.lookup }).click();
  await expect(coordinator.getByRole('alert')).toHaveText(da.errors.EPISODE_ALREADY_OPEN);
  await coordinator.getByRole('link', { name: staffDa.intake.toOpenEpisode }).click();
  await expect(coordinator.getByRole('heading', { level: 1, name: /Gudrun Hansen/ })).toBeVisible();
});
