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
 *   including 24 elapsed hours later (episode-clocks.ts visitKept).
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
 * which is luxon's rule in copenhagen-time.ts, including a wall-clock time
 * that does not exist (moved an hour on).
 */
export async function countIndicators(db: DbClient, scope: IndicatorScope): Promise<IndicatorCounts> {
  const [row] = await db.$queryRaw<Row[]>`
    WITH args AS (
      SELECT ${scope.start}::timestamptz AS start, ${scope.end}::timestamptz AS stop, ${scope.organisationId}::uuid AS org,
             ${scope.now}::timestamptz AS now, ${COPENHAGEN_ZONE}::text AS zone
    ),
    discharged AS (
      SELECT e.id, e."patientId", e."dischargedAt" AS at,
             coalesce(e."screeningScore" >= ${FOLLOW_UP_HOME_VISIT_FROM}::int, false) AS offered_follow_up,
             (e."dischargedAt" AT TIME ZONE args.zone)::time < time '12:00' AS before_noon,
             e."dischargedAt" + make_interval(hours => ${RECEPTION_VISIT_HOURS}::int) AS reception_due,
             ((e."dischargedAt" AT TIME ZONE args.zone) + make_interval(days => ${FOLLOW_UP_VISIT_DAYS}::int)) AT TIME ZONE args.zone AS follow_up_due,
             ((e."dischargedAt" AT TIME ZONE args.zone) + make_interval(days => ${READMISSION_DAYS}::int)) AT TIME ZONE args.zone AS readmission_closes
      FROM "Episode" e, args
      WHERE e."dischargedAt" >= args.start AND e."dischargedAt" < args.stop
        AND (args.org IS NULL OR e."admittingWardId" = args.org
             OR EXISTS (SELECT 1 FROM "CareTeamOrganisation" t WHERE t."episodeId" = e.id AND t."organisationId" = args.org))
    ),
    outcomes AS (
      SELECT d.*,
        EXISTS (SELECT 1 FROM "Visit" v WHERE v."episodeId" = d.id AND v.kind = 'reception_visit'
                AND v."performedAt" >= d.at AND v."performedAt" <= d.reception_due) AS reception_kept,
        EXISTS (SELECT 1 FROM "Visit" v WHERE v."episodeId" = d.id AND v.kind = 'follow_up_home_visit'
                AND v."performedAt" >= d.at AND v."performedAt" <= d.follow_up_due) AS follow_up_kept,
        EXISTS (SELECT 1 FROM "Episode" r WHERE r."patientId" = d."patientId"
                AND r."admittedAt" > d.at AND r."admittedAt" <= d.readmission_closes) AS readmitted,
        EXISTS (SELECT 1 FROM "Conference" c WHERE c."episodeId" = d.id AND c.kind = 'discharge_conference' AND c.status = 'ended'
                AND (c."startedAt" IS NOT NULL OR EXISTS (SELECT 1 FROM "Participant" p WHERE p."conferenceId" = c.id AND p."joinedAt" IS NOT NULL))) AS video_conference
      FROM discharged d
    ),
    held AS (
      SELECT c.kind
      FROM "Conference" c JOIN "Episode" e ON e.id = c."episodeId", args
      WHERE c.status = 'ended' AND c."endedAt" >= args.start AND c."endedAt" < args.stop
        AND (c."startedAt" IS NOT NULL OR EXISTS (SELECT 1 FROM "Participant" p WHERE p."conferenceId" = c.id AND p."joinedAt" IS NOT NULL))
        AND (args.org IS NULL OR e."admittingWardId" = args.org
             OR EXISTS (SELECT 1 FROM "CareTeamOrganisation" t WHERE t."episodeId" = e.id AND t."organisationId" = args.org))
    ),
    advice AS (
      SELECT a."createdAt", a."answeredAt"
      FROM "AdviceRequest" a JOIN "Episode" e ON e.id = a."episodeId", args
      WHERE a."createdAt" >= args.start AND a."createdAt" < args.stop
        AND a."createdAt" >= e."dischargedAt"
        AND a."createdAt" < ((e."dischargedAt" AT TIME ZONE args.zone) + make_interval(days => ${ADVICE_WINDOW_DAYS}::int)) AT TIME ZONE args.zone
        AND (args.org IS NULL OR e."admittingWardId" = args.org
             OR EXISTS (SELECT 1 FROM "CareTeamOrganisation" t WHERE t."episodeId" = e.id AND t."organisationId" = args.org))
    )
    SELECT
      (SELECT json_build_object(
        'discharges', count(*)::int,
        'beforeNoon', count(*) FILTER (WHERE before_noon)::int,
        'receptionKept', count(*) FILTER (WHERE reception_kept)::int,
        'receptionFailed', count(*) FILTER (WHERE NOT reception_kept AND args.now > reception_due)::int,
        'followUpKept', count(*) FILTER (WHERE offered_follow_up AND follow_up_kept)::int,
        'followUpFailed', count(*) FILTER (WHERE offered_follow_up AND NOT follow_up_kept AND args.now > follow_up_due)::int,
        'followUpOffered', count(*) FILTER (WHERE offered_follow_up)::int,
        'withConference', count(*) FILTER (WHERE video_conference AND args.now > readmission_closes)::int,
        'withConferenceReadmitted', count(*) FILTER (WHERE video_conference AND args.now > readmission_closes AND readmitted)::int,
        'withoutConference', count(*) FILTER (WHERE NOT video_conference AND args.now > readmission_closes)::int,
        'withoutConferenceReadmitted', count(*) FILTER (WHERE NOT video_conference AND args.now > readmission_closes AND readmitted)::int
      ) FROM outcomes, args) AS discharges,
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
