import type { EpisodeTimes } from './episode.ts';
import { markReadmissions } from './readmission.ts';

/** What an episode page or list shows of the 30-day readmission rule, derived from the patient's record. */
export interface ReadmissionMark {
  /** Admitted within 30 days of an earlier discharge (*genindlæggelse*). */
  readonly isReadmission: boolean;
  /** Discharged, and admitted again within 30 days (*genindlagt inden 30 dage*). */
  readonly readmittedWithin30Days: boolean;
}

/** The mark of one episode among all the patient's episodes (which must include it). */
export function readmissionMarkOf<T extends EpisodeTimes & { readonly id: string }>(episodeId: string, patientEpisodes: readonly T[]): ReadmissionMark {
  const marks = markReadmissions(patientEpisodes).find((mark) => mark.episode.id === episodeId);
  return { isReadmission: marks?.isReadmission ?? false, readmittedWithin30Days: marks?.dischargeFollowedByReadmission ?? false };
}
