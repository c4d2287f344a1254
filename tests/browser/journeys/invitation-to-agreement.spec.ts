import { expect } from '@playwright/test';
import { guestDa } from '../../../client/src/i18n/guest.da.ts';
import { planDa } from '../../../client/src/i18n/plan.da.ts';
import { staffDa } from '../../../client/src/i18n/staff.da.ts';
import { joinPathIn } from '../../support/messageSinks.ts';
import { adviceCard, askForVideoCallBack, callBackByVideo, followUpLink } from '../support/adviceFlow.ts';
import { expectMediaFrom, openGuest, PHONE } from '../support/guestFlow.ts';
import { messagesTest as test } from '../support/guestServer.ts';
import { watchReads } from '../support/pageReads.ts';
import { admitFromLobby, agreementOf, guestToWaitingRoom, joinCall, onToWaitingRoom, openConference, planOf, scheduleDischargeConference, signIn } from '../support/staffFlow.ts';

// Issue 13 end to end, as the people in it live it: the invitations reach
// Karen's phone and her daughter's inbox, the daughter's link brings her into
// the lobby the coordinator is looking at, the reminder comes an hour before,
// each of them agrees for herself, and after the discharge the team's video
// call-back rings on the daughter's open page.

test.setTimeout(360_000);

const KAREN = 'Karen Margrethe Jensen';
const KAREN_PHONE = '+4586541234';
const SUSANNE = 'Susanne Jensen';
const SUSANNE_EMAIL = 'susanne.jensen@example.dk';
// Wednesday 10:00 in Copenhagen (winter time), the day after the scenario's Tuesday noon.
const START_LOCAL = '2026-03-11T10:00';
const START = new Date('2026-03-11T09:00:00Z');
const DISCHARGED = new Date('2026-03-11T11:00:00Z');
/** Friday: day 2 after the discharge, the advice window open. */
const DAY_2 = new Date('2026-03-13T10:00:00Z');
const QUESTION = 'Min mor er mere forpustet i dag og har taget 2 kilo på. Skal hun tage en ekstra vanddrivende pille?';
/** Well within what a person notices; the server pushes each change. */
const AT_ONCE = { timeout: 2_000 };

test('from invitation to agreement: text message and e-mail arrive, the daughter’s link puts her in the live lobby, the reminder comes, patient and daughter each agree, and after discharge the video call-back rings on the daughter’s open page', async ({ browser, server, sinks }) => {
  const coordinator = await signIn(browser, server, 'koordinator@horsens.demo');
  await scheduleDischargeConference(coordinator, { patient: KAREN, relative: SUSANNE, startLocal: START_LOCAL });

  // Karen's text message and Susanne's e-mail, at the test's own gateway and mail server.
  const karenSms = await sinks.sms.waitFor((sms) => sms.to === KAREN_PHONE && sms.text.includes('Du er inviteret'));
  const susanneMail = await sinks.smtp.waitFor((email) => email.to.includes(SUSANNE_EMAIL) && email.subject.startsWith('Invitation'));
  const karenPath = joinPathIn(karenSms.text);
  const susannePath = joinPathIn(susanneMail.text);

  const conferenceId = new URL(await coordinator.getByRole('link', { name: staffDa.schedule.openConference }).getAttribute('href') ?? '', server.url).pathname.split('/').pop()!;
  await coordinator.context().close();

  // An hour before the start the reminders come, with the same links.
  expect(sinks.sms.received.filter((sms) => sms.text.includes('Husk'))).toEqual([]);
  server.clock.set(new Date(START.getTime() - 59 * 60_000));
  server.samplan.delivery.kick();
  const reminder = await sinks.sms.waitFor((sms) => sms.to === KAREN_PHONE && sms.text.includes('Husk videomøde'));
  expect(joinPathIn(reminder.text)).toBe(karenPath);
  const mailReminder = await sinks.smtp.waitFor((email) => email.to.includes(SUSANNE_EMAIL) && email.subject.startsWith('Påmindelse'));
  expect(joinPathIn(mailReminder.text)).toBe(susannePath);

  // On Wednesday morning the coordinator signs in again and opens the conference: its lobby, loaded once, then quiet.
  const host = await signIn(browser, server, 'koordinator@horsens.demo');
  await openConference(host, server, conferenceId);
  await expect(host.getByRole('region', { name: staffDa.messages.heading })).toBeVisible();
  const reads = watchReads(host);
  const admitSusanne = host.getByRole('button', { name: staffDa.conference.admit.replace('{{name}}', SUSANNE) });
  await host.waitForTimeout(3_000);
  expect(reads).toEqual([]);
  await expect(admitSusanne).toHaveCount(0);

  // Susanne opens the link from her e-mail: the lobby shows her within a second, by a push.
  const susanne = await openGuest(browser, server, '/');
  const joined = susanne.waitForResponse((response) => response.request().method() === 'POST' && new URL(response.url()).pathname.startsWith('/api/join/'));
  await susanne.goto(`${server.url}${susannePath}`);
  expect((await joined).status()).toBe(200);
  await expect(admitSusanne).toBeVisible({ timeout: 1_000 });
  await expect(susanne.getByRole('heading', { level: 1, name: guestDa.camera.heading })).toBeVisible();
  const settledAt = Date.now();
  await host.waitForTimeout(3_000);
  expect(reads.filter((read) => read.at >= settledAt)).toEqual([]);
  expect(reads.map((read) => read.path)).toContain(`/api/conferences/${conferenceId}`);

  // She checks her camera and sound and waits; the coordinator goes into the call and lets her in, then Karen from her text message.
  await joinCall(host);
  await onToWaitingRoom(susanne, SUSANNE);
  await admitFromLobby(host, SUSANNE);
  const karen = await guestToWaitingRoom(browser, server, karenPath, KAREN);
  await admitFromLobby(host, KAREN);
  await expectMediaFrom(host, KAREN, { video: true });
  await expectMediaFrom(host, SUSANNE, { video: true });

  // Each says yes for herself: the daughter's yes leaves her mother asked.
  await planOf(host).getByRole('button', { name: planDa.plan.agree }).click();
  await planOf(susanne, true).getByRole('button', { name: planDa.plan.agreeSelf }).click();
  for (const panel of [agreementOf(host), agreementOf(karen, true), agreementOf(susanne, true)]) {
    await expect(panel).toContainText('Mangler: Patienten', AT_ONCE);
  }
  await planOf(karen, true).getByRole('button', { name: planDa.plan.agreeSelf }).click();
  for (const panel of [agreementOf(host), agreementOf(karen, true), agreementOf(susanne, true)]) {
    await expect(panel).toContainText(/Aftalt af alle til stede \(udgave \d+\)/, AT_ONCE);
  }
  const { conference } = await (await server.staff('koordinator@horsens.demo')).get<{ conference: { episodeId: string } }>(`/conferences/${conferenceId}`);
  const episodeId = conference.episodeId;
  await host.goto(`${server.url}/episodes/${episodeId}`);
  const held = host.getByRole('region', { name: staffDa.episode.conferencesHeading }).getByRole('listitem').filter({ hasText: staffDa.episode.agreedInConference });
  await expect(held).toContainText(/Sagde ja: .*Patienten: Karen Margrethe Jensen, [^;]+; Susanne Jensen \(pårørende\), /);
  for (const page of [karen, susanne]) await page.context().close();

  // Karen goes home; on day 2 Susanne's link to the follow-up visit opens on asking the geriatric team.
  server.clock.set(new Date(DISCHARGED.getTime() + 30 * 60_000));
  const ward = await server.staff('sygeplejerske@horsens.demo');
  await ward.post(`/episodes/${episodeId}/discharge`, { dischargedAt: DISCHARGED.toISOString(), destination: 'home' });
  server.clock.set(DAY_2);
  const { path } = await followUpLink(server, { homeNurse: 'hjemmesygeplejerske@odder.demo', patient: KAREN, relative: SUSANNE, start: new Date(DAY_2.getTime() + 3 * 86_400_000) });
  const asking = await openGuest(browser, server, path, { viewport: PHONE });
  await askForVideoCallBack(asking, { phone: '+45 20 30 40 50', question: QUESTION });

  // The geriatrician calls her back by video: her open page rings, and one tap brings her in.
  const geriatrician = await signIn(browser, server, 'geriater@horsens.demo');
  const card = await adviceCard(geriatrician, QUESTION);
  await expect(card).toContainText(`Fra ${SUSANNE} (pårørende)`);
  await card.getByRole('button', { name: staffDa.advice.take }).click();
  const ringing = await callBackByVideo(geriatrician, card, { page: asking, name: SUSANNE });
  await ringing.getByRole('button', { name: guestDa.callBack.answer }).click();
  await expectMediaFrom(geriatrician, SUSANNE, { video: true });

  for (const page of [host, asking, geriatrician]) await page.context().close();
});
