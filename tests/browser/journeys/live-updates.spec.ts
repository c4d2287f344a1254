import { expect } from '@playwright/test';
import { staffDa } from '../../../client/src/i18n/staff.da.ts';
import { goalConversation, openGuest } from '../support/guestFlow.ts';
import { recordTest as test } from '../support/guestServer.ts';
import { watchReads } from '../support/pageReads.ts';
import { openConference, signIn } from '../support/staffFlow.ts';

test.setTimeout(180_000);

/** Poul was discharged on Tuesday 10 March at 10:00: on day 3 his advice window is open. */
const DAY_3 = new Date('2026-03-13T10:00:00Z');

test('the lobby and the day view show a relative arriving as she opens her link, and neither polls', async ({ browser, server }) => {
  const { conference } = await goalConversation(server);
  const daughter = server.guestLinks[1]!;
  const coordinator = await signIn(browser, server, 'koordinator@horsens.demo');
  const day = coordinator.url();
  const lobby = await (await coordinator.context()).newPage();
  await openConference(lobby, server, conference.id);
  const admit = lobby.getByRole('button', { name: staffDa.conference.admit.replace('{{name}}', daughter.name) });
  await expect(admit).toHaveCount(0);
  const waiting = coordinator.getByText(staffDa.day.waitingCount_one.replace('{{count}}', '1'));
  await expect(coordinator.getByRole('heading', { level: 1, name: staffDa.day.heading })).toBeVisible();
  await expect(waiting).toHaveCount(0);

  // Both pages are loaded; for five seconds nothing changes, and neither page asks again.
  const [lobbyReads, dayReads] = [watchReads(lobby), watchReads(coordinator)];
  await lobby.waitForTimeout(5_000);
  expect(lobbyReads).toEqual([]);
  expect(dayReads).toEqual([]);

  // She opens her link: the lobby shows her within a second of the server letting her in.
  const guest = await openGuest(browser, server, '/');
  const joined = guest.waitForResponse((response) => response.request().method() === 'POST' && new URL(response.url()).pathname.startsWith('/api/join/'));
  await guest.goto(`${server.url}${daughter.path}`);
  expect((await joined).status()).toBe(200);
  await expect(admit).toBeVisible({ timeout: 1_000 });
  await expect(waiting).toBeVisible({ timeout: 1_000 });
  expect(coordinator.url()).toBe(day);

  // One read each, because of her arrival; then quiet again.
  const settledAt = Date.now();
  await lobby.waitForTimeout(4_000);
  expect(lobbyReads.filter((read) => read.at >= settledAt)).toEqual([]);
  expect(dayReads.filter((read) => read.at >= settledAt)).toEqual([]);
  expect(lobbyReads.map((read) => read.path)).toEqual([`/api/conferences/${conference.id}`]);
  expect(dayReads.map((read) => read.path)).toEqual(['/api/day']);

  for (const page of [coordinator, guest]) await page.context().close();
});

test('the geriatrician’s day view shows a new advice request without a reload', async ({ browser, server }) => {
  server.clock.set(DAY_3);
  const geriatrician = await signIn(browser, server, 'geriater@horsens.demo');
  const advice = geriatrician.getByRole('region', { name: staffDa.day.adviceHeading });
  await expect(advice).toBeVisible();
  const before = await advice.getByRole('listitem').count();

  const homeNurse = await server.staff('hjemmesygeplejerske@skanderborg.demo');
  const { episodes } = await homeNurse.get<{ episodes: { id: string; patient: { name: string } }[] }>('/episodes');
  const poul = episodes.find((episode) => episode.patient.name === 'Poul Erik Nielsen')!;
  const navigations: string[] = [];
  geriatrician.on('framenavigated', (frame) => navigations.push(frame.url()));
  await homeNurse.post(`/episodes/${poul.id}/advice-requests`, { channel: 'phone', question: 'Poul er svimmel, når han rejser sig.', urgency: 'acute', requesterContact: '+4520304050' });

  await expect(advice.getByRole('listitem')).toHaveCount(before + 1, { timeout: 5_000 });
  await expect(advice.getByRole('listitem').filter({ hasText: 'Poul Erik Nielsen' }).filter({ hasText: staffDa.urgency.acute })).toBeVisible();
  expect(navigations).toEqual([]);
  await geriatrician.context().close();
});
