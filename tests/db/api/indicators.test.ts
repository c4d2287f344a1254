import { type IndicatorsResponse, indicatorsResponseSchema, type PublishedCount } from '@samplan/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '@samplan/server/auth/password.ts';
import type { Db } from '@samplan/server/store/database.ts';
import { DATABASE_KINDS } from '../../support/database-targets.ts';
import { uniqueCprNumber, uniqueLogin } from '../../support/record-fixtures.ts';
import { type ApiClient, type ApiServer, startApiServer } from './harness.ts';

// A record made for the figures, with an answer known for each, on an empty
// database (no demo seed). "Now" is 2026-11-30 23:00 Copenhagen time; the
// period is March to November 2026. Every discharge D1–D13 is from ward W
// with municipality M in the care team; times are Copenhagen wall-clock time
// (CET +01 until 29 March and from 25 October, CEST +02 between).

const NOW = new Date('2026-11-30T22:00:00Z');
const PERIOD = 'from=2026-03-01&to=2026-12-01';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const PASSWORD = 'indicators-test-password';
const at = (iso: string) => new Date(iso);
const plus = (instant: Date, ms: number) => new Date(instant.getTime() + ms);

interface Discharge {
  readonly dischargedAt: Date;
  readonly score?: number;
  readonly reception?: Date;
  readonly followUp?: Date;
  readonly dayAfterCheck?: Date;
  /** A held discharge conference (somebody joined), or one ended that nobody joined. */
  readonly dischargeConference?: 'held' | 'held-with-start' | 'nobody-came';
  readonly goalConversationEndedAt?: Date;
  readonly readmittedAt?: Date;
  readonly advice?: ReadonlyArray<{ readonly at: Date; readonly answeredAfter?: number }>;
  readonly ward?: 'W' | 'W2';
  readonly careTeam?: ReadonlyArray<'W' | 'W2' | 'M' | 'O'>;
}

// D1 10:00 CET: reception at exactly 24 h (kept), follow-up at exactly 8 days (kept), video conference, readmitted at exactly 30 days (counted).
const D1 = at('2026-03-10T09:00:00Z');
// D2 11:59 CET: reception 24 h + 1 min (late), follow-up 8 days + 1 min (late), readmitted 30 days + 1 min (not a readmission).
const D2 = at('2026-03-10T10:59:00Z');
// D3 12:00 CET: not before noon; reception after an hour; a discharge conference nobody came to (not held); readmitted after 5 days.
const D3 = at('2026-03-10T11:00:00Z');
// D4 Saturday 28 March 14:00 CET, summer time starts that night: 24 h elapsed is Sunday 15:00 CEST, 8 days is 5 April 14:00 CEST (191 h).
const D4 = at('2026-03-28T13:00:00Z');
// D5 12:30 CEST (10:30 UTC, before noon in UTC but not here); score exactly 23 (offered the follow-up visit).
const D5 = at('2026-07-01T10:30:00Z');
// D6 11:30 CEST; reception a minute before the discharge (not a reception visit for it); score 22 (not offered).
const D6 = at('2026-07-01T09:30:00Z');
// D7 00:30 CEST on 2 July: before noon (22:30 UTC the day before).
const D7 = at('2026-07-01T22:30:00Z');
// D8 09:00 CEST on 20 October, summer time ends the 25th: 8 days is 28 October 09:00 CET (193 h).
const D8 = at('2026-10-20T07:00:00Z');
// D9 10:00 CET 15 November: its 30 days are not over by now; advice requests in its window.
const D9 = at('2026-11-15T09:00:00Z');
// D10 21:00 CET, an hour before now: no visit yet, not late yet.
const D10 = at('2026-11-30T20:00:00Z');
// D11 20:00 CET: reception already made.
const D11 = at('2026-11-30T19:00:00Z');
// D12, D13 13:00 CEST in May, no visits, no conference.
const D12 = at('2026-05-12T11:00:00Z');
const D13 = at('2026-05-13T11:00:00Z');

const DISCHARGES: Discharge[] = [
  { dischargedAt: D1, score: 35, reception: plus(D1, DAY), followUp: at('2026-03-18T09:00:00Z'), dischargeConference: 'held', goalConversationEndedAt: at('2026-03-06T10:00:00Z'), readmittedAt: at('2026-04-09T08:00:00Z') },
  { dischargedAt: D2, score: 25, reception: plus(D2, DAY + MINUTE), followUp: at('2026-03-18T11:00:00Z'), goalConversationEndedAt: at('2026-03-06T10:00:00Z'), readmittedAt: at('2026-04-09T10:00:00Z') },
  { dischargedAt: D3, score: 10, reception: plus(D3, HOUR), dischargeConference: 'nobody-came', goalConversationEndedAt: at('2026-03-06T10:00:00Z'), readmittedAt: plus(D3, 5 * DAY) },
  { dischargedAt: D4, score: 30, reception: plus(D4, DAY), followUp: at('2026-04-05T12:30:00Z'), goalConversationEndedAt: at('2026-03-25T10:00:00Z'), readmittedAt: plus(D4, DAY) },
  { dischargedAt: D5, score: 23, dayAfterCheck: plus(D5, HOUR), followUp: plus(D5, 3 * DAY), dischargeConference: 'held-with-start', goalConversationEndedAt: at('2026-06-28T10:00:00Z') },
  { dischargedAt: D6, score: 22, reception: plus(D6, -MINUTE), followUp: plus(D6, 3 * DAY), dischargeConference: 'held', goalConversationEndedAt: at('2026-06-28T10:00:00Z'), readmittedAt: plus(D6, 10 * DAY) },
  { dischargedAt: D7, score: 50, reception: plus(D7, DAY - MINUTE), dischargeConference: 'held' },
  { dischargedAt: D8, score: 40, reception: plus(D8, 30 * HOUR), followUp: at('2026-10-28T07:30:00Z'), dischargeConference: 'held' },
  {
    dischargedAt: D9,
    readmittedAt: plus(D9, 5 * DAY),
    advice: [
      { at: plus(D9, HOUR), answeredAfter: 30 * MINUTE },
      { at: plus(D9, 2 * HOUR), answeredAfter: 60 * MINUTE },
      { at: plus(D9, 3 * HOUR), answeredAfter: 90 * MINUTE },
      { at: plus(D9, 4 * HOUR) },
      { at: plus(D9, 6 * DAY), answeredAfter: 120 * MINUTE },
      // 22 November 10:00 CET: the window has just closed.
      { at: at('2026-11-22T09:00:00Z'), answeredAfter: 5 * MINUTE },
    ],
  },
  { dischargedAt: D10, score: 31, advice: [{ at: plus(D10, HOUR), answeredAfter: 10 * MINUTE }] },
  { dischargedAt: D11, reception: plus(D11, 90 * MINUTE) },
  // Its goal conversation ended at the period's first instant (Copenhagen midnight, 1 March).
  { dischargedAt: D12, goalConversationEndedAt: at('2026-02-28T23:00:00Z'), readmittedAt: D12 },
  // … and this one a millisecond before it.
  { dischargedAt: D13, goalConversationEndedAt: at('2026-02-28T22:59:59.999Z'), readmittedAt: plus(D13, 29 * DAY) },
];

// Other organisations' episodes: ward W2 with municipality O (five), and one
// admitted to W with only O in its care team (W's, as its admission; not M's).
const OTHERS: Discharge[] = [
  ...[1, 2, 3, 4, 5].map((n): Discharge => {
    const dischargedAt = at(`2026-06-0${n}T08:00:00Z`);
    return { dischargedAt, ward: 'W2', careTeam: ['W2', 'O'], reception: plus(dischargedAt, HOUR), dischargeConference: 'held' };
  }),
  { dischargedAt: at('2026-06-10T08:00:00Z'), ward: 'W', careTeam: ['O'], reception: plus(at('2026-06-10T08:00:00Z'), HOUR) },
];

interface Record {
  organisations: { W: string; W2: string; M: string; O: string };
  logins: { coordinator: string; homeNurse: string; administratorNurse: string };
}

async function buildRecord(db: Db): Promise<Record> {
  const organisation = (sector: 'hospital_ward' | 'municipal_unit', name: string) => db.organisation.create({ data: { sector, name } }).then((row) => row.id);
  const organisations = {
    W: await organisation('hospital_ward', 'Medicinsk afdeling, Horsens'),
    W2: await organisation('hospital_ward', 'Medicinsk afdeling, Randers'),
    M: await organisation('municipal_unit', 'Odder Kommune'),
    O: await organisation('municipal_unit', 'Norddjurs Kommune'),
  };
  const passwordHash = await hashPassword(PASSWORD);
  const staff = async (role: 'discharge_coordinator' | 'home_nurse' | 'nurse', organisationId: string, administrator = false) => {
    const login = uniqueLogin();
    const row = await db.staffUser.create({ data: { name: `Staff ${role}`, role, organisationId, login, passwordHash, administrator } });
    return { id: row.id, login };
  };
  const coordinator = await staff('discharge_coordinator', organisations.W);
  const homeNurse = await staff('home_nurse', organisations.M);
  const administratorNurse = await staff('nurse', organisations.M, true);

  const orgId = (name: 'W' | 'W2' | 'M' | 'O') => organisations[name];
  for (const discharge of [...DISCHARGES, ...OTHERS]) {
    const ward = orgId(discharge.ward ?? 'W');
    const careTeam = (discharge.careTeam ?? ['W', 'M']).map((name) => orgId(name));
    const patient = await db.patient.create({
      data: { name: 'Borger', cprNumber: uniqueCprNumber(), dateOfBirth: new Date('1940-01-01'), homeMunicipalityId: careTeam.find((id) => id === organisations.M || id === organisations.O) ?? organisations.M },
    });
    const episode = await db.episode.create({
      data: {
        patientId: patient.id,
        admittingWardId: ward,
        admittedAt: plus(discharge.dischargedAt, -5 * DAY),
        dischargedAt: discharge.dischargedAt,
        status: 'discharged',
        screeningScore: discharge.score ?? null,
        careTeamOrganisations: { create: [...new Set(careTeam)].map((organisationId) => ({ organisationId })) },
      },
    });
    const visit = (kind: 'reception_visit' | 'follow_up_home_visit' | 'day_after_check', performedAt: Date | undefined) =>
      performedAt === undefined
        ? undefined
        : db.visit.create({ data: { episodeId: episode.id, kind, mode: 'at_home', performedAt, recordedById: coordinator.id, checklist: {} } });
    await visit('reception_visit', discharge.reception);
    await visit('follow_up_home_visit', discharge.followUp);
    await visit('day_after_check', discharge.dayAfterCheck);
    const conference = async (kind: 'goal_conversation' | 'discharge_conference', endedAt: Date, how: 'held' | 'held-with-start' | 'nobody-came') => {
      const startedAt = plus(endedAt, -45 * MINUTE);
      const row = await db.conference.create({
        data: {
          episodeId: episode.id,
          kind,
          scheduledStart: startedAt,
          plannedDurationMinutes: 45,
          status: 'ended',
          hostId: coordinator.id,
          startedAt: how === 'held-with-start' ? startedAt : null,
          endedAt,
        },
      });
      if (how === 'held') {
        await db.participant.create({ data: { conferenceId: row.id, role: 'hospital', staffUserId: coordinator.id, lobbyState: 'admitted', joinedAt: startedAt, leftAt: endedAt } });
      }
    };
    if (discharge.dischargeConference !== undefined) await conference('discharge_conference', plus(discharge.dischargedAt, -2 * HOUR), discharge.dischargeConference);
    if (discharge.goalConversationEndedAt !== undefined) await conference('goal_conversation', discharge.goalConversationEndedAt, 'held');
    if (discharge.readmittedAt !== undefined) {
      await db.episode.create({ data: { patientId: patient.id, admittingWardId: ward, admittedAt: discharge.readmittedAt, status: 'admitted' } });
    }
    for (const request of discharge.advice ?? []) {
      await db.adviceRequest.create({
        data: {
          episodeId: episode.id,
          requestedBy: 'relative',
          requesterName: 'Datter',
          requesterContact: '+45 20 30 40 50',
          channel: 'phone',
          question: 'Hun er forvirret.',
          urgency: 'routine',
          createdAt: request.at,
          ...(request.answeredAfter === undefined ? {} : { takenById: coordinator.id, takenAt: request.at, answeredAt: plus(request.at, request.answeredAfter), answerChannel: 'phone' }),
        },
      });
    }
  }
  // Not held, whatever their kind: cancelled, and still running.
  const anyEpisode = await db.episode.findFirstOrThrow({ where: { dischargedAt: D1 } });
  await db.conference.create({ data: { episodeId: anyEpisode.id, kind: 'follow_up', scheduledStart: at('2026-04-01T08:00:00Z'), plannedDurationMinutes: 30, status: 'cancelled', hostId: coordinator.id } });
  await db.conference.create({
    data: { episodeId: anyEpisode.id, kind: 'advice_call', scheduledStart: at('2026-11-30T21:30:00Z'), plannedDurationMinutes: 30, status: 'live', hostId: coordinator.id, startedAt: at('2026-11-30T21:30:00Z') },
  });
  return { organisations, logins: { coordinator: coordinator.login, homeNurse: homeNurse.login, administratorNurse: administratorNurse.login } };
}

/** What Odder (M) should see: D1–D13. */
const EXPECTED_M = {
  conferencesHeld: { goal_conversation: { value: 7 }, discharge_conference: { value: 5 }, advice_call: { value: 0 }, follow_up: { value: 0 } },
  discharges: { value: 13 },
  // Kept D1 D3 D4 D7 D11; late D2 D5 (only a day-after check) D6 D8 D9 D12 D13; pending D10.
  receptionVisitWithin24h: { numerator: { value: 5 }, denominator: { value: 12 }, percent: 41.7, pending: { fewerThan: 5 } },
  // Offered D1 D2 D4 D5 D7 D8 D10. Kept D1 D5 D8; late D2 D4 (12:30 UTC, after 14:00 CEST) D7; pending D10.
  followUpVisitWithin8Days: { numerator: { value: 3 }, denominator: { value: 6 }, percent: 50, pending: { fewerThan: 5 } },
  // D1 D2 D6 D7 D8 D9.
  dischargedBeforeNoon: { numerator: { value: 6 }, denominator: { value: 13 }, percent: 46.2 },
  // Five in D9's window and one in D10's; answered after 30, 60, 90, 120 and 10 minutes.
  advice: { requests: { value: 6 }, answered: { value: 5 }, medianMinutesToAnswer: 60 },
  readmission: {
    // D1 (at exactly 30 days) and D6 of D1 D5 D6 D7 D8.
    withVideoDischargeConference: { numerator: { value: 2 }, denominator: { value: 5 }, percent: 40 },
    // D3 D4 D13 of D2 D3 D4 D12 D13 (D12's next admission began at its discharge instant: not a readmission).
    withoutVideoDischargeConference: { numerator: { value: 3 }, denominator: { value: 5 }, percent: 60 },
    // D9 D10 D11.
    windowStillOpen: { fewerThan: 5 },
  },
};

describe.each(DATABASE_KINDS)('the figures (indicators) on %s', (kind) => {
  let server: ApiServer;
  let record: Record;
  let coordinator: ApiClient;
  beforeAll(async () => {
    server = await startApiServer(kind, { seedDemo: false });
    server.clock.set(NOW);
    record = await buildRecord(server.fresh.db.prisma);
    coordinator = await server.login(record.logins.coordinator, PASSWORD);
  });
  afterAll(() => server?.close());

  const figures = async (query: string, client = coordinator) => {
    const answer = await client.get(`/indicators?${query}`);
    expect(answer.status, answer.text).toBe(200);
    return answer.body;
  };

  it('counts every figure of an organisation from the record, edges included', async () => {
    const body = await figures(`${PERIOD}&organisationId=${record.organisations.M}`);
    expect(body).toEqual({
      period: { from: '2026-03-01', to: '2026-12-01' },
      organisation: { id: record.organisations.M, name: 'Odder Kommune' },
      computedAt: NOW.toISOString(),
      smallCellLimit: 5,
      ...EXPECTED_M,
    });
  });

  it("counts a ward's own admissions too, other organisations' episodes only where they are in the care team, and everything without an organisation", async () => {
    expect((await figures(`${PERIOD}&organisationId=${record.organisations.W}`)).discharges).toEqual({ value: 14 });
    const other = await figures(`${PERIOD}&organisationId=${record.organisations.O}`);
    expect(other.discharges).toEqual({ value: 6 });
    expect(other.receptionVisitWithin24h).toMatchObject({ numerator: { value: 6 }, denominator: { value: 6 }, percent: 100 });
    expect(other.conferencesHeld.discharge_conference).toEqual({ value: 5 });
    const all = await figures(PERIOD);
    expect(all.organisation).toBeNull();
    expect(all.discharges).toEqual({ value: 19 });
    expect(all.conferencesHeld.discharge_conference).toEqual({ value: 10 });
    expect(all.dischargedBeforeNoon).toEqual({ numerator: { value: 12 }, denominator: { value: 19 }, percent: 63.2 });
  });

  it('a short period shows small cells as fewer than five and withholds their shares', async () => {
    // 10 March: D1 D2 D3.
    const day = await figures(`from=2026-03-10&to=2026-03-11&organisationId=${record.organisations.M}`);
    expect(day.discharges).toEqual({ fewerThan: 5 });
    expect(day.dischargedBeforeNoon).toEqual({ numerator: { fewerThan: 5 }, denominator: { fewerThan: 5 }, percent: null });
    expect(day.receptionVisitWithin24h).toEqual({ numerator: { fewerThan: 5 }, denominator: { fewerThan: 5 }, percent: null, pending: { value: 0 } });
    expect(day.advice).toEqual({ requests: { value: 0 }, answered: { value: 0 }, medianMinutesToAnswer: null });
  });

  it('the CSV export holds the same figures, for Danish Excel', async () => {
    const query = `${PERIOD}&organisationId=${record.organisations.M}`;
    const json = indicatorsResponseSchema.parse(await figures(query));
    const answer = await coordinator.get(`/indicators.csv?${query}`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(answer.headers.get('content-disposition')).toBe('attachment; filename=samplan-indikatorer.csv');
    const bytes = new Uint8Array(await (await fetch(`${server.samplan.url}/api/indicators.csv?${query}`, { headers: { cookie: coordinator.cookie as string } })).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = new Map(
      answer.text
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n')
        .slice(1)
        .map((line) => {
          const [key, , from, to, organisation, count, of, percent, pending] = line.split(';');
          expect([from, to, organisation]).toEqual(['2026-03-01', '2026-12-01', 'Odder Kommune']);
          return [key, { count, of, percent, pending }];
        }),
    );
    type Share = IndicatorsResponse['dischargedBeforeNoon'] & { pending?: PublishedCount };
    const cell = (value: PublishedCount) => ('value' in value ? String(value.value) : `< ${value.fewerThan}`);
    const decimal = (value: number | null) => (value === null ? '' : String(value).replace('.', ','));
    const share = (value: Share) => ({
      count: cell(value.numerator),
      of: cell(value.denominator),
      percent: decimal(value.percent),
      pending: value.pending === undefined ? '' : cell(value.pending),
    });
    const count = (value: PublishedCount) => ({ count: cell(value), of: '', percent: '', pending: '' });
    expect(Object.fromEntries(rows)).toEqual({
      'conferences_held.goal_conversation': count(json.conferencesHeld.goal_conversation),
      'conferences_held.discharge_conference': count(json.conferencesHeld.discharge_conference),
      'conferences_held.advice_call': count(json.conferencesHeld.advice_call),
      'conferences_held.follow_up': count(json.conferencesHeld.follow_up),
      discharges: count(json.discharges),
      reception_visit_within_24h: share(json.receptionVisitWithin24h),
      follow_up_visit_within_8_days: share(json.followUpVisitWithin8Days),
      discharged_before_noon: share(json.dischargedBeforeNoon),
      'advice.requests': count(json.advice.requests),
      'advice.answered': count(json.advice.answered),
      'advice.median_minutes_to_answer': { count: decimal(json.advice.medianMinutesToAnswer), of: '', percent: '', pending: '' },
      'readmission.with_video_discharge_conference': share(json.readmission.withVideoDischargeConference),
      'readmission.without_video_discharge_conference': share(json.readmission.withoutVideoDischargeConference),
      'readmission.window_still_open': count(json.readmission.windowStillOpen),
    });
    expect(rows.get('readmission.with_video_discharge_conference')).toEqual({ count: '2', of: '5', percent: '40', pending: '' });
  });

  it('refuses a role without the right (audited) and lets an administrator in whatever her role', async () => {
    const homeNurse = await server.login(record.logins.homeNurse, PASSWORD);
    const refused = await homeNurse.get(`/indicators?${PERIOD}`);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('FORBIDDEN');
    expect((await homeNurse.get(`/indicators.csv?${PERIOD}`)).status).toBe(403);
    const me = (await homeNurse.get('/auth/me')).body.principal.staffId as string;
    const trail = await server.fresh.db.prisma.auditEvent.findMany({ where: { actorId: me, resourceType: { in: ['Indicators', 'Organisation'] } }, orderBy: { at: 'asc' } });
    expect(trail.map((event) => [event.action, event.via, event.outcome, event.patientId])).toEqual([
      ['read', 'GET /api/indicators', 'denied', null],
      ['export', 'GET /api/indicators.csv', 'denied', null],
    ]);

    const administrator = await server.login(record.logins.administratorNurse, PASSWORD);
    expect((await figures(`${PERIOD}&organisationId=${record.organisations.M}`, administrator)).discharges).toEqual({ value: 13 });
    // The page's organisation picker reads the one organisation list.
    const organisations = await administrator.get('/organisations');
    expect(organisations.body.organisations.map((row: { name: string }) => row.name)).toEqual([
      'Medicinsk afdeling, Horsens',
      'Medicinsk afdeling, Randers',
      'Norddjurs Kommune',
      'Odder Kommune',
    ]);
  });

  it('audits every read and export of the figures with the organisation asked for', async () => {
    const me = (await coordinator.get('/auth/me')).body.principal.staffId as string;
    await coordinator.get(`/indicators.csv?${PERIOD}&organisationId=${record.organisations.O}`);
    const last = await server.fresh.db.prisma.auditEvent.findFirstOrThrow({ where: { actorId: me, resourceType: 'Indicators' }, orderBy: { at: 'desc' } });
    expect(last).toMatchObject({ action: 'export', resourceId: record.organisations.O, outcome: 'ok', patientId: null, via: 'GET /api/indicators.csv' });
  });

  it.each([
    ['from=2026-03-01', 400],
    ['from=2026-03-01&to=2026-03-01', 400],
    ['from=2026-03-01&to=2030-03-01', 400],
    ['from=2026-02-30&to=2026-03-01', 400],
    [`${PERIOD}&organisationId=not-an-id`, 400],
    [`${PERIOD}&organisationId=0193a1b2-0000-7000-8000-000000000001`, 404],
  ])('answers %s with %i', async (query, status) => {
    expect((await coordinator.get(`/indicators?${query}`)).status).toBe(status);
  });
});
