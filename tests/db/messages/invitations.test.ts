import { addCalendarDays, atLocalTime, MESSAGE_CHANNELS, MESSAGE_PROBLEMS, MESSAGE_PURPOSES, MESSAGE_STATUSES } from '@samplan/shared';
import { MessageChannel, MessageProblem, MessagePurpose, MessageStatus } from '@samplan/server/store/generated/client.ts';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readCalendarInvite } from '../../support/calendarInvite.ts';
import { DATABASE_KINDS } from '../../support/database-targets.ts';
import { type SmsSink, startSmsSink } from '../../support/smsSink.ts';
import { type SmtpSink, startSmtpSink } from '../../support/smtpSink.ts';
import { type ApiClient, type ApiServer, SCENARIO_NOW, startApiServer, tokenOf } from '../api/harness.ts';

// Invitations, reminders, updates and cancellations through a real SMTP
// server and a real HTTP SMS gateway on 127.0.0.1, against Samplan on PGlite
// and PostgreSQL: what arrives, to whom, in which language, and that the link
// in it opens the conference.

const MINUTE = 60_000;
const KAREN_PHONE = '+4586541234';
const SUSANNE_PHONE = '+4522334455';
const SUSANNE_EMAIL = 'susanne.jensen@example.dk';
const HOME_NURSE_EMAIL = 'hjemmesygeplejerske@odder.demo';

/** The join link in a message, as the path the API redeems. */
function linkIn(text: string, base: string): string {
  const match = new RegExp(`${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(/join/[A-Za-z0-9_-]+)`).exec(text);
  if (match === null) throw new Error(`no join link in: ${text}`);
  return match[1] as string;
}

it('stores exactly the channels, purposes, states and problems the API knows', () => {
  expect(Object.values(MessageChannel)).toEqual([...MESSAGE_CHANNELS]);
  expect(Object.values(MessagePurpose)).toEqual([...MESSAGE_PURPOSES]);
  expect(Object.values(MessageStatus)).toEqual([...MESSAGE_STATUSES]);
  expect(Object.values(MessageProblem)).toEqual([...MESSAGE_PROBLEMS]);
});

describe.each(DATABASE_KINDS)('invitations and reminders on %s', (kind) => {
  let smtp: SmtpSink;
  let sms: SmsSink;
  let server: ApiServer;
  let coordinator: ApiClient;
  let karen: { episodeId: string; relativeId: string };
  let homeNurseId: string;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    sms = await startSmsSink();
    server = await startApiServer(kind, {
      smtpUrl: smtp.url,
      mailFrom: 'Samplan Horsens <samplan@horsens.example>',
      smsGatewayUrl: sms.url,
      smsGatewayKey: sms.key,
      messagePollMs: 100,
      messageRetryMs: 50,
      messageAttempts: 3,
    });
    const db = server.fresh.db.prisma;
    const episode = await db.episode.findFirstOrThrow({ where: { patient: { name: 'Karen Margrethe Jensen' } }, include: { patient: { include: { relatives: true } } } });
    const daughter = episode.patient.relatives.find((relative) => relative.name === 'Susanne Jensen');
    if (daughter === undefined) throw new Error('the demo has no Susanne');
    // The daughter lives abroad and reads English; her mother's messages stay Danish.
    await db.relative.update({ where: { id: daughter.id }, data: { preferredLanguage: 'en' } });
    karen = { episodeId: episode.id, relativeId: daughter.id };
    homeNurseId = (await db.staffUser.findUniqueOrThrow({ where: { login: HOME_NURSE_EMAIL } })).id;
  });
  afterAll(async () => {
    await server?.close();
    await smtp?.close();
    await sms?.close();
  });
  beforeEach(async () => {
    server.clock.set(SCENARIO_NOW);
    sms.recover();
    coordinator = await server.login('koordinator@horsens.demo');
  });
  afterEach(() => {
    smtp.received.length = 0;
    sms.received.length = 0;
  });

  /** A discharge conference tomorrow at 10:00 with Karen, her daughter and the home nurse invited. */
  async function scheduleWithGuests(start = atLocalTime(SCENARIO_NOW, 1, 10, 0)) {
    const scheduled = await coordinator.post(`/episodes/${karen.episodeId}/conferences`, { kind: 'discharge_conference', scheduledStart: start.toISOString(), plannedDurationMinutes: 30 });
    expect(scheduled.status, scheduled.text).toBe(201);
    const conferenceId = scheduled.body.conference.id as string;
    const invite = async (body: unknown) => {
      const answer = await coordinator.post(`/conferences/${conferenceId}/participants`, body);
      expect(answer.status, answer.text).toBe(201);
      return answer.body as { participant: { id: string }; joinLink: { path: string } | null };
    };
    const patient = await invite({ kind: 'patient' });
    const daughter = await invite({ kind: 'relative', relativeId: karen.relativeId });
    const homeNurse = await invite({ kind: 'staff', staffId: homeNurseId });
    return { conferenceId, start, patient, daughter, homeNurse };
  }

  const messagesOf = async (conferenceId: string) => {
    const answer = await coordinator.get(`/conferences/${conferenceId}/messages`);
    expect(answer.status, answer.text).toBe(200);
    return answer.body.messages as Array<{ id: string; participantId: string; name: string; channel: string; purpose: string; recipient: string; language: string; status: string; problem: string | null; lastError: string | null; attempts: number; notBefore: string }>;
  };

  /** The clock jumps (sessions may lapse: sign in again) and the worker is told to look now. */
  const jump = async (to: Date) => {
    server.clock.set(to);
    coordinator = await server.login('koordinator@horsens.demo');
    server.samplan.delivery.kick();
  };

  const settled = async (conferenceId: string) => {
    await expect.poll(async () => (await messagesOf(conferenceId)).filter((message) => message.status === 'queued' && new Date(message.notBefore) <= server.clock.now()).length, { timeout: 10_000 }).toBe(0);
    await expect.poll(async () => (await messagesOf(conferenceId)).filter((message) => message.status === 'sending').length, { timeout: 10_000 }).toBe(0);
  };

  it('sends each guest the link in her language by text message and e-mail (with a valid calendar file), the home nurse a calendar file, and the links work', async () => {
    const { conferenceId, start, patient, daughter } = await scheduleWithGuests();

    const karenSms = await sms.waitFor((message) => message.to === KAREN_PHONE);
    expect(karenSms.text).toContain('Du er inviteret til videomøde');
    expect(karenSms.text).toContain('kl. 10.00');
    expect(karenSms.text).not.toContain('Karen');
    expect(karenSms.authorization).toBe(`Bearer ${sms.key}`);
    expect(linkIn(karenSms.text, server.samplan.url)).toBe(patient.joinLink?.path);

    const daughterSms = await sms.waitFor((message) => message.to === SUSANNE_PHONE);
    expect(daughterSms.text).toContain('You are invited to a video meeting');
    const daughterMail = await smtp.waitFor((email) => email.to.includes(SUSANNE_EMAIL));
    expect(daughterMail.subject).toContain('Invitation to a video meeting');
    expect(daughterMail.text).toContain('(Danish time)');
    expect(daughterMail.from).toBe('samplan@horsens.example');
    const daughterPath = linkIn(daughterMail.text, server.samplan.url);
    expect(daughterPath).toBe(daughter.joinLink?.path);
    const [attachment] = daughterMail.attachments;
    expect(attachment?.contentType).toBe('text/calendar');
    const invite = readCalendarInvite(attachment?.content ?? '');
    expect(invite).toMatchObject({ method: 'REQUEST', uid: `${conferenceId}@samplan`, sequence: 0, status: 'CONFIRMED' });
    expect(invite.start.toISOString()).toBe(start.toISOString());
    expect(invite.end.getTime() - invite.start.getTime()).toBe(30 * MINUTE);
    expect(invite.url).toBe(`${server.samplan.url}${daughterPath}`);

    const nurseMail = await smtp.waitFor((email) => email.to.includes(HOME_NURSE_EMAIL));
    expect(nurseMail.subject).toContain('Udskrivelseskonference');
    expect(nurseMail.text).toContain(`${server.samplan.url}/conferences/${conferenceId}`);
    expect(readCalendarInvite(nurseMail.attachments[0]?.content ?? '')).toMatchObject({ method: 'REQUEST', uid: `${conferenceId}@samplan` });

    // The link from the e-mail is the daughter's way in.
    const joined = await server.join(tokenOf(daughterPath));
    expect((await joined.get('/auth/me')).body.principal).toMatchObject({ kind: 'participant', name: 'Susanne Jensen' });

    await settled(conferenceId);
    const messages = await messagesOf(conferenceId);
    const sent = messages.filter((message) => message.status === 'sent').map((message) => `${message.purpose} ${message.channel} ${message.recipient} ${message.language}`);
    expect(sent.sort()).toEqual(
      [`invitation email ${HOME_NURSE_EMAIL} da`, `invitation email ${SUSANNE_EMAIL} en`, `invitation sms ${KAREN_PHONE} da`, `invitation sms ${SUSANNE_PHONE} en`].sort(),
    );
    // Reminders wait for their time; staff get none.
    expect(messages.filter((message) => message.purpose === 'reminder').map((message) => [message.recipient, message.status, message.notBefore]).sort()).toEqual(
      [KAREN_PHONE, SUSANNE_EMAIL, SUSANNE_PHONE].sort().map((recipient) => [recipient, 'queued', new Date(start.getTime() - 60 * MINUTE).toISOString()]),
    );
    expect(smtp.received).toHaveLength(2);
    expect(sms.received).toHaveLength(2);
  });

  it('sends the reminder an hour before, not earlier, and it carries the same working link', async () => {
    const { conferenceId, start, patient, daughter } = await scheduleWithGuests();
    await sms.waitFor((message) => message.to === KAREN_PHONE);
    await settled(conferenceId);

    const path = patient.joinLink?.path ?? '';
    await jump(new Date(start.getTime() - 61 * MINUTE));
    await settled(conferenceId);
    expect(sms.received.filter((message) => message.text.includes('Husk'))).toEqual([]);

    await jump(new Date(start.getTime() - 59 * MINUTE));
    const reminder = await sms.waitFor((message) => message.text.includes(path) && message.text.includes('Husk videomøde'));
    expect(linkIn(reminder.text, server.samplan.url)).toBe(patient.joinLink?.path);
    const daughterReminder = await smtp.waitFor((email) => email.to.includes(SUSANNE_EMAIL) && email.subject.startsWith('Reminder') && email.text.includes(daughter.joinLink?.path ?? '-'));
    expect(daughterReminder.attachments).toEqual([]);
    expect((await server.join(tokenOf(linkIn(reminder.text, server.samplan.url)))).cookie).toBeDefined();
  });

  it('moving the meeting sends an update (same calendar UID, next SEQUENCE) and moves the reminder; cancelling sends METHOD:CANCEL and nothing more', async () => {
    // A day later than the other tests' conferences, so their reminders do not come due here.
    const { conferenceId, start, patient } = await scheduleWithGuests(atLocalTime(SCENARIO_NOW, 2, 10, 0));
    const karenPath = patient.joinLink?.path ?? '';
    await smtp.waitFor((email) => email.to.includes(HOME_NURSE_EMAIL));
    await settled(conferenceId);

    const later = new Date(start.getTime() + 3 * 60 * MINUTE);
    const moved = await coordinator.post(`/conferences/${conferenceId}/reschedule`, { scheduledStart: later.toISOString() });
    expect(moved.status, moved.text).toBe(200);
    expect(moved.body.conference.scheduledStart).toBe(later.toISOString());

    const update = await smtp.waitFor((email) => email.to.includes(HOME_NURSE_EMAIL) && email.subject.includes('flyttet'));
    const updated = readCalendarInvite(update.attachments[0]?.content ?? '');
    expect(updated).toMatchObject({ method: 'REQUEST', uid: `${conferenceId}@samplan`, sequence: 1 });
    expect(updated.start.toISOString()).toBe(later.toISOString());
    await sms.waitFor((message) => message.text.includes(karenPath) && message.text.includes('flyttet til'));
    await smtp.waitFor((email) => email.to.includes(SUSANNE_EMAIL) && email.subject.startsWith('The video meeting has moved'));

    const reminders = (await messagesOf(conferenceId)).filter((message) => message.purpose === 'reminder');
    expect(reminders.filter((message) => message.status === 'withdrawn').map((message) => message.problem)).toEqual(['superseded', 'superseded', 'superseded']);
    expect(reminders.filter((message) => message.status === 'queued').map((message) => message.notBefore)).toEqual(Array(3).fill(new Date(later.getTime() - 60 * MINUTE).toISOString()));

    // At the old reminder time nothing goes; at the new one it does.
    await jump(new Date(start.getTime() - 59 * MINUTE));
    await settled(conferenceId);
    expect(sms.received.filter((message) => message.text.includes(karenPath) && message.text.includes('Husk'))).toEqual([]);
    await jump(new Date(later.getTime() - 59 * MINUTE));
    await sms.waitFor((message) => message.text.includes(karenPath) && message.text.includes('Husk videomøde'));
    await settled(conferenceId);

    const cancelled = await coordinator.post(`/conferences/${conferenceId}/cancel`);
    expect(cancelled.status, cancelled.text).toBe(200);
    const cancel = await smtp.waitFor((email) => email.to.includes(HOME_NURSE_EMAIL) && email.subject.startsWith('Aflyst'));
    const cancelInvite = readCalendarInvite(cancel.attachments[0]?.content ?? '');
    expect(cancelInvite).toMatchObject({ method: 'CANCEL', uid: `${conferenceId}@samplan`, sequence: 1, status: 'CANCELLED' });
    const karenCancel = await sms.waitFor((message) => message.to === KAREN_PHONE && message.text.includes('aflyst'));
    expect(karenCancel.text).not.toContain('/join/');
    await smtp.waitFor((email) => email.to.includes(SUSANNE_EMAIL) && email.subject.startsWith('Cancelled'));
    await settled(conferenceId);
    const cancellations = (await messagesOf(conferenceId)).filter((message) => message.purpose === 'cancellation');
    expect(cancellations.map((message) => `${message.channel} ${message.recipient} ${message.status}`).sort()).toEqual(
      [`email ${HOME_NURSE_EMAIL} sent`, `email ${SUSANNE_EMAIL} sent`, `sms ${KAREN_PHONE} sent`, `sms ${SUSANNE_PHONE} sent`].sort(),
    );
  });

  it('a gateway that fails is tried again, then shown failed with its answer; resend and a corrected number reach her', async () => {
    sms.fail(500);
    const { conferenceId, patient } = await scheduleWithGuests();
    await smtp.waitFor((email) => email.to.includes(SUSANNE_EMAIL));
    const smsInvitations = async () => (await messagesOf(conferenceId)).filter((message) => message.channel === 'sms' && message.purpose === 'invitation');
    // Each retry waits (MESSAGE_RETRY_MS, doubling) on the record's clock: the test moves it a minute at a time.
    await expect
      .poll(
        async () => {
          await jump(new Date(server.clock.now().getTime() + MINUTE));
          return (await smsInvitations()).map((message) => [message.status, message.attempts, message.problem]);
        },
        { timeout: 20_000, interval: 200 },
      )
      .toEqual([
        ['failed', 3, 'delivery_failed'],
        ['failed', 3, 'delivery_failed'],
      ]);
    const failed = await smsInvitations();
    expect(failed[0]?.lastError).toBe('SMS gateway answered 500: gateway unavailable (gave up after 3 attempts)');
    expect(sms.refusedCount()).toBeGreaterThanOrEqual(6);
    expect(sms.received).toEqual([]);

    sms.recover();
    const again = await coordinator.post(`/conferences/${conferenceId}/participants/${patient.participant.id}/messages`, { channel: 'sms' });
    expect(again.status, again.text).toBe(201);
    expect(again.body.message).toMatchObject({ channel: 'sms', purpose: 'invitation', recipient: KAREN_PHONE, problem: null });
    const resent = await sms.waitFor((message) => message.to === KAREN_PHONE);
    expect(linkIn(resent.text, server.samplan.url)).toBe(patient.joinLink?.path);

    const refused = await coordinator.post(`/conferences/${conferenceId}/participants/${patient.participant.id}/messages`, { channel: 'sms', recipient: '2012345' });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('8 digits');
    const corrected = await coordinator.post(`/conferences/${conferenceId}/participants/${patient.participant.id}/messages`, { channel: 'sms', recipient: '20 12 34 56' });
    expect(corrected.status, corrected.text).toBe(201);
    expect(corrected.body.message.recipient).toBe('+4520123456');
    await sms.waitFor((message) => message.to === '+4520123456');
    const reminder = (await messagesOf(conferenceId)).find((message) => message.purpose === 'reminder' && message.channel === 'sms' && message.participantId === patient.participant.id);
    expect(reminder).toMatchObject({ recipient: '+4520123456', status: 'queued' });
    const conference = await coordinator.get(`/conferences/${conferenceId}`);
    expect(conference.body.conference.participants.find((person: { id: string }) => person.id === patient.participant.id).contact.phone).toBe('+4520123456');
  });

  it('a mail server that refuses the address marks the e-mail failed at once with its answer', async () => {
    smtp.refuse(SUSANNE_EMAIL);
    const { conferenceId } = await scheduleWithGuests();
    await settled(conferenceId);
    const failed = (await messagesOf(conferenceId)).find((message) => message.recipient === SUSANNE_EMAIL && message.purpose === 'invitation');
    expect(failed).toMatchObject({ status: 'failed', attempts: 1, problem: 'delivery_failed' });
    expect(failed?.lastError).toContain('550');
    smtp.accept(SUSANNE_EMAIL);
  });

  it('nothing is sent twice after a restart, and what was queued before it goes out after it', async () => {
    const { conferenceId } = await scheduleWithGuests();
    await settled(conferenceId);
    const before = { mails: smtp.received.length, texts: sms.received.length };
    expect(before).toEqual({ mails: 2, texts: 2 });

    // Queued while this node's delivery has stopped (as if it went down before sending), then the server restarts.
    await server.samplan.delivery.stop();
    const guest = await coordinator.post(`/conferences/${conferenceId}/participants`, { kind: 'guest', role: 'relative', name: 'Jørn Nabo', phone: '+45 30 30 30 30' });
    expect(guest.status, guest.text).toBe(201);
    await server.restart();
    await sms.waitFor((message) => message.to === '+4530303030');
    await settled(conferenceId);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect({ mails: smtp.received.length, texts: sms.received.length }).toEqual({ mails: 2, texts: 3 });
    expect(new Set(sms.received.map((message) => message.reference)).size).toBe(3);
  });

  it('the video call-back of an advice request texts the requester the new link', async () => {
    const db = server.fresh.db.prisma;
    const ella = await db.episode.findFirstOrThrow({ where: { patient: { name: 'Ella Sørensen' } } });
    const request = await db.adviceRequest.create({
      data: { episodeId: ella.id, requestedBy: 'relative', requesterName: 'Jørgen Sørensen', requesterContact: '+45 20 30 40 50', channel: 'video', question: 'Hun er mere forvirret i dag.', urgency: 'urgent', createdAt: SCENARIO_NOW },
    });
    const geriatrician = await server.login('geriater@horsens.demo');
    expect((await geriatrician.post(`/advice-requests/${request.id}/take`)).status).toBe(200);
    const call = await geriatrician.post(`/episodes/${ella.id}/conferences`, { kind: 'advice_call', adviceRequestId: request.id });
    expect(call.status, call.text).toBe(201);
    const invited = await geriatrician.post(`/conferences/${call.body.conference.id}/participants`, { kind: 'guest', role: 'relative', name: 'Jørgen Sørensen', phone: '+45 20 30 40 50' });
    expect(invited.status, invited.text).toBe(201);
    const text = await sms.waitFor((message) => message.to === '+4520304050');
    expect(text.text).toContain('Det geriatriske team ringer dig op på video nu');
    expect(linkIn(text.text, server.samplan.url)).toBe(invited.body.joinLink.path);
    const messages = (await geriatrician.get(`/conferences/${call.body.conference.id}/messages`)).body.messages as Array<{ purpose: string }>;
    expect(messages.map((message) => message.purpose)).toEqual(['call_back']);
  });

  /** Poul's wife Inge asks for a video call-back from her link to his follow-up visit; the geriatrician calls back. */
  async function callBackAskedFromLink(requesterContact?: string) {
    const db = server.fresh.db.prisma;
    const poul = await db.episode.findFirstOrThrow({ where: { patient: { name: 'Poul Erik Nielsen' } }, include: { patient: { include: { relatives: true } } } });
    const inge = poul.patient.relatives.find((relative) => relative.name === 'Inge Nielsen');
    if (inge === undefined) throw new Error('the demo has no Inge');
    const homeNurse = await server.login('hjemmesygeplejerske@skanderborg.demo');
    const followUp = await homeNurse.post(`/episodes/${poul.id}/conferences`, { kind: 'follow_up', scheduledStart: atLocalTime(SCENARIO_NOW, 3, 10, 0).toISOString() });
    expect(followUp.status, followUp.text).toBe(201);
    const invited = await homeNurse.post(`/conferences/${followUp.body.conference.id}/participants`, { kind: 'relative', relativeId: inge.id });
    expect(invited.status, invited.text).toBe(201);
    const asking = await server.join(tokenOf(invited.body.joinLink.path));
    const asked = await asking.post(`/episodes/${poul.id}/advice-requests`, { channel: 'video', question: 'Han er svimmel, når han rejser sig.', urgency: 'urgent', ...(requesterContact === undefined ? {} : { requesterContact }) });
    expect(asked.status, asked.text).toBe(201);
    const geriatrician = await server.login('geriater@horsens.demo');
    expect((await geriatrician.post(`/advice-requests/${asked.body.adviceRequest.id}/take`)).status).toBe(200);
    const called = await geriatrician.post(`/advice-requests/${asked.body.adviceRequest.id}/call-back`);
    expect(called.status, called.text).toBe(201);
    return { asking, geriatrician, conferenceId: called.body.conference.id as string, ringing: called.body.ringing as boolean };
  }

  it('a call-back asked from a link rings her open page and also texts her own link to the number she gave, which opens the call', async () => {
    const { asking, geriatrician, conferenceId, ringing } = await callBackAskedFromLink('+45 20 30 40 50');
    expect(ringing).toBe(true);
    expect((await asking.get('/call-back')).body).toEqual({ callBack: { conferenceId } });
    const text = await sms.waitFor((message) => message.to === '+4520304050' && message.text.includes('ringer dig op på video nu'));
    const messages = (await geriatrician.get(`/conferences/${conferenceId}/messages`)).body.messages as Array<{ purpose: string; recipient: string }>;
    expect(messages.map((message) => [message.purpose, message.recipient])).toEqual([['call_back', '+4520304050']]);
    // The link from the text message opens the call for her, let in already.
    const viaText = await server.join(tokenOf(linkIn(text.text, server.samplan.url)));
    const token = await viaText.post(`/conferences/${conferenceId}/room-token`);
    expect(token.status, token.text).toBe(200);
    expect(token.body.roomId).toBe(`conference:${conferenceId}`);
  });

  it('a call-back asked from a link without a number rings her open page and sends no text message', async () => {
    const { asking, geriatrician, conferenceId, ringing } = await callBackAskedFromLink();
    expect(ringing).toBe(true);
    expect((await asking.get('/call-back')).body).toEqual({ callBack: { conferenceId } });
    expect((await geriatrician.get(`/conferences/${conferenceId}/messages`)).body.messages).toEqual([]);
    const row = await server.fresh.db.prisma.participant.findFirstOrThrow({ where: { conferenceId, sessionParticipantId: { not: null } } });
    expect(row.tokenHash).toBeNull();
  });

  it('only staff on the episode see the messages; guests and outsiders are refused', async () => {
    const { conferenceId, daughter } = await scheduleWithGuests();
    const guest = await server.join(tokenOf(daughter.joinLink?.path ?? ''));
    expect((await guest.get(`/conferences/${conferenceId}/messages`)).status).toBe(403);
    const outsider = await server.login('hjemmesygeplejerske@skanderborg.demo');
    expect([403, 404]).toContain((await outsider.get(`/conferences/${conferenceId}/messages`)).status);
    expect([403, 404]).toContain((await outsider.post(`/conferences/${conferenceId}/participants/${daughter.participant.id}/messages`, { channel: 'sms' })).status);
    expect((await server.client().get(`/conferences/${conferenceId}/messages`)).status).toBe(401);
    expect((await (await server.login(HOME_NURSE_EMAIL)).get(`/conferences/${conferenceId}/messages`)).status).toBe(200);
  });
});

describe('without an e-mail server or SMS gateway (the embedded default)', () => {
  let server: ApiServer;
  beforeAll(async () => {
    server = await startApiServer('pglite', { messagePollMs: 100 });
  });
  afterAll(() => server?.close());

  it('Samplan runs, the links are given as before, and staff see each message as not sent with the reason', async () => {
    const coordinator = await server.login('koordinator@horsens.demo');
    const db = server.fresh.db.prisma;
    const episode = await db.episode.findFirstOrThrow({ where: { patient: { name: 'Karen Margrethe Jensen' } }, include: { patient: { include: { relatives: true } } } });
    const start = addCalendarDays(SCENARIO_NOW, 1);
    const scheduled = await coordinator.post(`/episodes/${episode.id}/conferences`, { kind: 'discharge_conference', scheduledStart: start.toISOString() });
    const conferenceId = scheduled.body.conference.id as string;
    const invited = await coordinator.post(`/conferences/${conferenceId}/participants`, { kind: 'relative', relativeId: episode.patient.relatives[0]?.id });
    expect(invited.status).toBe(201);
    expect(invited.body.joinLink.path).toMatch(/^\/join\//);
    await expect
      .poll(async () => ((await coordinator.get(`/conferences/${conferenceId}/messages`)).body.messages as Array<{ purpose: string; channel: string; status: string; problem: string; lastError: string }>).filter((message) => message.purpose === 'invitation').map((message) => [message.channel, message.status, message.problem, message.lastError]).sort(), { timeout: 10_000 })
      .toEqual([
        ['email', 'failed', 'no_email_server', 'no e-mail server configured (SMTP_URL): copy the link to the person'],
        ['sms', 'failed', 'no_sms_gateway', 'no SMS gateway configured (SMS_GATEWAY_URL): copy the link to the person'],
      ]);
  });
});
