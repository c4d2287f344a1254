import { expect, type Page } from '@playwright/test';
import { staffDa } from '../../../client/src/i18n/staff.da.ts';
import { planDa } from '../../../client/src/i18n/plan.da.ts';
import { expectNoSeriousA11yViolations } from '../support/a11y.ts';
import { expectMediaFrom } from '../support/guestFlow.ts';
import { recordTest as test } from '../support/guestServer.ts';
import { acceptNextDialog, admitFromLobby, guestToWaitingRoom, joinCall, openConference, planOf, signIn } from '../support/staffFlow.ts';

test.setTimeout(300_000);

const RECEPTION_TASK = 'Modtagebesøg inden for 24 timer efter udskrivelse';

async function agreeAll(parties: ReadonlyArray<readonly [Page, boolean]>): Promise<void> {
  // Staff agree for their organisation ("we"), the patient for herself ("I").
  for (const [page, plain] of parties) await planOf(page, plain).getByRole('button', { name: plain ? planDa.plan.agreeSelf : planDa.plan.agree }).click();
}

test('discharge conference: ward nurse, home nurse, GP and patient agree, revise from the agreed plan and agree again; the reception visit lands on the home nurse’s day', async ({ browser, server }) => {
  const nurse = await signIn(browser, server, 'sygeplejerske@horsens.demo');
  await nurse.getByRole('main').getByRole('link', { name: 'Karen Margrethe Jensen 120338-****' }).first().click();
  await nurse.getByRole('link', { name: staffDa.episode.schedule }).click();

  await nurse.getByLabel(staffDa.schedule.kind).selectOption('discharge_conference');
  await expect(nurse.getByLabel(staffDa.schedule.duration)).toHaveValue('30');
  await expect(nurse.getByRole('checkbox', { name: /Jesper Friis/ })).toBeChecked();
  await expect(nurse.getByRole('checkbox', { name: /Ole Bach/ })).not.toBeChecked();
  await expect(nurse.getByText(/Når videre behandling er uklar: egen læge/)).toBeVisible();
  await nurse.getByRole('checkbox', { name: /Ole Bach/ }).check();
  await nurse.getByRole('checkbox', { name: /Lone Mikkelsen/ }).uncheck();
  await nurse.getByRole('checkbox', { name: /Susanne Jensen/ }).uncheck();
  await nurse.getByRole('button', { name: staffDa.schedule.submit }).click();
  await expect(nurse.getByRole('heading', { level: 1, name: staffDa.schedule.doneHeading })).toBeVisible();
  const karenPath = new URL(await nurse.getByRole('textbox', { name: staffDa.schedule.guestLink.replace('{{name}}', 'Karen Margrethe Jensen') }).inputValue()).pathname;
  await nurse.getByRole('link', { name: staffDa.schedule.openConference }).click();
  const conferenceId = new URL(nurse.url()).pathname.split('/').pop()!;
  await joinCall(nurse);

  const homeNurse = await signIn(browser, server, 'hjemmesygeplejerske@odder.demo');
  await openConference(homeNurse, server, conferenceId);
  await joinCall(homeNurse);
  const gp = await signIn(browser, server, 'laege@rosensgade.demo');
  await openConference(gp, server, conferenceId);
  await joinCall(gp);
  const karen = await guestToWaitingRoom(browser, server, karenPath, 'Karen Margrethe Jensen');
  await admitFromLobby(nurse, 'Karen Margrethe Jensen');
  for (const tile of ['Jesper Friis, Kommune', 'Ole Bach, Egen læge', 'Karen Margrethe Jensen, Patient']) {
    await expect(nurse.getByRole('figure', { name: tile })).toBeVisible({ timeout: 30_000 });
  }
  await expectMediaFrom(karen, 'Ole Bach', { video: true });
  await expectMediaFrom(gp, 'Karen Margrethe Jensen', { video: true });

  // Everyone present agrees to the plan as it stands.
  const parties = [
    [nurse, false],
    [homeNurse, false],
    [gp, false],
    [karen, true],
  ] as const;
  await agreeAll(parties);
  await expect(planOf(nurse).getByText('Aftalt af alle til stede (udgave 1)')).toBeVisible();

  // Revised from the agreed plan: the reception visit, for the home nurse by name.
  const plan = planOf(nurse);
  await plan.getByRole('button', { name: planDa.plan.add.replace('{{section}}', 'opgaver') }).click();
  await plan.getByLabel(planDa.plan.fields.what).fill(RECEPTION_TASK);
  await plan.getByLabel(planDa.plan.fields.responsible_role).selectOption('municipality');
  await plan.getByLabel(planDa.plan.fields.responsible_organisation).fill('Odder Kommune, Hjemmesygeplejen og Visitationen');
  await plan.getByLabel(planDa.plan.fields.responsible_person).fill('Jesper Friis');
  await plan.getByLabel(planDa.plan.fields.due).fill('2026-03-12T12:00');
  await plan.getByRole('button', { name: planDa.plan.addShort, exact: true }).click();
  for (const [page, plain] of parties) {
    await expect(planOf(page, plain).getByText(RECEPTION_TASK)).toBeVisible();
    await expect(planOf(page, plain).getByText('Ændret siden aftalen (aftalt udgave 1)')).toBeVisible();
  }
  await expectNoSeriousA11yViolations(nurse, 'discharge conference, changed since agreement');

  // Agreed again.
  await agreeAll(parties);
  for (const [page, plain] of parties) await expect(planOf(page, plain).getByText('Aftalt af alle til stede (udgave 2)')).toBeVisible();

  acceptNextDialog(nurse);
  await nurse.getByRole('button', { name: staffDa.conference.end }).click();
  await expect(nurse.getByText(staffDa.conference.ended)).toBeVisible();

  // The home nurse's day: the reception visit is hers, with its deadline.
  await homeNurse.getByRole('link', { name: staffDa.staffNav.day }).click();
  const tasks = homeNurse.getByRole('region', { name: staffDa.day.tasksHeading });
  await expect(tasks.getByRole('listitem').filter({ hasText: RECEPTION_TASK })).toContainText('Karen Margrethe Jensen');
  await expect(tasks.getByRole('listitem').filter({ hasText: RECEPTION_TASK })).toContainText('tilbage');
  await expectNoSeriousA11yViolations(homeNurse, 'home nurse day view');

  for (const page of [nurse, homeNurse, gp, karen]) await page.context().close();
});
