import { startSamplan, type RunningSamplan } from '@samplan/server/app.ts';
import { openDatabase, type Database } from '@samplan/server/store/database.ts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type SmsSink, startSmsSink } from '../../support/smsSink.ts';
import { type ApiServer, SCENARIO_NOW, startApiServer } from '../api/harness.ts';

// Two Samplan nodes on one PostgreSQL database, each with its delivery worker:
// every queued message is claimed by one of them and sent exactly once.

let sms: SmsSink;
let server: ApiServer;
let second: { samplan: RunningSamplan; database: Database };

beforeAll(async () => {
  sms = await startSmsSink();
  server = await startApiServer('postgres', { smsGatewayUrl: sms.url, smsGatewayKey: sms.key, messagePollMs: 50 });
  const database = await openDatabase(server.fresh.url);
  second = { database, samplan: await startSamplan({ ...server.samplan.config, port: 0 }, { now: server.clock.now, database }) };
});
afterAll(async () => {
  await second?.samplan.close();
  await second?.database.close();
  await server?.close();
  await sms?.close();
});

it('two nodes share the outbox without sending anything twice', async () => {
  // Both workers stand still while the messages are queued, then start together.
  await server.samplan.delivery.stop();
  await second.samplan.delivery.stop();
  const nurse = await server.login('sygeplejerske@horsens.demo');
  const ella = await server.fresh.db.prisma.episode.findFirstOrThrow({ where: { patient: { name: 'Ella Sørensen' } } });
  const scheduled = await nurse.post(`/episodes/${ella.id}/conferences`, { kind: 'follow_up', scheduledStart: new Date(SCENARIO_NOW.getTime() + 30 * 60_000).toISOString() });
  expect(scheduled.status, scheduled.text).toBe(201);
  const guests = 16;
  for (let index = 0; index < guests; index++) {
    const phone = `30 00 00 ${String(index).padStart(2, '0')}`;
    const invited = await nurse.post(`/conferences/${scheduled.body.conference.id}/participants`, { kind: 'guest', role: 'relative', name: `Nabo ${index}`, phone });
    expect(invited.status, invited.text).toBe(201);
  }
  server.samplan.delivery.start();
  second.samplan.delivery.start();

  await expect.poll(() => sms.received.length, { timeout: 20_000 }).toBe(guests);
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(sms.received).toHaveLength(guests);
  expect(new Set(sms.received.map((message) => message.reference)).size).toBe(guests);
  expect(new Set(sms.received.map((message) => message.to)).size).toBe(guests);
  const rows = await server.fresh.db.prisma.outboundMessage.findMany({ where: { conferenceId: scheduled.body.conference.id } });
  expect(rows.map((row) => [row.status, row.attempts])).toEqual(Array(guests).fill(['sent', 1]));
});
