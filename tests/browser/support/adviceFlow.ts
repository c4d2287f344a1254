import { expect, type Locator, type Page } from '@playwright/test';
import { guestDa } from '../../../client/src/i18n/guest.da.ts';
import { staffDa } from '../../../client/src/i18n/staff.da.ts';
import type { GuestServer } from './guestServer.ts';

/**
 * After discharge: a relative asks the geriatric team from her link for a
 * video call-back, and the geriatrician takes it and calls her back.
 */

/** On the open advice page she asks, by video, giving her number; the page stays open to ring. */
export async function askForVideoCallBack(page: Page, { phone, question }: { phone: string; question: string }): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: guestDa.advice.heading })).toBeVisible();
  await page.getByLabel(guestDa.advice.video).check();
  await page.getByLabel(guestDa.advice.phoneLabel).fill(phone);
  await page.getByLabel(guestDa.advice.questionLabel).fill(question);
  await page.getByLabel(guestDa.advice.urgent).check();
  await page.getByRole('button', { name: guestDa.advice.send }).click();
  await expect(page.getByRole('heading', { level: 1, name: guestDa.advice.sentHeading })).toBeVisible();
  await expect(page.getByText('Teamet ringer til dig på video her på siden.', { exact: false })).toBeVisible();
}

/** The geriatrician's card for the question in the advice queue. */
export async function adviceCard(geriatrician: Page, question: string): Promise<Locator> {
  await geriatrician.getByRole('navigation').getByRole('link', { name: staffDa.staffNav.advice }).click();
  await expect(geriatrician.getByRole('heading', { level: 1, name: staffDa.advice.heading })).toBeVisible();
  return geriatrician.getByRole('article').filter({ hasText: question });
}

/** One click calls back by video: the geriatrician is in the call, no new link is shown, and her open page rings. */
export async function callBackByVideo(geriatrician: Page, card: Locator, relative: { page: Page; name: string }): Promise<Locator> {
  await card.getByRole('button', { name: staffDa.advice.callVideo }).click();
  await expect(geriatrician.getByRole('status').filter({ hasText: staffDa.advice.ringing.replaceAll('{{name}}', relative.name) })).toBeVisible({ timeout: 20_000 });
  await expect(geriatrician.getByRole('textbox', { name: staffDa.schedule.guestLink.replace('{{name}}', relative.name) })).toHaveCount(0);
  const ringing = relative.page.getByRole('alert').filter({ hasText: guestDa.callBack.heading });
  await expect(ringing).toBeVisible({ timeout: 5_000 });
  return ringing;
}

/** A home nurse makes a follow-up visit for the patient and invites the relative: her link, which after discharge opens on advice. */
export async function followUpLink(server: GuestServer, { homeNurse, patient, relative, start }: { homeNurse: string; patient: string; relative: string; start: Date }): Promise<{ path: string; episodeId: string }> {
  const staff = await server.staff(homeNurse);
  const { episodes } = await staff.get<{ episodes: { id: string; patient: { name: string } }[] }>('/episodes');
  const episode = episodes.find((candidate) => candidate.patient.name === patient);
  if (!episode) throw new Error(`${homeNurse} has no episode for ${patient}`);
  const { relatives } = await staff.get<{ relatives: { id: string; name: string }[] }>(`/episodes/${episode.id}`);
  const invited = relatives.find((candidate) => candidate.name === relative);
  if (!invited) throw new Error(`${relative} is not ${patient}'s relative`);
  const { conference } = await staff.post<{ conference: { id: string } }>(`/episodes/${episode.id}/conferences`, { kind: 'follow_up', scheduledStart: start.toISOString() });
  const { joinLink } = await staff.post<{ joinLink: { path: string } }>(`/conferences/${conference.id}/participants`, { kind: 'relative', relativeId: invited.id });
  return { path: joinLink.path, episodeId: episode.id };
}
