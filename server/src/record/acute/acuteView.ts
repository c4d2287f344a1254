import { type AcuteAssessmentView, type AcuteService, type AcuteTeamView, acuteTeamOpensAt, isWithinAcuteHours, tobsResponse } from '@samplan/shared';
import { DateTime } from 'luxon';
import type { Prisma } from '../../store/generated/client.ts';
import { tobsObservationSelect, tobsObservationView } from '../visits/visitView.ts';
import { conferenceSelect, conferenceView, patientRef } from '../views.ts';

/** What a municipality's acute team needs of its organisation row. */
export const acuteTeamSelect = {
  id: true,
  name: true,
  acuteServiceFromMinute: true,
  acuteServiceToMinute: true,
  acutePromiseMinutes: true,
} as const satisfies Prisma.OrganisationSelect;
type TeamRow = Prisma.OrganisationGetPayload<{ select: typeof acuteTeamSelect }>;

/** The team's hours and promise; null when the municipality has none on record. */
export function acuteServiceOf(team: TeamRow): AcuteService | null {
  const { acuteServiceFromMinute: fromMinute, acuteServiceToMinute: toMinute, acutePromiseMinutes: promiseMinutes } = team;
  if (fromMinute === null || toMinute === null || promiseMinutes === null) return null;
  return { fromMinute, toMinute, promiseMinutes };
}

export function acuteTeamView(team: TeamRow, now: Date): AcuteTeamView {
  const service = acuteServiceOf(team);
  const openNow = service !== null && isWithinAcuteHours(service, now);
  return {
    id: team.id,
    name: team.name,
    service,
    openNow,
    opensAt: service === null || openNow ? null : acuteTeamOpensAt(service, now).toISOString(),
  };
}

/** Whole years of age at `now` on the Copenhagen calendar. */
export function ageInYears(dateOfBirth: Date, now: Date): number {
  const born = DateTime.fromISO(dateOfBirth.toISOString().slice(0, 10), { zone: 'Europe/Copenhagen' });
  return Math.floor(DateTime.fromJSDate(now, { zone: 'Europe/Copenhagen' }).diff(born, 'years').years);
}

const staffRef = { select: { id: true, name: true } } as const;

export const acuteSelect = {
  id: true,
  episodeId: true,
  patient: { select: { id: true, name: true, cprNumber: true, dateOfBirth: true } },
  team: { select: acuteTeamSelect },
  reason: true,
  requestedBy: staffRef,
  createdAt: true,
  answerBy: true,
  takenBy: staffRef,
  takenAt: true,
  conference: { select: { ...conferenceSelect, tobsObservations: { select: tobsObservationSelect, orderBy: { observedAt: 'asc' } } } },
  decision: true,
  decisionReason: true,
  admissionWard: { select: { id: true, name: true } },
  bedReservationId: true,
  followUpAt: true,
  decisionEpisodeId: true,
  decidedBy: staffRef,
  decidedAt: true,
} as const satisfies Prisma.AcuteAssessmentSelect;
export type AcuteRow = Prisma.AcuteAssessmentGetPayload<{ select: typeof acuteSelect }>;

export function acuteView(row: AcuteRow, now: Date): AcuteAssessmentView {
  return {
    id: row.id,
    episodeId: row.episodeId,
    patient: { ...patientRef(row.patient), ageYears: ageInYears(row.patient.dateOfBirth, now) },
    team: acuteTeamView(row.team, now),
    state: row.decidedAt !== null ? 'decided' : row.takenAt !== null ? 'taken' : 'open',
    reason: row.reason,
    requestedBy: row.requestedBy,
    createdAt: row.createdAt.toISOString(),
    waitedMinutes: Math.max(0, Math.floor((now.getTime() - row.createdAt.getTime()) / 60_000)),
    answerBy: row.answerBy.toISOString(),
    takenBy: row.takenBy,
    takenAt: row.takenAt?.toISOString() ?? null,
    conference: row.conference === null ? null : conferenceView(row.conference, false),
    observations: (row.conference?.tobsObservations ?? []).map((observation) => {
      const view = tobsObservationView(observation);
      // The score stored is the one the nurse acted on; the response is read from it with the pocket card's table.
      const band = tobsResponse(view.score);
      return { ...view, responseCode: band.code, response: band.text };
    }),
    decision:
      row.decision === null || row.decidedAt === null || row.decidedBy === null
        ? null
        : {
            decision: row.decision,
            reason: row.decisionReason ?? '',
            ward: row.admissionWard,
            bedReservationId: row.bedReservationId,
            followUpAt: row.followUpAt?.toISOString() ?? null,
            episodeId: row.decisionEpisodeId,
            decidedBy: row.decidedBy,
            decidedAt: row.decidedAt.toISOString(),
          },
  };
}

/** Oldest first: the promise runs from when it came. */
export const acuteQueueOrder = (a: { createdAt: Date }, b: { createdAt: Date }) => a.createdAt.getTime() - b.createdAt.getTime();
