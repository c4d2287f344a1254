/**
 * The figures for one year of a region, on the local PostgreSQL server:
 *
 * 1. A throw-away database, migrated by Samplan itself, filled in SQL
 *    (INSERT … SELECT over generate_series: nothing crosses the wire) with a
 *    year of a region: 5 wards, 19 municipalities, 40 GP practices, 70,000
 *    patients, EPISODES episodes (readmissions among them, since patients come
 *    back), each with ward, municipality and GP in its care team; reception,
 *    follow-up and day-after visits; goal conversations, discharge conferences
 *    and advice calls; advice requests in the 7-day window.
 * 2. Samplan serves it; a separate process (bench/indicatorsLoad.ts) signs in
 *    as a discharge coordinator and asks for the year's figures REQUESTS
 *    times, one request at a time, alternately for one organisation (a
 *    municipality) and for all, and prints the latencies.
 *
 *   npm run bench:indicators          env: BENCH_EPISODES (100000), BENCH_REQUESTS (40)
 *
 * BENCH_KEEP_DATABASE=1 leaves the generated database in place and prints its
 * URL, so a query plan can be studied (EXPLAIN) without generating it again.
 *
 * The last line printed is one JSON object with the results; target p95 ≤ 500 ms.
 */
import { execFileSync, spawn } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { startSession } from '@samplan/server/auth/sessions.ts';
import { sessionCookieName } from '@samplan/server/auth/sessionCookie.ts';
import { systemClock } from '@samplan/server/record/clock.ts';
import { createTestDatabase } from '../support/postgres.ts';
import { startTestSamplan } from '../support/samplan.ts';

const EPISODES = Number(process.env.BENCH_EPISODES ?? 100_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 40);
const SECRET = 'indicator-bench-secret-that-is-long-enough-for-hs256';
const TARGET_P95_MS = 500;

async function main(): Promise<void> {
  const database = await createTestDatabase();
  const samplan = await startTestSamplan({ databaseUrl: database.url, secret: SECRET });
  try {
    const db = samplan.database.prisma;
    const generated = performance.now();
    const ids = await generateRegion(db, EPISODES);
    const generateMs = performance.now() - generated;
    const counts = await db.$queryRawUnsafe<Array<Record<string, number>>>(`
      SELECT (SELECT count(*)::int FROM "Episode") AS episodes, (SELECT count(*)::int FROM "Visit") AS visits,
             (SELECT count(*)::int FROM "Conference") AS conferences, (SELECT count(*)::int FROM "AdviceRequest") AS advice,
             (SELECT count(*)::int FROM "CareTeamOrganisation") AS "careTeamRows"`);
    console.log(`Generated in ${(generateMs / 1000).toFixed(1)} s: ${JSON.stringify(counts[0])}`);

    const { token } = await startSession({ db, secret: SECRET, now: systemClock }, { kind: 'staff', subject: ids.coordinator });
    const year = { from: '2025-12-01', to: '2026-12-01' };
    const load = await runLoad({
      url: samplan.url,
      cookie: `${sessionCookieName(false)}=${token}`,
      queries: [`from=${year.from}&to=${year.to}&organisationId=${ids.municipality}`, `from=${year.from}&to=${year.to}`],
      requests: REQUESTS,
    });
    const first = await (await fetch(`${samplan.url}/api/indicators?from=${year.from}&to=${year.to}`, { headers: { cookie: `${sessionCookieName(false)}=${token}` } })).json();
    console.log(`\nThe year for all organisations: ${first.discharges.value} discharges, readmitted ${first.readmission.withVideoDischargeConference.percent} % with a video discharge conference, ${first.readmission.withoutVideoDischargeConference.percent} % without`);
    console.log(`GET /api/indicators, one year, ${REQUESTS} requests one at a time (${cpus().length} cores, load ${loadavg().map((n) => n.toFixed(2)).join(' ')})`);
    console.log(`  one municipality: p50 ${load.byQuery[0]!.p50_ms} ms, p95 ${load.byQuery[0]!.p95_ms} ms`);
    console.log(`  all organisations: p50 ${load.byQuery[1]!.p50_ms} ms, p95 ${load.byQuery[1]!.p95_ms} ms`);
    console.log(`  both: p50 ${load.p50_ms} ms, p95 ${load.p95_ms} ms, max ${load.max_ms} ms (target p95 ≤ ${TARGET_P95_MS} ms)`);
    console.log(
      JSON.stringify({
        episodes: counts[0]!.episodes,
        visits: counts[0]!.visits,
        conferences: counts[0]!.conferences,
        advice_requests: counts[0]!.advice,
        generate_s: Math.round(generateMs / 100) / 10,
        requests: load.requests,
        errors: load.errors,
        one_organisation_p50_ms: load.byQuery[0]!.p50_ms,
        one_organisation_p95_ms: load.byQuery[0]!.p95_ms,
        all_p50_ms: load.byQuery[1]!.p50_ms,
        all_p95_ms: load.byQuery[1]!.p95_ms,
        p50_ms: load.p50_ms,
        p95_ms: load.p95_ms,
        max_ms: load.max_ms,
        target_p95_ms: TARGET_P95_MS,
        met: load.errors === 0 && load.p95_ms <= TARGET_P95_MS,
      }),
    );
  } finally {
    await samplan.close();
    if (process.env.BENCH_KEEP_DATABASE === '1') console.log(`Kept the database: ${database.url}`);
    else await database.drop();
  }
}

interface LoadResult {
  requests: number;
  errors: number;
  p50_ms: number;
  p95_ms: number;
  max_ms: number;
  byQuery: Array<{ p50_ms: number; p95_ms: number }>;
}

/** The requester runs in its own process, so its work never shares the server's event loop. */
function runLoad(input: { url: string; cookie: string; queries: string[]; requests: number }): Promise<LoadResult> {
  const script = fileURLToPath(new URL('./indicatorsLoad.ts', import.meta.url));
  const tsx = execFileSync('node', ['-e', "process.stdout.write(require.resolve('tsx/cli'))"], { encoding: 'utf8' });
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [tsx, script], { env: { ...process.env, BENCH_INPUT: JSON.stringify(input) }, stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      const last = output.trim().split('\n').at(-1) ?? '';
      if (code !== 0) reject(new Error(`the load process ended with ${code}: ${output}`));
      else resolve(JSON.parse(last) as LoadResult);
    });
  });
}

interface RegionIds {
  coordinator: string;
  municipality: string;
}

type Sql = { $executeRawUnsafe(sql: string): Promise<number>; $queryRawUnsafe<T>(sql: string): Promise<T> };

/**
 * A year of a region. Times: admissions over the year before 2026-11-20,
 * stays of 1–10 days, so every discharge is before now. The helper tables are
 * ordinary ones (Prisma's pool may run each statement on another connection,
 * which would not see a temporary table) and are dropped at the end.
 */
async function generateRegion(db: Sql, episodes: number): Promise<RegionIds> {
  const run = (sql: string) => db.$executeRawUnsafe(sql);
  await run(`
    INSERT INTO "Organisation" (id, sector, name, "updatedAt")
    SELECT gen_random_uuid(), 'hospital_ward'::"Sector", 'Afdeling ' || n, now() FROM generate_series(1, 5) n
    UNION ALL SELECT gen_random_uuid(), 'municipal_unit'::"Sector", 'Kommune ' || n, now() FROM generate_series(1, 19) n
    UNION ALL SELECT gen_random_uuid(), 'general_practice'::"Sector", 'Lægehus ' || n, now() FROM generate_series(1, 40) n`);
  await run(`CREATE TABLE bench_org AS SELECT id, sector, row_number() OVER (PARTITION BY sector ORDER BY name) - 1 AS n FROM "Organisation"`);
  await run(`
    INSERT INTO "StaffUser" (id, name, role, "organisationId", login, "passwordHash", "updatedAt")
    SELECT gen_random_uuid(), 'Koordinator ' || n, 'discharge_coordinator', id, 'koordinator' || n || '@bench.test', 'not-a-hash', now()
    FROM bench_org WHERE sector = 'hospital_ward'`);
  const [coordinator] = await db.$queryRawUnsafe<Array<{ id: string; ward: string }>>(`SELECT id, "organisationId" AS ward FROM "StaffUser" ORDER BY login LIMIT 1`);
  const [municipality] = await db.$queryRawUnsafe<Array<{ id: string }>>(`SELECT id FROM bench_org WHERE sector = 'municipal_unit' AND n = 0`);
  const patients = Math.max(1, Math.round(episodes * 0.7));
  await run(`
    INSERT INTO "Patient" (id, name, "cprNumber", "dateOfBirth", "homeMunicipalityId", "updatedAt")
    SELECT gen_random_uuid(), 'Borger ' || i,
           lpad((1 + i % 28)::text, 2, '0') || lpad((1 + (i / 28) % 12)::text, 2, '0') || lpad(((i / 336) % 100)::text, 2, '0') || '-' || lpad((i / 33600)::text, 4, '0'),
           date '1930-01-01' + (i % 10000), (SELECT id FROM bench_org WHERE sector = 'municipal_unit' AND n = i % 19), now()
    FROM generate_series(0, ${patients - 1}) i`);
  await run(`CREATE TABLE bench_pat AS SELECT id, "homeMunicipalityId", row_number() OVER (ORDER BY "cprNumber") - 1 AS n FROM "Patient"`);
  await run(`CREATE INDEX ON bench_pat (n)`);
  await run(`
    CREATE TABLE bench_ep AS
    SELECT gen_random_uuid() AS id, p.id AS patient, p."homeMunicipalityId" AS municipality,
           (SELECT id FROM bench_org WHERE sector = 'hospital_ward' AND n = i % 5) AS ward,
           (SELECT id FROM bench_org WHERE sector = 'general_practice' AND n = i % 40) AS gp,
           admitted, admitted + (1 + random() * 9) * interval '1 day' AS discharged,
           (random() * 60)::int AS score, random() AS r1, random() AS r2, random() AS r3, random() AS r4
    FROM (SELECT i, timestamptz '2025-11-25 00:00+01' + random() * interval '360 days' AS admitted FROM generate_series(0, ${episodes - 1}) i) s
    JOIN bench_pat p ON p.n = s.i % ${patients}`);
  await run(`
    INSERT INTO "Episode" (id, "patientId", "admittingWardId", "admittedAt", "dischargedAt", "dischargeDestination", "gpPracticeId", "screeningScore", status, "updatedAt")
    SELECT id, patient, ward, admitted, discharged, 'home', gp, score, 'discharged', now() FROM bench_ep`);
  await run(`
    INSERT INTO "CareTeamOrganisation" ("episodeId", "organisationId")
    SELECT id, ward FROM bench_ep UNION ALL SELECT id, municipality FROM bench_ep UNION ALL SELECT id, gp FROM bench_ep`);
  // Reception visit for 85 %, mostly within 24 h; follow-up for most of those screened ≥ 23; a day-after check for a third.
  await run(`
    INSERT INTO "Visit" (id, "episodeId", kind, mode, "performedAt", "recordedById", checklist)
    SELECT gen_random_uuid(), id, 'reception_visit'::"VisitKind", 'at_home'::"VisitMode", discharged + r1 * interval '30 hours', '${coordinator!.id}'::uuid, '{}'::jsonb FROM bench_ep WHERE r2 < 0.85
    UNION ALL
    SELECT gen_random_uuid(), id, 'follow_up_home_visit'::"VisitKind", 'at_home'::"VisitMode", discharged + r2 * interval '10 days', '${coordinator!.id}'::uuid, '{}'::jsonb FROM bench_ep WHERE score >= 23 AND r3 < 0.8
    UNION ALL
    SELECT gen_random_uuid(), id, 'day_after_check'::"VisitKind", 'phone'::"VisitMode", discharged + interval '1 day', '${coordinator!.id}'::uuid, '{}'::jsonb FROM bench_ep WHERE r4 < 0.33`);
  // Goal conversations for 60 %, video discharge conferences for those screened ≥ 31 (nine in ten held), advice calls for 5 %.
  await run(`
    INSERT INTO "Conference" (id, "episodeId", kind, "scheduledStart", "plannedDurationMinutes", status, "hostId", "startedAt", "endedAt", "updatedAt")
    SELECT gen_random_uuid(), id, 'goal_conversation'::"ConferenceKind", admitted + interval '1 day', 45, 'ended'::"ConferenceStatus", '${coordinator!.id}'::uuid, admitted + interval '1 day', admitted + interval '1 day 45 minutes', now() FROM bench_ep WHERE r1 < 0.6
    UNION ALL
    SELECT gen_random_uuid(), id, 'discharge_conference'::"ConferenceKind", discharged - interval '3 hours', 30,
           CASE WHEN r3 < 0.9 THEN 'ended' ELSE 'cancelled' END::"ConferenceStatus", '${coordinator!.id}'::uuid,
           NULL, CASE WHEN r3 < 0.9 THEN discharged - interval '150 minutes' END, now()
    FROM bench_ep WHERE score >= 31
    UNION ALL
    SELECT gen_random_uuid(), id, 'advice_call'::"ConferenceKind", discharged + interval '2 days', 20, 'ended'::"ConferenceStatus", '${coordinator!.id}'::uuid, discharged + interval '2 days', discharged + interval '2 days 20 minutes', now() FROM bench_ep WHERE r4 > 0.95`);
  // As the product records them: the host in the call of every conference that ended (discharge conferences have no start time, like those ended from the screens).
  await run(`
    INSERT INTO "Participant" (id, "conferenceId", role, "staffUserId", "lobbyState", "joinedAt", "leftAt", "updatedAt")
    SELECT gen_random_uuid(), id, 'hospital'::"ParticipantRole", "hostId", 'admitted'::"LobbyState", "scheduledStart", "endedAt", now() FROM "Conference" WHERE status = 'ended'`);
  // Advice requests for a fifth, inside the 7-day window, nine in ten answered.
  await run(`
    INSERT INTO "AdviceRequest" (id, "episodeId", "requestedBy", "requesterName", channel, question, urgency, "createdAt", "takenById", "takenAt", "answeredAt", "answerChannel")
    SELECT gen_random_uuid(), id, 'relative', 'Pårørende', 'phone', 'Spørgsmål', 'routine', discharged + r2 * interval '6 days',
           CASE WHEN r3 < 0.9 THEN '${coordinator!.id}'::uuid END, CASE WHEN r3 < 0.9 THEN discharged + r2 * interval '6 days' END,
           CASE WHEN r3 < 0.9 THEN discharged + r2 * interval '6 days' + r4 * interval '3 hours' END, CASE WHEN r3 < 0.9 THEN 'phone'::"AdviceChannel" END
    FROM bench_ep WHERE r1 > 0.8`);
  await run(`DROP TABLE bench_ep, bench_pat, bench_org`);
  await run(`ANALYZE`);
  return { coordinator: coordinator!.id, municipality: municipality!.id };
}

await main();
