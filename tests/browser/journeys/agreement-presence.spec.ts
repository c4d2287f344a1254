import { type Browser, expect, type Page } from '@playwright/test';
import { staffDa } from '../../../client/src/i18n/staff.da.ts';
import { planDa } from '../../../client/src/i18n/plan.da.ts';
import { expectMediaFrom, goalConversation } from '../support/guestFlow.ts';
import { type GuestServer, recordTest as test } from '../support/guestServer.ts';
import { admitFromLobby, agreementOf, guestToWaitingRoom, joinCall, openConference, planOf, signIn } from '../support/staffFlow.ts';

// "Agreed by all present" is about who is present: when the patient comes
// into the call, every open plan panel says the same thing about agreement,
// at once, whoever opened their panel first. The patient and her daughter
// each give their own word: the daughter's yes does not answer for her mother.

test.setTimeout(240_000);

/** Well within what a person notices; the server pushes the change when she enters the call. */
const AT_ONCE = { timeout: 2_000 };

/** The coordinator in Karen's goal conversation, nobody else in the call yet. */
async function coordinatorAloneInTheCall(browser: Browser, server: GuestServer): Promise<{ coordinator: Page; episodeId: string }> {
  const { conference } = await goalConversation(server);
  const coordinator = await signIn(browser, server, 'koordinator@horsens.demo');
  await openConference(coordinator, server, conference.id);
  await joinCall(coordinator);
  await expect(agreementOf(coordinator)).toContainText(planDa.agreement.not_agreed);
  await expect(agreementOf(coordinator)).toContainText('Mangler: Hospital');
  return { coordinator, episodeId: conference.episodeId };
}

/** Karen from her link, let in, and seeing and seen on video. */
async function patientInTheCall(browser: Browser, server: GuestServer, coordinator: Page): Promise<Page> {
  const karen = await guestToWaitingRoom(browser, server, server.guestLinks[0]!.path, 'Karen Margrethe Jensen');
  await admitFromLobby(coordinator, 'Karen Margrethe Jensen');
  await expectMediaFrom(coordinator, 'Karen Margrethe Jensen', { video: true });
  await expectMediaFrom(karen, 'Hanne Bech', { video: true });
  return karen;
}

test('the coordinator agreed alone; when the patient comes into the call both panels say it is not agreed yet and the patient is missing', async ({ browser, server }) => {
  const { coordinator, episodeId } = await coordinatorAloneInTheCall(browser, server);
  await planOf(coordinator).getByRole('button', { name: planDa.plan.agree }).click();
  await expect(agreementOf(coordinator)).toContainText(/Aftalt af alle til stede \(udgave \d+\)/);

  const karen = await patientInTheCall(browser, server, coordinator);
  for (const panel of [agreementOf(coordinator), agreementOf(karen, true)]) {
    await expect(panel).toContainText(planDa.agreement.not_agreed, AT_ONCE);
    await expect(panel).toContainText('Mangler: Patienten', AT_ONCE);
    await expect(panel).not.toContainText('Hospital');
  }
  expect(await agreementOf(coordinator).innerText()).toBe(await agreementOf(karen, true).innerText());

  // She says yes too: agreed by everyone there, and the episode page keeps who was there and who said yes.
  await planOf(karen, true).getByRole('button', { name: planDa.plan.agreeSelf }).click();
  for (const panel of [agreementOf(coordinator), agreementOf(karen, true)]) await expect(panel).toContainText(/Aftalt af alle til stede \(udgave \d+\)/, AT_ONCE);
  await coordinator.goto(`${server.url}/episodes/${episodeId}`);
  const held = coordinator.getByRole('region', { name: staffDa.episode.conferencesHeading }).getByRole('listitem').filter({ hasText: staffDa.episode.agreedInConference });
  await expect(held).toContainText(/Til stede da udgave \d+ blev aftalt: Hanne Bech \([^)]+\), Karen Margrethe Jensen \(Patient\)/);
  await expect(held).toContainText(/Sagde ja: Hospital: Hanne Bech, .+; Patienten: Karen Margrethe Jensen, /);

  for (const page of [coordinator, karen]) await page.context().close();
});

test('nobody has agreed yet; when the patient comes into the call both panels miss the same parties', async ({ browser, server }) => {
  const { coordinator } = await coordinatorAloneInTheCall(browser, server);
  const karen = await patientInTheCall(browser, server, coordinator);
  for (const panel of [agreementOf(coordinator), agreementOf(karen, true)]) {
    await expect(panel).toContainText(planDa.agreement.not_agreed, AT_ONCE);
    await expect(panel).toContainText('Mangler: Patienten, Hospital', AT_ONCE);
  }
  expect(await agreementOf(coordinator).innerText()).toBe(await agreementOf(karen, true).innerText());

  for (const page of [coordinator, karen]) await page.context().close();
});

test('the patient and her daughter each agree for herself, and the episode page shows both', async ({ browser, server }) => {
  const { coordinator, episodeId } = await coordinatorAloneInTheCall(browser, server);
  const karen = await patientInTheCall(browser, server, coordinator);
  const susanne = await guestToWaitingRoom(browser, server, server.guestLinks[1]!.path, 'Susanne Jensen');
  await admitFromLobby(coordinator, 'Susanne Jensen');
  await expectMediaFrom(coordinator, 'Susanne Jensen', { video: true });
  for (const panel of [agreementOf(coordinator), agreementOf(karen, true), agreementOf(susanne, true)]) {
    await expect(panel).toContainText('Mangler: Patienten, Hospital, Susanne Jensen (pårørende)', AT_ONCE);
  }

  await planOf(coordinator).getByRole('button', { name: planDa.plan.agree }).click();
  // The daughter says yes: hers only. Her mother is still asked.
  await planOf(susanne, true).getByRole('button', { name: planDa.plan.agreeSelf }).click();
  await expect(planOf(susanne, true).locator('.plan-agreed-you')).toContainText(planDa.plan.youAgreedSelf);
  for (const panel of [agreementOf(coordinator), agreementOf(karen, true), agreementOf(susanne, true)]) {
    await expect(panel).toContainText(planDa.agreement.not_agreed, AT_ONCE);
    await expect(panel).toContainText('Mangler: Patienten', AT_ONCE);
    await expect(panel).not.toContainText('Susanne');
  }
  // No way for her to answer for her mother: the record does not name her a representative.
  await expect(planOf(susanne, true).locator('.plan-agree-on-behalf')).toHaveCount(0);

  await planOf(karen, true).getByRole('button', { name: planDa.plan.agreeSelf }).click();
  for (const panel of [agreementOf(coordinator), agreementOf(karen, true), agreementOf(susanne, true)]) {
    await expect(panel).toContainText(/Aftalt af alle til stede \(udgave \d+\)/, AT_ONCE);
  }

  await coordinator.goto(`${server.url}/episodes/${episodeId}`);
  const held = coordinator.getByRole('region', { name: staffDa.episode.conferencesHeading }).getByRole('listitem').filter({ hasText: staffDa.episode.agreedInConference });
  await expect(held).toContainText(/Sagde ja: .*Patienten: Karen Margrethe Jensen, [^;]+; Susanne Jensen \(pårørende\), /);

  for (const page of [coordinator, karen, susanne]) await page.context().close();
});
