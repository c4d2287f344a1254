import { expect } from '@playwright/test';
import { guestDa } from '../../client/src/i18n/guest.da.ts';
import { expectNoSeriousA11yViolations } from './support/a11y.ts';
import { openGuest, PHONE } from './support/guestFlow.ts';
import { SCENARIO_NOW, recordTest as test, type GuestServer } from './support/guestServer.ts';
import { saveScreenshot } from './support/screenshots.ts';

const DAY = 86_400_000;

/** Ella, home five days, gets a link to a follow-up visit three days from now. */
async function ellasFollowUpLink(server: GuestServer): Promise<string> {
  const nurse = await server.staff('hjemmesygeplejerske@odder.demo');
  const { episodes } = await nurse.get<{ episodes: { id: string; patient: { name: string } }[] }>('/episodes');
  const ella = episodes.find((episode) => episode.patient.name === 'Ella Sørensen');
  if (!ella) throw new Error('no episode for Ella');
  const { conference } = await nurse.post<{ conference: { id: string } }>(`/episodes/${ella.id}/conferences`, {
    kind: 'follow_up',
    scheduledStart: new Date(SCENARIO_NOW.getTime() + 3 * DAY).toISOString(),
  });
  const { joinLink } = await nurse.post<{ joinLink: { path: string } }>(`/conferences/${conference.id}/participants`, { kind: 'patient' });
  return joinLink.path;
}

test('after discharge the link asks the geriatric team with the time left, and after the 7 days says when it closed and whom to call', async ({ browser, server }) => {
  const path = await ellasFollowUpLink(server);
  const page = await openGuest(browser, server, path, { viewport: PHONE });

  // Day 5 after discharge (discharged Thursday 5 March 11:00): open until Thursday 12 March 11:00.
  await expect(page.getByRole('heading', { level: 1, name: guestDa.advice.heading })).toBeVisible();
  await expect(page.getByText('Du kan spørge indtil torsdag 12. marts kl. 11.00. Der er 1 dag og 23 timer tilbage.')).toBeVisible();
  await page.getByLabel(guestDa.advice.phone).check();
  await page.getByLabel(guestDa.advice.phoneLabel).fill('+45 86 54 32 10');
  await page.getByLabel(guestDa.advice.questionLabel).fill('Jeg er svimmel, når jeg rejser mig. Skal jeg tage den nye vandpille i dag?');
  await page.getByLabel(guestDa.advice.urgent).check();
  await expectNoSeriousA11yViolations(page, 'advice form');
  await page.locator('#main').evaluate((main) => main.scrollTo(0, 0));
  await saveScreenshot(page, 'guest-advice');
  await page.getByRole('button', { name: guestDa.advice.send }).click();

  await expect(page.getByRole('heading', { level: 1, name: guestDa.advice.sentHeading })).toBeVisible();
  await expect(page.getByText('Teamet ringer til dig på +45 86 54 32 10.')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'advice sent');
  const geriatrician = await server.staff('geriater@horsens.demo');
  const { adviceRequests } = await geriatrician.get<{ adviceRequests: { question: string; requestedBy: string; urgency: string }[] }>('/advice-requests');
  expect(adviceRequests).toContainEqual(
    expect.objectContaining({ question: 'Jeg er svimmel, når jeg rejser mig. Skal jeg tage den nye vandpille i dag?', requestedBy: 'patient', urgency: 'urgent' }),
  );

  // Day 7, half an hour after the window closed: the same link says so, and whom to call instead.
  server.clock.set(new Date('2026-03-12T10:30:00Z'));
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: guestDa.advice.closedHeading })).toBeVisible();
  await expect(page.getByText('De 7 dage med rådgivning sluttede torsdag 12. marts kl. 11.00.')).toBeVisible();
  for (const contact of [guestDa.advice.gp, guestDa.advice.out_of_hours_doctor, guestDa.advice.medical_helpline_1813, guestDa.advice.emergency]) {
    await expect(page.getByText(contact)).toBeVisible();
  }
  await expect(page.getByRole('button', { name: guestDa.advice.send })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, 'advice closed');
  await saveScreenshot(page, 'guest-advice-closed');

  // The plan on paper: only the plan, in plain words, with her name and the date of printing.
  await page.evaluate(() => {
    window.print = () => document.body.setAttribute('data-printed', 'yes');
  });
  await page.getByRole('button', { name: guestDa.call.print }).click();
  await expect(page.locator('body')).toHaveAttribute('data-printed', 'yes');
  await page.emulateMedia({ media: 'print' });
  const paper = page.locator('.printable-plan');
  await expect(paper.getByRole('heading', { level: 1, name: 'Plan for Ella Sørensen' })).toBeVisible();
  await expect(paper.getByText(/^Udskrevet \p{L}+dag \d+\. \p{L}+$/u)).toBeVisible();
  await expect(paper.getByRole('heading', { name: guestDa.plan.wishes })).toBeVisible();
  await expect(paper.getByText('Vil ikke genoplives ved hjertestop', { exact: false })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: guestDa.advice.closedHeading })).toBeHidden();
  if (process.env.GUEST_PRINT_PDF) await page.pdf({ path: process.env.GUEST_PRINT_PDF, format: 'A4', printBackground: true });
  await page.context().close();
});

test('the link of a meeting that is over opens "ask the geriatric team" while the 7 days after discharge last', async ({ browser, server }) => {
  const nurse = await server.staff('hjemmesygeplejerske@odder.demo');
  const { episodes } = await nurse.get<{ episodes: { id: string; patient: { name: string } }[] }>('/episodes');
  const ella = episodes.find((episode) => episode.patient.name === 'Ella Sørensen');
  if (!ella) throw new Error('no episode for Ella');
  const { conference } = await nurse.post<{ conference: { id: string } }>(`/episodes/${ella.id}/conferences`, { kind: 'follow_up' });
  const { joinLink } = await nurse.post<{ joinLink: { path: string } }>(`/conferences/${conference.id}/participants`, { kind: 'patient' });
  await nurse.post(`/conferences/${conference.id}/end`);

  server.clock.set(new Date(SCENARIO_NOW.getTime() + 2 * 3_600_000));
  const page = await openGuest(browser, server, joinLink.path, { viewport: PHONE });
  await expect(page.getByRole('heading', { level: 1, name: guestDa.advice.heading })).toBeVisible();
  await expect(page.getByText('Du kan spørge indtil torsdag 12. marts kl. 11.00.', { exact: false })).toBeVisible();
  await expect(page.getByRole('button', { name: guestDa.call.toMeeting })).toHaveCount(0);
});
