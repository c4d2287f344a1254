import { ADVICE_WINDOW_DAYS, COPENHAGEN_ZONE, FOLLOW_UP_HOME_VISIT_FROM, FOLLOW_UP_VISIT_DAYS, READMISSION_DAYS, RECEPTION_VISIT_HOURS } from '@samplan/shared';
import type { DbClient } from '../../store/database.ts';

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
  readonly conferencesHeld: { readonly goal_conversation: number; readonly discharge_conference: number; readonly advice_call: number; readonly follow_up: number };
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
 */
export async function countIndicators(db: DbClient, scope: IndicatorScope): Promise<IndicatorCounts> {
  const [row] = await db.$queryRaw<Row[]>`
    WITH scope AS MATERIALIZED (
      -- The organisation's episodes (hashed once); unused when it is null, which the planner sees.
      SELECT "episodeId" AS id FROM "CareTeamOrganisation" WHERE "organisationId" = ${scope.organisationId}::uuid
      UNION SELECT id FROM "Episode" WHERE "admittingWardId" = ${scope.organisationId}::uuid
    ),
    held_conference AS (
      SELECT c.id, c."episodeId", c.kind, c."endedAt"
      FROM "Conference" c
      WHERE c.status = 'ended'
        AND (c."startedAt" IS NOT NULL OR c.id IN (SELECT "conferenceId" FROM "Participant" WHERE "joinedAt" IS NOT NULL))
    ),
    discharged AS MATERIALIZED (
      SELECT e.id, e."patientId", e."dischargedAt" AS at,
             coalesce(e."screeningScore" >= ${FOLLOW_UP_HOME_VISIT_FROM}::int, false) AS offered_follow_up,
             (e."dischargedAt" AT TIME ZONE ${COPENHAGEN_ZONE})::time < time '12:00' AS before_noon,
             e."dischargedAt" + make_interval(hours => ${RECEPTION_VISIT_HOURS}::int) AS reception_due,
             ((e."dischargedAt" AT TIME ZONE ${COPENHAGEN_ZONE}) + make_interval(days => ${FOLLOW_UP_VISIT_DAYS}::int)) AT TIME ZONE ${COPENHAGEN_ZONE} AS follow_up_due,
             ((e."dischargedAt" AT TIME ZONE ${COPENHAGEN_ZONE}) + make_interval(days => ${READMISSION_DAYS}::int)) AT TIME ZONE ${COPENHAGEN_ZONE} AS readmission_closes
      FROM "Episode" e
      WHERE e."dischargedAt" >= ${scope.start}::timestamptz AND e."dischargedAt" < ${scope.end}::timestamptz
        AND (${scope.organisationId}::uuid IS NULL OR e.id IN (SELECT id FROM scope))
    ),
    reception_kept AS (
      SELECT DISTINCT d.id FROM discharged d JOIN "Visit" v ON v."episodeId" = d.id
      WHERE v.kind = 'reception_visit' AND v."performedAt" >= d.at AND v."performedAt" <= d.reception_due
    ),
    follow_up_kept AS (
      SELECT DISTINCT d.id FROM discharged d JOIN "Visit" v ON v."episodeId" = d.id
      WHERE v.kind = 'follow_up_home_visit' AND v."performedAt" >= d.at AND v."performedAt" <= d.follow_up_due
    ),
    readmitted AS (
      SELECT DISTINCT d.id FROM discharged d JOIN "Episode" r ON r."patientId" = d."patientId"
      WHERE r."admittedAt" > d.at AND r."admittedAt" <= d.readmission_closes
    ),
    video_conference AS (
      SELECT DISTINCT c."episodeId" AS id FROM held_conference c WHERE c.kind = 'discharge_conference'
    ),
    outcomes AS (
      SELECT d.*, rk.id IS NOT NULL AS reception_kept, fk.id IS NOT NULL AS follow_up_kept,
             ra.id IS NOT NULL AS readmitted, vc.id IS NOT NULL AS video_conference
      FROM discharged d
      LEFT JOIN reception_kept rk ON rk.id = d.id
      LEFT JOIN follow_up_kept fk ON fk.id = d.id
      LEFT JOIN readmitted ra ON ra.id = d.id
      LEFT JOIN video_conference vc ON vc.id = d.id
    ),
    held AS (
      SELECT c.kind FROM held_conference c
      WHERE c."endedAt" >= ${scope.start}::timestamptz AND c."endedAt" < ${scope.end}::timestamptz
        AND (${scope.organisationId}::uuid IS NULL OR c."episodeId" IN (SELECT id FROM scope))
    ),
    advice AS (
      SELECT a."createdAt", a."answeredAt"
      FROM "AdviceRequest" a JOIN "Episode" e ON e.id = a."episodeId"
      WHERE a."createdAt" >= ${scope.start}::timestamptz AND a."createdAt" < ${scope.end}::timestamptz
        AND a."createdAt" >= e."dischargedAt"
        AND a."createdAt" < ((e."dischargedAt" AT TIME ZONE ${COPENHAGEN_ZONE}) + make_interval(days => ${ADVICE_WINDOW_DAYS}::int)) AT TIME ZONE ${COPENHAGEN_ZONE}
        AND (${scope.organisationId}::uuid IS NULL OR e.id IN (SELECT id FROM scope))
    )
    SELECT
      (SELECT json_build_object(
        'discharges', count(*)::int,
        'beforeNoon', count(*) FILTER (WHERE before_noon)::int,
        'receptionKept', count(*) FILTER (WHERE reception_kept)::int,
        'receptionFailed', count(*) FILTER (WHERE NOT reception_kept AND ${scope.now}::timestamptz > reception_due)::int,
        'followUpKept', count(*) FILTER (WHERE offered_follow_up AND follow_up_kept)::int,
        'followUpFailed', count(*) FILTER (WHERE offered_follow_up AND NOT follow_up_kept AND ${scope.now}::timestamptz > follow_up_due)::int,
        'followUpOffered', count(*) FILTER (WHERE offered_follow_up)::int,
        'withConference', count(*) FILTER (WHERE video_conference AND ${scope.now}::timestamptz > readmission_closes)::int,
        'withConferenceReadmitted', count(*) FILTER (WHERE video_conference AND ${scope.now}::timestamptz > readmission_closes AND readmitted)::int,
        'withoutConference', count(*) FILTER (WHERE NOT video_conference AND ${scope.now}::timestamptz > readmission_closes)::int,
        'withoutConferenceReadmitted', count(*) FILTER (WHERE NOT video_conference AND ${scope.now}::timestamptz > readmission_closes AND readmitted)::int
      ) FROM outcomes) AS discharges,
      (SELECT coalesce(json_object_agg(kind, n), '{}'::json) FROM (SELECT kind, count(*)::int AS n FROM held GROUP BY kind) k) AS held,
      (SELECT json_build_object(
        'requests', count(*)::int,
        'answered', count("answeredAt")::int,
        'medianMs', percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM "answeredAt" - "createdAt") * 1000) FILTER (WHERE "answeredAt" IS NOT NULL)
      ) FROM advice) AS advice
  `;
  if (row === undefined) throw new Error('the indicator query returned no row');
  const d = row.discharges;
  const held = (kind: keyof IndicatorCounts['conferencesHeld']) => row.held[kind] ?? 0;
  return {
    conferencesHeld: { goal_conversation: held('goal_conversation'), discharge_conference: held('discharge_conference'), advice_call: held('advice_call'), follow_up: held('follow_up') },
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
  held: Partial<Record<keyof IndicatorCounts['conferencesHeld'], number>>;
  advice: { requests: number; answered: number; medianMs: number | null };
}
