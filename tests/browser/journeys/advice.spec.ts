import { expect } from '@playwright/test';
import { guestDa } from '../../../client/src/i18n/guest.da.ts';
import { staffDa } from '../../../client/src/i18n/staff.da.ts';
import { expectNoSeriousA11yViolations } from '../support/a11y.ts';
import { adviceCard, askForVideoCallBack, callBackByVideo, followUpLink } from '../support/adviceFlow.ts';
import { expectMediaFrom, openGuest, PHONE } from '../support/guestFlow.ts';
import { recordTest as test } from '../support/guestServer.ts';
import { signIn } from '../support/staffFlow.ts';

test.setTimeout(300_000);

/** Poul was discharged on Tuesday 10 March at 10:00; the advice window closes Tuesday 17 March at 10:00. */
const DAY_3 = new Date('2026-03-13T10:00:00Z');
const DAY_8 = new Date('2026-03-18T10:00:00Z');
const QUESTION = 'Min mand er mere forpustet i dag og har taget 2 kilo på siden i går. Skal han tage en ekstra vanddrivende pille?';

test('advice: on day 3 a relative asks, the geriatrician takes it, calls back by video (it rings on her open page, one tap and she is in) and writes ISBAR; on day 8 a new request is refused with when the window closed', async ({ browser, server }) => {
  server.clock.set(DAY_3);
  // Poul's wife Inge gets a link to his follow-up visit, after day 8 so the same link still opens when the window has closed.
  const { path, episodeId } = await followUpLink(server, {
    homeNurse: 'hjemmesygeplejerske@skanderborg.demo',
    patient: 'Poul Erik Nielsen',
    relative: 'Inge Nielsen',
    start: new Date(DAY_8.getTime() + 86_400_000),
  });

  // Inge asks from her link, for a video call.
  const asking = await openGuest(browser, server, path, { viewport: PHONE });
  await askForVideoCallBack(asking, { phone: '+45 20 30 40 50', question: QUESTION });

  // The geriatrician finds it in the queue with the time left of the window.
  const geriatrician = await signIn(browser, server, 'geriater@horsens.demo');
  const card = await adviceCard(geriatrician, QUESTION);
  await expect(card).toContainText('Poul Erik Nielsen');
  await expect(card).toContainText('Fra Inge Nielsen (pårørende)');
  await expect(card).toContainText(staffDa.urgency.urgent);
  await expect(card).toContainText('3 d 23 t tilbage');
  await expectNoSeriousA11yViolations(geriatrician, 'advice queue');
  await card.getByRole('button', { name: staffDa.advice.take }).click();
  await expect(card).toContainText('Taget af Peter Vinther');

  // One click: the advice call exists and the geriatrician is in it; Inge's page, still open, rings. No new link.
  const ringing = await callBackByVideo(geriatrician, card, { page: asking, name: 'Inge Nielsen' });
  await expectNoSeriousA11yViolations(asking, 'call-back ringing');
  // One tap, and they see and hear each other.
  await ringing.getByRole('button', { name: guestDa.callBack.answer }).click();
  await expect(geriatrician.getByRole('figure', { name: 'Inge Nielsen, Pårørende' })).toBeVisible({ timeout: 30_000 });
  await expect(asking.getByRole('figure', { name: 'Peter Vinther, Geriater' })).toBeVisible({ timeout: 30_000 });
  await expectMediaFrom(geriatrician, 'Inge Nielsen', { video: true });
  await expectMediaFrom(asking, 'Peter Vinther', { video: true });
  await expectNoSeriousA11yViolations(geriatrician, 'advice call');

  // The ISBAR note, and the answer on record.
  await expect(geriatrician.getByLabel(staffDa.advice.isbar.situation)).toHaveValue(QUESTION);
  await geriatrician.getByLabel(staffDa.advice.isbar.background).fill('Udskrevet 10. marts efter hjertesvigt; furosemid øget til 40 mg.');
  await geriatrician.getByLabel(staffDa.advice.isbar.assessment).fill('Væskeophobning uden tegn på akut forværring på video; ingen hvilestakåndethed.');
  await geriatrician.getByLabel(staffDa.advice.isbar.recommendation).fill('Ekstra 40 mg furosemid i dag; vægt i morgen; egen læge ved fortsat stigning, 112 ved åndenød i hvile.');
  await geriatrician.getByRole('button', { name: staffDa.advice.saveDraft }).click();
  await expect(geriatrician.getByText(staffDa.advice.saved)).toBeVisible();
  await geriatrician.getByRole('button', { name: staffDa.advice.answer }).click();
  await expect(geriatrician.getByText(/Besvaret .* – Poul Erik Nielsen/)).toBeVisible();
  const staff = await server.staff('geriater@horsens.demo');
  const { adviceRequests } = await staff.get<{ adviceRequests: { question: string; state: string; answerChannel: string; isbar: { recommendation?: string } }[] }>(`/episodes/${episodeId}/advice-requests`);
  expect(adviceRequests.find((request) => request.question === QUESTION)).toMatchObject({ state: 'answered', answerChannel: 'video', isbar: { recommendation: expect.stringContaining('Ekstra 40 mg') } });

  // Day 8: the window closed on Tuesday 17 March at 10:00; a new request is refused and says so.
  server.clock.set(DAY_8);
  await asking.goto(`${server.url}${path}`);
  await expect(asking.getByRole('heading', { level: 1, name: guestDa.advice.closedHeading })).toBeVisible();
  await expect(asking.getByText('De 7 dage med rådgivning sluttede tirsdag 17. marts kl. 10.00.')).toBeVisible();
  const homeNurse = await server.staff('hjemmesygeplejerske@skanderborg.demo');
  const refused = await homeNurse.post(`/episodes/${episodeId}/advice-requests`, { channel: 'video', question: 'Må han gå tur i dag?' }).catch((error: Error) => error.message);
  expect(refused).toMatch(/^POST .*: 422 /);
  expect(JSON.parse(String(refused).replace(/^[^{]*/, ''))).toMatchObject({
    error: { code: 'REFUSED', refusal: { code: 'ADVICE_WINDOW_CLOSED', closedAt: '2026-03-17T09:00:00.000Z', whenAcute: 'emergency_112' } },
  });

  for (const page of [asking, geriatrician]) await page.context().close();
});
