import { expect } from '@playwright/test';
import { guestDa } from '../../../client/src/i18n/guest.da.ts';
import { staffDa } from '../../../client/src/i18n/staff.da.ts';
import { joinPathIn } from '../../support/messageSinks.ts';
import { expectNoSeriousA11yViolations } from '../support/a11y.ts';
import { openGuest } from '../support/guestFlow.ts';
import { messagesTest as test } from '../support/guestServer.ts';
import { scheduleDischargeConference, signIn } from '../support/staffFlow.ts';

test.setTimeout(180_000);

const KAREN = 'Karen Margrethe Jensen';
const SUSANNE_EMAIL = 'susanne.jensen@example.dk';
const KAREN_PHONE = '+4586541234';
// Tomorrow 10:00 in Copenhagen (winter time) from the scenario's Tuesday noon.
const START_LOCAL = '2026-03-11T10:00';
const START = new Date('2026-03-11T09:00:00Z');

test('invitations: the coordinator schedules; Karen’s text message and her daughter’s e-mail arrive, the daughter’s link opens the device check, staff see them sent, and the reminder comes an hour before', async ({ browser, server, sinks }) => {
  const coordinator = await signIn(browser, server, 'koordinator@horsens.demo');
  await scheduleDischargeConference(coordinator, { patient: KAREN, relative: 'Susanne Jensen', startLocal: START_LOCAL });
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
