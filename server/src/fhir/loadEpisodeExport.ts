import { type ParticipantRole, planDocumentSchema } from '@samplan/shared';
import { tobsValuesSelect } from '../record/visits/visitView.ts';
import type { DbClient } from '../store/database.ts';
import type { EpisodeExport, ExportedAgreement, PlanVersion } from './episodeBundle.ts';

const VERSION = {
  id: true,
  number: true,
  document: true,
  createdAt: true,
  conferenceId: true,
  authorStaffId: true,
  authorParticipant: { select: { role: true, externalName: true, staffUserId: true, staffUser: { select: { name: true } } } },
} as const;

type VersionRow = {
  id: string;
  number: number;
  document: unknown;
  createdAt: Date;
  conferenceId: string | null;
  authorStaffId: string | null;
  authorParticipant: { role: ParticipantRole; externalName: string | null; staffUserId: string | null; staffUser: { name: string } | null } | null;
};

function versionOf(row: VersionRow): PlanVersion {
  const participant = row.authorParticipant;
  const author: PlanVersion['author'] =
    row.authorStaffId !== null
      ? { kind: 'staff', staffId: row.authorStaffId }
      : participant?.staffUserId
        ? { kind: 'staff', staffId: participant.staffUserId }
        : { kind: 'participant', role: participant?.role ?? 'patient', name: participant?.externalName ?? participant?.staffUser?.name ?? '' };
  return { id: row.id, number: row.number, document: planDocumentSchema.parse(row.document), at: row.createdAt, author, conferenceId: row.conferenceId };
}

/** Everything the FHIR bundle of an episode says, read in one place; null for an episode that does not exist. */
export async function loadEpisodeExport(db: DbClient, episodeId: string, now: Date): Promise<EpisodeExport | null> {
  const episode = await db.episode.findUnique({
    where: { id: episodeId },
    select: {
      id: true,
      admittedAt: true,
      dischargedAt: true,
      status: true,
      admittingWardId: true,
      patient: { select: { id: true, name: true, cprNumber: true, dateOfBirth: true, phone: true, email: true, preferredLanguage: true, homeMunicipalityId: true } },
      careTeamOrganisations: { select: { organisationId: true } },
      careTeamStaff: { select: { staffUserId: true } },
      conferences: {
        orderBy: { scheduledStart: 'asc' },
        select: {
          id: true,
          kind: true,
          status: true,
          scheduledStart: true,
          plannedDurationMinutes: true,
          startedAt: true,
          endedAt: true,
          hostId: true,
          agreedRevisionId: true,
          participants: { where: { staffUserId: { not: null } }, select: { staffUserId: true } },
        },
      },
      carePlan: { select: { id: true } },
    },
  });
  if (episode === null) return null;

  const planId = episode.carePlan?.id;
  const current = planId ? await db.planRevision.findFirst({ where: { planId }, orderBy: { number: 'desc' }, select: VERSION }) : null;
  const agreedIds = episode.conferences.flatMap((conference) => (conference.agreedRevisionId ? [conference.agreedRevisionId] : []));
  const agreed = current
    ? await db.planRevision.findMany({ where: { id: { in: agreedIds }, number: { lt: current.number } }, orderBy: { number: 'asc' }, select: VERSION })
    : [];
  const agreements = await agreementsOf(db, episode.conferences);
  const consents = await db.consent.findMany({
    where: { patientId: episode.patient.id, OR: [{ episodeId }, { episodeId: null }] },
    orderBy: { recordedAt: 'asc' },
    select: { id: true, scope: true, recordedAt: true, withdrawnAt: true, recordedById: true },
  });
  const visits = await db.visit.findMany({
    where: { episodeId },
    orderBy: { performedAt: 'asc' },
    select: { id: true, kind: true, mode: true, performedAt: true, recordedById: true },
  });
  const tobsRows = await db.tobsObservation.findMany({ where: { episodeId }, orderBy: { observedAt: 'asc' }, select: { ...tobsValuesSelect, recordedById: true } });
  const tobs = tobsRows.map(({ temperatureCelsius, spo2Percent, ...row }) => ({
    ...row,
    temperatureCelsius: Number(temperatureCelsius),
    ...(spo2Percent === null ? {} : { spo2Percent }),
  }));
  const conferences = episode.conferences.map((conference) => ({
    ...conference,
    staffIds: [...new Set([conference.hostId, ...conference.participants.flatMap((participant) => (participant.staffUserId ? [participant.staffUserId] : []))])],
  }));
  const plan = current ? { current: versionOf(current), agreed: agreed.map(versionOf) } : null;

  const careTeamStaffIds = episode.careTeamStaff.map((member) => member.staffUserId);
  const staffIds = new Set([
    ...careTeamStaffIds,
    ...conferences.flatMap((conference) => conference.staffIds),
    ...(plan ? [plan.current, ...plan.agreed] : []).flatMap((version) => (version.author.kind === 'staff' ? [version.author.staffId] : [])),
    ...consents.map((consent) => consent.recordedById),
    ...agreements.flatMap((agreement) => (agreement.by.kind === 'staff' ? [agreement.by.staffId] : [])),
    ...visits.map((visit) => visit.recordedById),
    ...tobs.map((observation) => observation.recordedById),
  ]);
  const staff = await db.staffUser.findMany({ where: { id: { in: [...staffIds] } }, orderBy: { name: 'asc' }, select: { id: true, name: true, role: true, organisationId: true } });
  const careTeamOrganisationIds = episode.careTeamOrganisations.map((member) => member.organisationId);
  // Every organisation a reference in the bundle points at is in the bundle.
  const organisationIds = new Set([...careTeamOrganisationIds, episode.admittingWardId, episode.patient.homeMunicipalityId, ...staff.map((member) => member.organisationId)]);
  const organisations = await db.organisation.findMany({ where: { id: { in: [...organisationIds] } }, orderBy: { name: 'asc' }, select: { id: true, name: true, sector: true } });

  return {
    exportedAt: now,
    episode: { id: episode.id, admittedAt: episode.admittedAt, dischargedAt: episode.dischargedAt, status: episode.status },
    patient: episode.patient,
    organisations,
    staff,
    careTeam: { organisationIds: careTeamOrganisationIds, staffIds: careTeamStaffIds },
    conferences,
    plan,
    agreements,
    consents,
    visits,
    tobs,
  };
}

const AGREEMENT = {
  id: true,
  agreedAt: true,
  partyKey: true,
  onBehalfAs: true,
  participant: { select: { role: true, staffUserId: true, externalName: true, staffUser: { select: { name: true } } } },
} as const;

/** The yeses recorded with each conference's agreed version (record/plan/agreedPresence.ts), each once, oldest first. */
async function agreementsOf(db: DbClient, conferences: readonly { id: string; agreedRevisionId: string | null }[]): Promise<ExportedAgreement[]> {
  const agreed = conferences.flatMap((conference) => (conference.agreedRevisionId ? [{ conferenceId: conference.id, revisionId: conference.agreedRevisionId }] : []));
  if (agreed.length === 0) return [];
  const presence = await db.agreedPresence.findMany({
    where: { OR: agreed },
    select: { revisionId: true, agreement: { select: AGREEMENT }, representedAgreement: { select: AGREEMENT } },
  });
  const byId = new Map<string, ExportedAgreement>();
  for (const row of presence) {
    for (const given of [row.agreement, row.representedAgreement]) {
      if (given === null || byId.has(given.id)) continue;
      const { participant } = given;
      const name = participant.externalName ?? participant.staffUser?.name ?? '';
      const by: ExportedAgreement['by'] =
        participant.staffUserId !== null ? { kind: 'staff', staffId: participant.staffUserId } : participant.role === 'patient' ? { kind: 'patient', name } : { kind: 'relative', name };
      const onBehalfAs = given.onBehalfAs === null || given.onBehalfAs === 'none' ? null : given.onBehalfAs;
      byId.set(given.id, { id: given.id, versionId: row.revisionId, agreedAt: given.agreedAt, by, onBehalfAs });
    }
  }
  return [...byId.values()].sort((a, b) => a.agreedAt.getTime() - b.agreedAt.getTime());
}
