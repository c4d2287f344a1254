import { addCalendarDays } from './copenhagenTime.ts';
import type { EpisodeTimes } from './episode.ts';

/**
 * Readmission within 30 days (*genindlæggelse*), the pathway's main measure.
 * Like every clock stated in days, 30 days is the same Copenhagen wall-clock
 * time 30 calendar days after the discharge (720 h ± 1 h across a DST change),
 * and "within" includes that instant, as for the follow-up visit
 * (episodeClocks.ts). An admission at or before the discharge instant is a
 * transfer or an overlap, never a readmission.
 */
export const READMISSION_DAYS = 30;

export function readmissionWindowCloses(dischargedAt: Date): Date {
  return addCalendarDays(dischargedAt, READMISSION_DAYS);
}

export function isReadmission(dischargedAt: Date, admittedAt: Date): boolean {
  return admittedAt > dischargedAt && admittedAt <= readmissionWindowCloses(dischargedAt);
}

/** Until the window has closed, "not readmitted" is not yet known. */
export function isReadmissionWindowClosed(dischargedAt: Date, asOf: Date): boolean {
  return asOf > readmissionWindowCloses(dischargedAt);
}

export interface ReadmissionMarks<T extends EpisodeTimes> {
  readonly episode: T;
  /** Admitted within 30 days of the latest earlier discharge. */
  readonly isReadmission: boolean;
  /** Discharged, and the next admission came within 30 days. */
  readonly dischargeFollowedByReadmission: boolean;
}

/**
 * Marks one patient's episodes, in the order given. Only the nearest discharge
 * before an admission and the nearest admission after a discharge matter: if
 * any is within 30 days, the nearest is.
 */
export function markReadmissions<T extends EpisodeTimes>(episodes: readonly T[]): ReadmissionMarks<T>[] {
  const admissions = episodes.map((episode) => episode.admittedAt.getTime()).sort((a, b) => a - b);
  const discharges = episodes.flatMap((episode) => (episode.dischargedAt === null ? [] : [episode.dischargedAt.getTime()])).sort((a, b) => a - b);

  return episodes.map((episode) => {
    const admitted = episode.admittedAt.getTime();
    const previousDischarge = discharges.findLast((discharged) => discharged < admitted);
    const discharged = episode.dischargedAt?.getTime();
    const nextAdmission = discharged === undefined ? undefined : admissions.find((other) => other > discharged);
    return {
      episode,
      isReadmission: previousDischarge !== undefined && isReadmission(new Date(previousDischarge), episode.admittedAt),
      dischargeFollowedByReadmission:
        discharged !== undefined && nextAdmission !== undefined && isReadmission(new Date(discharged), new Date(nextAdmission)),
    };
  });
}
