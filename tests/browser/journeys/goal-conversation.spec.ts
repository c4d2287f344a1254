import { expect, type Page } from '@playwright/test';
import { staffDa } from '../../../client/src/i18n/staff.da.ts';
import { planDa } from '../../../client/src/i18n/plan.da.ts';
import { expectNoSeriousA11yViolations } from '../support/a11y.ts';
import { expectMediaFrom, PHONE, pressByKeyboard, TABLET } from '../support/guestFlow.ts';
import { recordTest as test } from '../support/guestServer.ts';
import { acceptNextDialog, admitFromLobby, DESKTOP, guestToWaitingRoom, joinCall, openConference, planOf, signIn } from '../support/staffFlow.ts';
import { saveScreenshot } from '../support/screenshots.ts';

test.setTimeout(300_000);

const SEED_TASK = 'Visitation til hjemmepleje før udskrivelse';

async function expectNoSideways(page: Page, where: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${where} scrolls sideways`).toBeLessThanOrEqual(0);
}

test('goal conversation: scheduled for a patient admitted yesterday, held on video with the plan edited by two at once, agreed, ended and on record', async ({ browser, server }) => {
  // The discharge coordinator's day, on desktop, tablet and phone.
  const coordinator = await signIn(browser, server, 'koordinator@horsens.demo');
  const day = coordinator.getByRole('main');
  await expect(day.getByRole('heading', { name: staffDa.day.conferencesHeading })).toBeVisible();
  await expect(day.getByRole('link', { name: 'Målsamtale – Karen Margrethe Jensen' })).toBeVisible();
  await expectNoSeriousA11yViolations(coordinator, 'day view (desktop)');
  for (const [name, size] of [
    ['phone', PHONE],
    ['tablet', TABLET],
  ] as const) {
    await coordinator.setViewportSize(size);
    await expectNoSideways(coordinator, `day view (${name})`);
    await expectNoSeriousA11yViolations(coordinator, `day view (${name})`);
  }
  await coordinator.setViewportSize(DESKTOP);

  // Her patient admitted yesterday: the episode, then a goal conversation with the pathway's defaults.
  await day.getByRole('link', { name: 'Karen Margrethe Jensen 120338-****' }).first().click();
  await expect(coordinator.getByRole('heading', { level: 1, name: /Karen Margrethe Jensen/ })).toBeVisible();
  await expect(coordinator.getByText('120338-****').first()).toBeVisible();
  await expectNoSeriousA11yViolations(coordinator, 'episode page');
  await coordinator.getByRole('link', { name: staffDa.episode.schedule }).click();

  await expect(coordinator.getByLabel(staffDa.schedule.kind)).toHaveValue('goal_conversation');
  await expect(coordinator.getByLabel(staffDa.schedule.duration)).toHaveValue('45');
  await expect(coordinator.getByText('Screeningsscore 34: videoudskrivelseskonference anbefales.')).toBeVisible();
  await expect(coordinator.getByRole('checkbox', { name: /Lone Mikkelsen/ })).toBeChecked();
  await expect(coordinator.getByRole('checkbox', { name: /Invitér patienten/ })).toBeChecked();
  await expect(coordinator.getByRole('checkbox', { name: /Susanne Jensen/ })).toBeChecked();
  await expectNoSeriousA11yViolations(coordinator, 'schedule page');
  await coordinator.getByRole('button', { name: staffDa.schedule.submit }).click();

  await expect(coordinator.getByRole('heading', { level: 1, name: staffDa.schedule.doneHeading })).toBeVisible();
  const linkOf = async (name: string) => new URL(await coordinator.getByRole('textbox', { name: staffDa.schedule.guestLink.replace('{{name}}', name) }).inputValue()).pathname;
  const karenPath = await linkOf('Karen Margrethe Jensen');
  const susannePath = await linkOf('Susanne Jensen');
  await expectNoSeriousA11yViolations(coordinator, 'scheduled');
  await coordinator.getByRole('link', { name: staffDa.schedule.openConference }).click();
  const conferenceId = new URL(coordinator.url()).pathname.split('/').pop()!;
  await joinCall(coordinator);

  // The visitator joins from her own sign-in; patient and daughter from their links, and wait.
  const visitator = await signIn(browser, server, 'visitator@odder.demo');
  await openConference(visitator, server, conferenceId);
  await joinCall(visitator);
  const karen = await guestToWaitingRoom(browser, server, karenPath, 'Karen Margrethe Jensen');
  const susanne = await guestToWaitingRoom(browser, server, susannePath, 'Susanne Jensen');

  await expectNoSeriousA11yViolations(coordinator, 'conference with the lobby');
  // The first one in by keyboard alone.
  await expect(coordinator.getByRole('button', { name: 'Luk Karen Margrethe Jensen ind' })).toBeVisible({ timeout: 20_000 });
  await coordinator.locator('body').focus();
  await pressByKeyboard(coordinator, 'Luk Karen Margrethe Jensen ind');
  await expect(coordinator.getByRole('button', { name: 'Luk Karen Margrethe Jensen ind' })).toHaveCount(0);
  await admitFromLobby(coordinator, 'Susanne Jensen');

  // Everyone sees and hears everyone, each tile with name and role.
  for (const tile of ['Lone Mikkelsen, Kommune', 'Karen Margrethe Jensen, Patient', 'Susanne Jensen, Pårørende']) {
    await expect(coordinator.getByRole('figure', { name: tile })).toBeVisible({ timeout: 30_000 });
  }
  await expectMediaFrom(coordinator, 'Karen Margrethe Jensen', { video: true });
  await expectMediaFrom(coordinator, 'Lone Mikkelsen', { video: true });
  await expectMediaFrom(karen, 'Hanne Bech', { video: true });
  await expectMediaFrom(susanne, 'Lone Mikkelsen', { video: true });
  await expectMediaFrom(visitator, 'Susanne Jensen', { video: true });

  // A second task, then coordinator and visitator each edit a different task at the same moment.
  const coordinatorPlan = planOf(coordinator);
  const visitatorPlan = planOf(visitator);
  await coordinatorPlan.getByRole('button', { name: planDa.plan.add.replace('{{section}}', 'opgaver') }).click();
  await coordinatorPlan.getByLabel(planDa.plan.fields.what).fill('Genoptræningsplan før udskrivelse');
  await coordinatorPlan.getByLabel(planDa.plan.fields.responsible_organisation).fill('Medicinsk Afdeling M2');
  await coordinatorPlan.getByLabel(planDa.plan.fields.responsible_person).fill('Hanne Bech');
  await coordinatorPlan.getByRole('button', { name: planDa.plan.addShort, exact: true }).click();
  await expect(visitatorPlan.getByText('Genoptræningsplan før udskrivelse')).toBeVisible();

  await coordinatorPlan.getByRole('button', { name: 'Ret Genoptræningsplan før udskrivelse' }).click();
  await visitatorPlan.getByRole('button', { name: `Ret ${SEED_TASK}` }).click();
  await expect(coordinatorPlan.getByText('Lone Mikkelsen redigerer')).toBeVisible();
  await expect(visitatorPlan.getByText('Hanne Bech redigerer')).toBeVisible();
  await coordinatorPlan.getByLabel(planDa.plan.fields.what).fill('Genoptræningsplan sendes til Odder Kommune');
  await visitatorPlan.getByLabel(planDa.plan.fields.what).fill('Hjemmepleje morgen og aften fra udskrivelsesdagen');
  await Promise.all([
    coordinatorPlan.getByRole('button', { name: planDa.plan.save }).click(),
    visitatorPlan.getByRole('button', { name: planDa.plan.save }).click(),
  ]);
  for (const [page, plain] of [
    [coordinator, false],
    [visitator, false],
    [karen, true],
    [susanne, true],
  ] as const) {
    const plan = planOf(page, plain);
    await expect(plan.getByText('Genoptræningsplan sendes til Odder Kommune')).toBeVisible();
    await expect(plan.getByText('Hjemmepleje morgen og aften fra udskrivelsesdagen')).toBeVisible();
    await expect(plan.getByText(SEED_TASK)).toHaveCount(0);
  }
  await expect(coordinatorPlan.getByText(/redigerer/)).toHaveCount(0);

  // Patient and daughter each agree for herself, then the hospital and the municipality.
  await planOf(karen, true).getByRole('button', { name: planDa.plan.agreeSelf }).click();
  await expect(planOf(karen, true).getByText(planDa.plan.youAgreedSelf)).toBeVisible();
  await expect(coordinatorPlan.getByText('Mangler: Hospital, Kommune, Susanne Jensen (pårørende)', { exact: true })).toBeVisible();
  await planOf(susanne, true).getByRole('button', { name: planDa.plan.agreeSelf }).click();
  await expect(coordinatorPlan.getByText('Mangler: Hospital, Kommune', { exact: true })).toBeVisible();
  await coordinatorPlan.getByRole('button', { name: planDa.plan.agree }).click();
  await visitatorPlan.getByRole('button', { name: planDa.plan.agree }).click();
  await expect(coordinatorPlan.getByText(/Aftalt af alle til stede \(udgave \d+\)/)).toBeVisible();
  await expectNoSeriousA11yViolations(coordinator, 'conference in the call');
  await saveScreenshot(coordinator, 'staff-conference');

  // The coordinator ends it for everyone.
  acceptNextDialog(coordinator);
  await coordinator.getByRole('button', { name: staffDa.conference.end }).click();
  await expect(coordinator.getByText(staffDa.conference.ended)).toBeVisible();

  // On record: the agreed revision, and who took part.
  await coordinator.getByRole('link', { name: staffDa.conference.toEpisode }).click();
  const conferences = coordinator.getByRole('region', { name: staffDa.episode.conferencesHeading });
  const held = conferences.getByRole('listitem').filter({ hasText: staffDa.episode.agreedInConference });
  await expect(held).toHaveCount(1);
  for (const name of ['Hanne Bech', 'Lone Mikkelsen', 'Karen Margrethe Jensen', 'Susanne Jensen']) await expect(held).toContainText(name);
  const revisions = coordinator.getByRole('region', { name: staffDa.episode.planHeading });
  await expect(revisions.getByRole('listitem').filter({ hasText: staffDa.episode.agreedTag }).first()).toContainText('Målsamtale');
  await expect(revisions.getByText(/Aftalt af alle til stede/)).toBeVisible();
  await expectNoSeriousA11yViolations(coordinator, 'episode page after the conference');
  // The page scrolls inside its main area: a tall window shows the plan, its revisions and the conferences in one picture.
  await coordinator.setViewportSize({ width: 1440, height: 2200 });
  await saveScreenshot(coordinator, 'staff-episode');
  await coordinator.setViewportSize(DESKTOP);

  // Back on her day, with the plan's task for her organisation.
  await coordinator.getByRole('link', { name: staffDa.staffNav.day }).click();
  await expect(coordinator.getByRole('region', { name: staffDa.day.tasksHeading })).toContainText('Genoptræningsplan sendes til Odder Kommune');
  await coordinator.setViewportSize({ width: 1440, height: 1500 });
  await saveScreenshot(coordinator, 'staff-day');

  for (const page of [coordinator, visitator, karen, susanne]) await page.context().close();
});
