import { ADVICE_WINDOW_DAYS, COPENHAGEN_ZONE, FOLLOW_UP_HOME_VISIT_FROM, FOLLOW_UP_VISIT_DAYS, PATHWAY_CONFERENCE_KINDS, type PathwayConferenceKind, READMISSION_DAYS, RECEPTION_VISIT_HOURS } from '@samplan/shared';
import type { DbClient } from '../../store/database.ts';
import { Prisma } from '../../store/generated/client.ts';

export interface IndicatorScope {
  /** [start, end) */
  readonly start: Date;
  readonly end: Date;
  /** Null: every organisation. */
  readonly organisationId: string | null;
  /** What "the deadline has passed" and "the 30 days are over" are judged against. */
  readonly now: Date;
}

/** A promise after discharge: kept, failed (deadline passed without it), pending (neither yet). */
export interface PromiseCounts {
  readonly kept: number;
  readonly failed: number;
  readonly pending: number;
}

export interface IndicatorCounts {
  readonly conferencesHeld: Readonly<Record<PathwayConferenceKind, number>>;
  readonly discharges: number;
  readonly dischargedBeforeNoon: number;
  readonly receptionVisit: PromiseCounts;
  readonly followUpVisit: PromiseCounts;
  readonly readmission: {
    readonly withConference: { readonly readmitted: number; readonly all: number };
    readonly withoutConference: { readonly readmitted: number; readonly all: number };
    readonly windowStillOpen: number;
  };
  readonly advice: { readonly requests: number; readonly answered: number; readonly medianMsToAnswer: number | null };
}

/**
 * Every figure counted from the record in one round trip (the embedded
 * database serves one query at a time). The rules are those of shared/src/domain,
 * written in SQL so that a year of a region is counted where it lies:
 *
 * - An organisation's episodes: those it is in the care team of and, for a
 *   hospital ward, its own admissions. Null organisation: every episode.
 * - Discharges are counted in the period they happened in; so are the visits,
 *   readmissions and the time of day that belong to them.
 * - Reception visit kept: performed from the discharge instant up to and
 *   including 24 elapsed hours later (episodeClocks.ts visitKept).
 * - Follow-up home visit kept: up to and including the same Copenhagen
 *   wall-clock time 8 calendar days later; asked of discharges whose latest
 *   screening score is ≥ 23, the ones it is offered to.
 * - A promise not kept is counted as failed only once its deadline has passed
 *   (`now` after it); until then it is pending, in neither count.
 * - Before noon: before 12:00 Copenhagen time (isPreferredDischargeTime).
 * - Readmission: another admission of the same patient after the discharge
 *   and up to and including 30 calendar days later (readmission.ts); a
 *   discharge whose 30 days are not over is counted apart.
 * - A conference was held when it ended and somebody was in its call (or it
 *   has a start time); it is counted when it ended. The video discharge
 *   conference is a held discharge conference of the episode.
 * - Advice: requests made in the period inside the episode's 7-day window
 *   (from discharge, up to but not including 7 calendar days later); time to
 *   answer from the request to its answer, the median as percentile_cont(0.5),
 *   the mean of the two middle ones like medianDuration.
 *
 * "Calendar days later" is `(t AT TIME ZONE zone + n days) AT TIME ZONE zone`,
 * which is luxon's rule in copenhagenTime.ts, including a wall-clock time
 * that does not exist (moved an hour on).
 *
 * How it stays fast on a year of a region (bench:indicators): each discharge
 * is looked at once, its visits, readmissions and video discharge conference
 * joined to it and folded into one row per episode (bool_or), so every table
 * is read once and the planner may probe the indexes for one organisation or
 * hash whole tables for all. The joins take a plain range on timestamptz that
 * holds every candidate (n calendar days are never more than n days and an
 * hour, the most a daylight-saving change moves a clock), and the exact rule
 * above is then applied to those few candidates. The organisation's episodes
 * are found once, and when no organisation is asked for the filter is left
 * out of the SQL rather than disabled at run time.
 */
export async function countIndicators(db: DbClient, scope: IndicatorScope): Promise<IndicatorCounts> {
  const zone = COPENHAGEN_ZONE;
  const calendarDaysLater = (instant: Prisma.Sql, days: number) =>
    Prisma.sql`((${instant} AT TIME ZONE ${zone}) + make_interval(days => ${days}::int)) AT TIME ZONE ${zone}`;
  const dischargedAt = Prisma.sql`e."dischargedAt"`;
  const visitCandidateDays = Math.max(FOLLOW_UP_VISIT_DAYS, Math.ceil(RECEPTION_VISIT_HOURS / 24)) + 1;
  const organisationScope =
    scope.organisationId === null
      ? Prisma.empty
      : Prisma.sql`scope AS MATERIALIZED (
          SELECT "episodeId" AS id FROM "CareTeamOrganisation" WHERE "organisationId" = ${scope.organisationId}::uuid
          UNION SELECT id FROM "Episode" WHERE "admittingWardId" = ${scope.organisationId}::uuid
        ),`;
  const inScope = (episodeId: Prisma.Sql) => (scope.organisationId === null ? Prisma.empty : Prisma.sql`AND ${episodeId} IN (SELECT id FROM scope)`);
  // Held: started, or (one pass over the others) somebody joined its call.
  const heldConferenceKinds = Prisma.sql`
    SELECT c.kind FROM "Conference" c
    WHERE c.status = 'ended' AND c."endedAt" >= ${scope.start}::timestamptz AND c."endedAt" < ${scope.end}::timestamptz
      AND c."startedAt" IS NOT NULL ${inScope(Prisma.sql`c."episodeId"`)}
    UNION ALL
    SELECT c.kind FROM "Conference" c
    WHERE c.status = 'ended' AND c."endedAt" >= ${scope.start}::timestamptz AND c."endedAt" < ${scope.end}::timestamptz
      AND c."startedAt" IS NULL ${inScope(Prisma.sql`c."episodeId"`)}
      AND EXISTS (SELECT FROM "Participant" p WHERE p."conferenceId" = c.id AND p."joinedAt" IS NOT NULL)`;

  const [row] = await db.$queryRaw<Row[]>`
    WITH ${organisationScope}
    discharge AS (
      SELECT e."dischargedAt" AS at,
             coalesce(e."screeningScore" >= ${FOLLOW_UP_HOME_VISIT_FROM}::int, false) AS offered_follow_up,
             coalesce(bool_or(v.kind = 'reception_visit' AND v."performedAt" <= ${dischargedAt} + make_interval(hours => ${RECEPTION_VISIT_HOURS}::int)), false) AS reception_kept,
             coalesce(bool_or(v.kind = 'follow_up_home_visit' AND v."performedAt" <= ${calendarDaysLater(dischargedAt, FOLLOW_UP_VISIT_DAYS)}), false) AS follow_up_kept,
             coalesce(bool_or(r."admittedAt" <= ${calendarDaysLater(dischargedAt, READMISSION_DAYS)}), false) AS readmitted,
             coalesce(bool_or(c."startedAt" IS NOT NULL OR p."conferenceId" IS NOT NULL), false) AS video_conference
      FROM "Episode" e
      LEFT JOIN "Visit" v ON v."episodeId" = e.id AND v.kind IN ('reception_visit', 'follow_up_home_visit')
        AND v."performedAt" >= e."dischargedAt" AND v."performedAt" <= e."dischargedAt" + make_interval(days => ${visitCandidateDays}::int)
      LEFT JOIN "Episode" r ON r."patientId" = e."patientId"
        AND r."admittedAt" > e."dischargedAt" AND r."admittedAt" <= e."dischargedAt" + make_interval(days => ${READMISSION_DAYS + 1}::int)
      LEFT JOIN "Conference" c ON c."episodeId" = e.id AND c.kind = 'discharge_conference' AND c.status = 'ended'
      LEFT JOIN "Participant" p ON p."conferenceId" = c.id AND p."joinedAt" IS NOT NULL AND c."startedAt" IS NULL
      WHERE e."dischargedAt" >= ${scope.start}::timestamptz AND e."dischargedAt" < ${scope.end}::timestamptz ${inScope(Prisma.sql`e.id`)}
      GROUP BY e.id
    ),
    outcome AS (
      SELECT *,
             (at AT TIME ZONE ${zone})::time < time '12:00' AS before_noon,
             ${scope.now}::timestamptz > at + make_interval(hours => ${RECEPTION_VISIT_HOURS}::int) AS reception_due,
             ${scope.now}::timestamptz > ${calendarDaysLater(Prisma.sql`at`, FOLLOW_UP_VISIT_DAYS)} AS follow_up_due,
             ${scope.now}::timestamptz > ${calendarDaysLater(Prisma.sql`at`, READMISSION_DAYS)} AS readmission_closed
      FROM discharge
    )
    SELECT
      (SELECT json_build_object(
        'discharges', count(*)::int,
        'beforeNoon', count(*) FILTER (WHERE before_noon)::int,
        'receptionKept', count(*) FILTER (WHERE reception_kept)::int,
        'receptionFailed', count(*) FILTER (WHERE NOT reception_kept AND reception_due)::int,
        'followUpKept', count(*) FILTER (WHERE offered_follow_up AND follow_up_kept)::int,
        'followUpFailed', count(*) FILTER (WHERE offered_follow_up AND NOT follow_up_kept AND follow_up_due)::int,
        'followUpOffered', count(*) FILTER (WHERE offered_follow_up)::int,
        'withConference', count(*) FILTER (WHERE video_conference AND readmission_closed)::int,
        'withConferenceReadmitted', count(*) FILTER (WHERE video_conference AND readmission_closed AND readmitted)::int,
        'withoutConference', count(*) FILTER (WHERE NOT video_conference AND readmission_closed)::int,
        'withoutConferenceReadmitted', count(*) FILTER (WHERE NOT video_conference AND readmission_closed AND readmitted)::int
      ) FROM outcome) AS discharges,
      (SELECT coalesce(json_object_agg(kind, n), '{}'::json) FROM (SELECT kind, count(*)::int AS n FROM (${heldConferenceKinds}) held GROUP BY kind) k) AS held,
      (SELECT json_build_object(
        'requests', count(*)::int,
        'answered', count(a."answeredAt")::int,
        'medianMs', percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM a."answeredAt" - a."createdAt") * 1000) FILTER (WHERE a."answeredAt" IS NOT NULL)
      )
      FROM "AdviceRequest" a JOIN "Episode" e ON e.id = a."episodeId"
      WHERE a."createdAt" >= ${scope.start}::timestamptz AND a."createdAt" < ${scope.end}::timestamptz
        AND a."createdAt" >= e."dischargedAt" AND a."createdAt" < ${calendarDaysLater(dischargedAt, ADVICE_WINDOW_DAYS)}
        ${inScope(Prisma.sql`e.id`)}) AS advice
  `;
  if (row === undefined) throw new Error('the indicator query returned no row');
  const d = row.discharges;
  return {
    conferencesHeld: Object.fromEntries(PATHWAY_CONFERENCE_KINDS.map((kind) => [kind, row.held[kind] ?? 0])) as Record<PathwayConferenceKind, number>,
    discharges: d.discharges,
    dischargedBeforeNoon: d.beforeNoon,
    receptionVisit: { kept: d.receptionKept, failed: d.receptionFailed, pending: d.discharges - d.receptionKept - d.receptionFailed },
    followUpVisit: { kept: d.followUpKept, failed: d.followUpFailed, pending: d.followUpOffered - d.followUpKept - d.followUpFailed },
    readmission: {
      withConference: { readmitted: d.withConferenceReadmitted, all: d.withConference },
      withoutConference: { readmitted: d.withoutConferenceReadmitted, all: d.withoutConference },
      windowStillOpen: d.discharges - d.withConference - d.withoutConference,
    },
    advice: { requests: row.advice.requests, answered: row.advice.answered, medianMsToAnswer: row.advice.medianMs === null ? null : Number(row.advice.medianMs) },
  };
}

interface Row {
  discharges: {
    discharges: number;
    beforeNoon: number;
    receptionKept: number;
    receptionFailed: number;
    followUpKept: number;
    followUpFailed: number;
    followUpOffered: number;
    withConference: number;
    withConferenceReadmitted: number;
    withoutConference: number;
    withoutConferenceReadmitted: number;
  };
  held: Partial<Record<PathwayConferenceKind, number>>;
  advice: { requests: number; answered: number; medianMs: number | null };
}
