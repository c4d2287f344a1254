import { type EpisodeSummary, readmissionMarkOf } from '@samplan/shared';
import type { Principal } from '../../auth/principal.ts';
import { allowedFor, type EpisodeRef } from '../access.ts';
import { episodeClocks, patientRef, recommendationsOf } from '../views.ts';
import type { EpisodeSummaryRow } from './visibleEpisodes.ts';

export function episodeSummary(row: EpisodeSummaryRow, ref: EpisodeRef, principal: Principal, now: Date): EpisodeSummary {
  return {
    id: row.id,
    status: row.status,
    admittedAt: row.admittedAt.toISOString(),
    dischargedAt: row.dischargedAt?.toISOString() ?? null,
    screeningScore: row.screeningScore,
    patient: patientRef(row.patient),
    ward: row.admittingWard,
    clocks: episodeClocks(row, now),
    recommendations: recommendationsOf(row.screeningScore),
    allowedActions: allowedFor(principal, ref.access, now),
    readmission: readmissionMarkOf(row.id, row.patient.episodes),
  };
}
