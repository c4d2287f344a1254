import { test as base, expect } from '@playwright/test';
import { guestDa } from '../../../client/src/i18n/guest.da.ts';
import { staffDa } from '../../../client/src/i18n/staff.da.ts';
import { joinPathIn, type MessageSinks, startMessageSinks } from '../../support/messageSinks.ts';
import { expectNoSeriousA11yViolations } from '../support/a11y.ts';
import { openGuest } from '../support/guestFlow.ts';
import { type GuestServer, startGuestServer } from '../support/guestServer.ts';
import { signIn } from '../support/staffFlow.ts';

/** Samplan on the demo record, sending through a real SMTP server and SMS gateway on 127.0.0.1. */
const test = base.extend<{ sinks: MessageSinks; server: GuestServer }>({
  sinks: async ({}, use) => {
    const sinks = await startMessageSinks();
    await use(sinks);
    await sinks.close();
  },
  server: async ({ sinks }, use) => {
    const server = await startGuestServer({ config: sinks.config });
    await use(server);
    await server.close();
  },
});

test.setTimeout(180_000);

const KAREN = 'Karen Margrethe Jensen';
const SUSANNE_EMAIL = 'susanne.jensen@example.dk';
const KAREN_PHONE = '+4586541234';
// Tomorrow 10:00 in Copenhagen (winter time) from the scenario's Tuesday noon.
const START_LOCAL = '2026-03-11T10:00';
const START = new Date('2026-03-11T09:00:00Z');

test('invitations: the coordinator schedules; Karen’s text message and her daughter’s e-mail arrive, the daughter’s link opens the device check, staff see them sent, and the reminder comes an hour before', async ({ browser, server, sinks }) => {
  const coordinator = await signIn(browser, server, 'koordinator@horsens.demo');
  await coordinator.getByRole('main').getByRole('link', { name: `${KAREN} 120338-****` }).first().click();
  await coordinator.getByRole('link', { name: staffDa.episode.schedule }).click();
  await coordinator.getByLabel(staffDa.schedule.kind).selectOption('discharge_conference');
  await coordinator.getByLabel(staffDa.schedule.start).fill(START_LOCAL);
  await expect(coordinator.getByRole('checkbox', { name: staffDa.schedule.invitePatient.replace('{{name}}', KAREN) })).toBeChecked();
  await expect(coordinator.getByRole('checkbox', { name: /Susanne Jensen/ })).toBeChecked();
  await coordinator.getByRole('button', { name: staffDa.schedule.submit }).click();
  await expect(coordinator.getByRole('heading', { level: 1, name: staffDa.schedule.doneHeading })).toBeVisible();
  await expect(coordinator.getByText(staffDa.schedule.sentNote)).toBeVisible();
  const shownPath = new URL(await coordinator.getByRole('textbox', { name: staffDa.schedule.guestLink.replace('{{name}}', 'Susanne Jensen') }).inputValue()).pathname;

  // The patient's text message and the daughter's e-mail, at the test's own gateway and mail server.
  const karenSms = await sinks.sms.waitFor((sms) => sms.to === KAREN_PHONE);
  expect(karenSms.text).toContain('Du er inviteret til videomøde onsdag den 11. marts 2026 kl. 10.00');
  const daughterMail = await sinks.smtp.waitFor((email) => email.to.includes(SUSANNE_EMAIL));
  expect(daughterMail.subject).toBe('Invitation til videomøde onsdag den 11. marts 2026 kl. 10.00');
  expect(daughterMail.attachments.map((attachment) => attachment.contentType)).toEqual(['text/calendar']);
  const daughterPath = joinPathIn(daughterMail.text);
  expect(daughterPath).toBe(shownPath);
  expect(daughterMail.text).toContain(`${server.url}${daughterPath}`);

  // The daughter opens the link from her e-mail and reaches the device check.
  const daughter = await openGuest(browser, server, daughterPath);
  await expect(daughter.getByRole('heading', { level: 1, name: guestDa.camera.heading })).toBeVisible();

  // The coordinator sees on the conference page that both went.
  await coordinator.getByRole('link', { name: staffDa.schedule.openConference }).click();
  const messages = coordinator.getByRole('region', { name: staffDa.messages.heading });
  const row = (name: string, channel: string) => messages.getByRole('row').filter({ hasText: name }).filter({ hasText: staffDa.messages.purpose.invitation }).filter({ hasText: channel });
  await expect(async () => {
    await messages.getByRole('button', { name: staffDa.messages.refresh }).click();
    await expect(row(KAREN, KAREN_PHONE)).toContainText('Sendt', { timeout: 1_000 });
    await expect(row('Susanne Jensen', SUSANNE_EMAIL)).toContainText('Sendt', { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(messages.getByRole('row').filter({ hasText: staffDa.messages.purpose.reminder }).filter({ hasText: KAREN_PHONE })).toContainText('Sendes');
  await expectNoSeriousA11yViolations(coordinator, 'conference page with invitations and reminders');

  // No reminder yet; an hour before the start it arrives, with the same link.
  expect(sinks.sms.received.filter((sms) => sms.text.includes('Husk'))).toEqual([]);
  server.clock.set(new Date(START.getTime() - 59 * 60_000));
  const reminder = await sinks.sms.waitFor((sms) => sms.to === KAREN_PHONE && sms.text.includes('Husk videomøde'));
  expect(joinPathIn(reminder.text)).toBe(joinPathIn(karenSms.text));
  await sinks.smtp.waitFor((email) => email.to.includes(SUSANNE_EMAIL) && email.subject.startsWith('Påmindelse'));

  for (const page of [coordinator, daughter]) await page.context().close();
});
