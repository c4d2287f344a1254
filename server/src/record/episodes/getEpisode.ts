import type { ConferenceKind, EpisodeDetail, StaffRole, TimelineEntry } from '@samplan/shared';
import { staffSectorOf } from '../../auth/principal.ts';
import { episodeRefOf, requireEpisodeAccess } from '../access.ts';
import { auditOk } from '../audit.ts';
import { consentView, consentSelect } from '../consents/consentView.ts';
import type { Caller, RecordContext } from '../context.ts';
import { patientRef } from '../views.ts';
import { newestFirst, screeningSelect, screeningView } from './recordScreening.ts';
import { episodeSummary } from './summary.ts';
import { episodeSummarySelect } from './visibleEpisodes.ts';

const detailSelect = {
  ...episodeSummarySelect,
  patient: {
    select: {
      id: true,
      name: true,
      cprNumber: true,
      dateOfBirth: true,
      phone: true,
      email: true,
      preferredLanguage: true,
      homeMunicipality: { select: { id: true, name: true } },
      relatives: { select: { id: true, name: true, relation: true, phone: true, email: true, representation: true }, orderBy: { createdAt: 'asc' } },
      episodes: episodeSummarySelect.patient.select.episodes,
    },
  },
  unit: true,
  gpPractice: { select: { id: true, name: true } },
  screenings: { select: screeningSelect },
  careTeamOrganisations: {
    select: {
      organisationId: true,
      organisation: {
        select: {
          id: true,
          name: true,
          sector: true,
          // The people an organiser can invite: everyone active in a care-team organisation.
          staff: { where: { deactivatedAt: null }, select: { id: true, name: true, role: true }, orderBy: { name: 'asc' } },
        },
      },
    },
  },
  careTeamStaff: {
    select: { staffUserId: true, staffUser: { select: { id: true, name: true, role: true, organisation: { select: { name: true } } } } },
  },
  conferences: { select: { id: true, kind: true, status: true, scheduledStart: true } },
  adviceRequests: { select: { id: true, createdAt: true, answeredAt: true, urgency: true } },
  carePlan: { select: { revisions: { select: { id: true, number: true, createdAt: true } } } },
  dischargeDestination: true,
  visits: { select: { id: true, kind: true, mode: true, performedAt: true } },
  tobsObservations: { select: { id: true, observedAt: true, score: true } },
} as const;

/** GET /api/episodes/:episodeId — the patient, relatives, care team, timeline and consents. */
export async function getEpisode(ctx: RecordContext, caller: Caller, episodeId: string): Promise<EpisodeDetail> {
  const found = await ctx.db.episode.findUnique({ where: { id: episodeId }, select: detailSelect });
  const granted = await requireEpisodeAccess(ctx, caller, found === null ? null : { ...episodeRefOf(found), row: found }, {
    action: 'episode:read',
    audit: { action: 'read', resourceType: 'Episode', resourceId: episodeId },
  });
  const { row } = granted.episode;
  const ref = granted.episode;

  const consents = await ctx.db.consent.findMany({
    where: { patientId: row.patientId, OR: [{ episodeId: row.id }, { episodeId: null }] },
    select: consentSelect,
    orderBy: { recordedAt: 'asc' },
  });
  await auditOk(ctx.db, caller, { action: 'read', resourceType: 'Episode', resourceId: row.id, patientId: row.patientId });

  const now = ctx.now();
  const { patient } = row;
  return {
    ...episodeSummary(row, ref, caller.principal, now),
    patient: {
      ...patientRef(patient),
      dateOfBirth: patient.dateOfBirth.toISOString().slice(0, 10),
      phone: patient.phone,
      email: patient.email,
      preferredLanguage: patient.preferredLanguage,
      homeMunicipality: patient.homeMunicipality,
    },
    relatives: patient.relatives,
    unit: row.unit,
    gpPractice: row.gpPractice,
    screenings: newestFirst(row.screenings).map(screeningView),
    careTeam: {
      organisations: row.careTeamOrganisations.map(({ organisation: { id, name, sector } }) => ({ id, name, sector: staffSectorOf(sector) })),
      staff: careTeamStaffOf(row),
    },
    dischargeDestination: row.dischargeDestination,
    timeline: timelineOf(row, consents),
    consents: consents.map(consentView),
  };
}

/** Named members first, then the members of the care-team organisations, each person once. */
function careTeamStaffOf(row: { careTeamStaff: Array<{ staffUser: { id: string; name: string; role: StaffRole; organisation: { name: string } } }>; careTeamOrganisations: Array<{ organisation: { name: string; staff: Array<{ id: string; name: string; role: StaffRole }> } }> }) {
  const named = row.careTeamStaff.map(({ staffUser }) => ({ id: staffUser.id, name: staffUser.name, role: staffUser.role, organisation: staffUser.organisation.name }));
  const members = row.careTeamOrganisations.flatMap(({ organisation }) => organisation.staff.map((staff) => ({ ...staff, organisation: organisation.name })));
  const seen = new Set<string>();
  return [...named, ...members].filter((staff) => !seen.has(staff.id) && seen.add(staff.id));
}

function timelineOf(
  row: {
    admittedAt: Date;
    dischargedAt: Date | null;
    conferences: Array<{ id: string; kind: ConferenceKind; status: string; scheduledStart: Date }>;
    adviceRequests: Array<{ id: string; createdAt: Date; answeredAt: Date | null; urgency: string }>;
    carePlan: { revisions: Array<{ id: string; number: number; createdAt: Date }> } | null;
    visits: Array<{ id: string; kind: string; mode: string; performedAt: Date }>;
    tobsObservations: Array<{ id: string; observedAt: Date; score: number }>;
  },
  consents: Array<{ id: string; scope: string; recordedAt: Date; withdrawnAt: Date | null }>,
): TimelineEntry[] {
  const entry = (at: Date, kind: TimelineEntry['kind'], refId: string | null, detail: string | null): TimelineEntry => ({ at: at.toISOString(), kind, refId, detail });
  const entries: TimelineEntry[] = [entry(row.admittedAt, 'admitted', null, null)];
  if (row.dischargedAt !== null) entries.push(entry(row.dischargedAt, 'discharged', null, null));
  for (const conference of row.conferences) entries.push(entry(conference.scheduledStart, 'conference', conference.id, `${conference.kind} ${conference.status}`));
  for (const advice of row.adviceRequests) {
    entries.push(entry(advice.createdAt, 'advice_requested', advice.id, advice.urgency));
    if (advice.answeredAt !== null) entries.push(entry(advice.answeredAt, 'advice_answered', advice.id, null));
  }
  for (const consent of consents) {
    entries.push(entry(consent.recordedAt, 'consent_recorded', consent.id, consent.scope));
    if (consent.withdrawnAt !== null) entries.push(entry(consent.withdrawnAt, 'consent_withdrawn', consent.id, consent.scope));
  }
  for (const revision of row.carePlan?.revisions ?? []) entries.push(entry(revision.createdAt, 'plan_revision', revision.id, `revision ${revision.number}`));
  for (const visit of row.visits) entries.push(entry(visit.performedAt, 'visit', visit.id, `${visit.kind} ${visit.mode}`));
  for (const tobs of row.tobsObservations) entries.push(entry(tobs.observedAt, 'tobs', tobs.id, `score ${tobs.score}`));
  return entries.sort((a, b) => a.at.localeCompare(b.at));
}
