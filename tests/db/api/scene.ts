import { randomBytes, randomUUID } from 'node:crypto';
import { addCalendarDays } from '@samplan/shared';
import type { Db } from '@samplan/server/store/database.ts';
import { uniqueCprNumber } from '../../support/record-fixtures.ts';
import { type ApiClient, type ApiServer, SCENARIO_NOW, tokenOf } from './harness.ts';

// Who takes part in the access tests, on top of the seeded demo scenario.
// The "open" target is Ella Sørensen's episode (home five days, advice window
// open); the "closed" one is made here: home ten days, same care team.

export const ROLES = ['hospital', 'municipality', 'gp', 'outsider', 'geriatricianOpen', 'geriatricianClosed', 'patientLink', 'relativeLink', 'otherLink', 'anonymous'] as const;
export type Role = (typeof ROLES)[number];

export interface Target {
  episodeId: string;
  patientId: string;
  patientName: string;
  cpr: string;
  /** A conference with the patient and relative links (admitted). */
  conferenceId: string;
}

export interface Scene {
  clients: Record<Role, ApiClient>;
  /** Audit actor id of each role (null for anonymous). */
  actorIds: Record<Role, string | null>;
  targets: { open: Target; closed: Target };
  targetOf(role: Role): Target;
  staffIds: { nurse: string; geriatrician: string };
}

export async function buildScene(server: ApiServer): Promise<Scene> {
  const db = server.fresh.db.prisma;
  const nurse = await server.login('sygeplejerske@horsens.demo');
  const clients = {
    hospital: nurse,
    municipality: await server.login('hjemmesygeplejerske@odder.demo'),
    gp: await server.login('laege@rosensgade.demo'),
    outsider: await server.login('hjemmesygeplejerske@skanderborg.demo'),
    geriatricianOpen: await server.login('geriater@horsens.demo'),
  } as Record<Role, ApiClient>;
  clients.geriatricianClosed = clients.geriatricianOpen;

  const ella = await db.episode.findFirstOrThrow({ where: { patient: { name: 'Ella Sørensen' } }, include: { patient: true, conferences: true } });
  const followUp = ella.conferences.find((conference) => conference.kind === 'follow_up');
  if (followUp === undefined) throw new Error('the demo scenario has no follow-up for Ella');
  const invite = async (conferenceId: string, body: unknown) => {
    const answer = await nurse.post(`/conferences/${conferenceId}/participants`, body);
    if (answer.status !== 201) throw new Error(`invite failed: ${answer.status} ${answer.text}`);
    return answer.body as { participant: { id: string }; joinLink: { path: string } };
  };
  const admitted = async (conferenceId: string, body: unknown) => {
    const invited = await invite(conferenceId, body);
    const client = await server.join(tokenOf(invited.joinLink.path));
    const lobby = await nurse.post(`/conferences/${conferenceId}/participants/${invited.participant.id}/lobby`, { state: 'admitted' });
    if (lobby.status !== 200) throw new Error(`admit failed: ${lobby.status} ${lobby.text}`);
    return client;
  };
  const relative = await db.relative.findFirstOrThrow({ where: { patientId: ella.patientId } });
  clients.patientLink = await admitted(followUp.id, { kind: 'patient' });
  clients.relativeLink = await admitted(followUp.id, { kind: 'relative', relativeId: relative.id });
  const karenGoal = await db.conference.findFirstOrThrow({ where: { kind: 'goal_conversation' } });
  clients.otherLink = await admitted(karenGoal.id, { kind: 'patient' });
  clients.anonymous = server.client();

  const actorIds = {} as Record<Role, string | null>;
  for (const role of ROLES) {
    const me = await clients[role].get('/auth/me');
    actorIds[role] = me.status === 200 ? (me.body.principal.staffId ?? me.body.principal.participantId) : null;
  }
  const closed = await closedTarget(db, actorIds.hospital as string);
  const open: Target = { episodeId: ella.id, patientId: ella.patientId, patientName: ella.patient.name, cpr: ella.patient.cprNumber, conferenceId: followUp.id };
  return {
    clients,
    actorIds,
    targets: { open, closed },
    targetOf: (role) => (role === 'geriatricianClosed' ? closed : open),
    staffIds: { nurse: actorIds.hospital as string, geriatrician: actorIds.geriatricianOpen as string },
  };
}

/** Home ten days: the geriatric team's window has closed; the care team is Ella's. */
async function closedTarget(db: Db, nurseId: string): Promise<Target> {
  const teamOf = await db.careTeamOrganisation.findMany({ where: { episode: { patient: { name: 'Ella Sørensen' } } }, select: { organisationId: true } });
  const ward = await db.organisation.findFirstOrThrow({ where: { name: { contains: 'M2' } } });
  const municipality = await db.organisation.findFirstOrThrow({ where: { name: { startsWith: 'Odder' } } });
  const dischargedAt = addCalendarDays(SCENARIO_NOW, -10);
  const patient = await db.patient.create({
    data: { name: 'Aksel Lukket', cprNumber: uniqueCprNumber(), dateOfBirth: new Date('1937-02-01'), homeMunicipalityId: municipality.id },
  });
  const episode = await db.episode.create({
    data: {
      patientId: patient.id,
      admittingWardId: ward.id,
      admittedAt: addCalendarDays(dischargedAt, -4),
      dischargedAt,
      status: 'discharged',
      screeningScore: 25,
      careTeamOrganisations: { create: teamOf.map(({ organisationId }) => ({ organisationId })) },
    },
  });
  const conference = await freshConference(db, episode.id, nurseId);
  await freshGuest(db, conference, 'admitted');
  return { episodeId: episode.id, patientId: patient.id, patientName: patient.name, cpr: patient.cprNumber, conferenceId: conference };
}

/** A scheduled follow-up in an hour, straight in the database (its own API is tested on its own). */
export async function freshConference(db: Db, episodeId: string, hostId: string): Promise<string> {
  const conference = await db.conference.create({
    data: { episodeId, kind: 'follow_up', scheduledStart: new Date(SCENARIO_NOW.getTime() + 3_600_000), plannedDurationMinutes: 30, hostId },
  });
  return conference.id;
}

export async function freshGuest(db: Db, conferenceId: string, lobbyState: 'waiting' | 'admitted' = 'waiting'): Promise<string> {
  const row = await db.participant.create({
    data: {
      conferenceId,
      role: 'relative',
      externalName: 'Nabo Hansen',
      tokenHash: randomBytes(32).toString('hex'),
      expiresAt: new Date(SCENARIO_NOW.getTime() + 86_400_000),
      lobbyState,
    },
  });
  return row.id;
}

export async function freshAdvice(db: Db, episodeId: string, takenById?: string): Promise<string> {
  const row = await db.adviceRequest.create({
    data: {
      id: randomUUID(),
      episodeId,
      requestedBy: 'municipality',
      requesterName: 'Jesper Friis',
      channel: 'phone',
      requesterContact: '+45 20 30 40 50',
      question: 'Skal vi pause vanddrivende medicin?',
      urgency: 'routine',
      createdAt: new Date(SCENARIO_NOW.getTime() - 600_000),
      ...(takenById === undefined ? {} : { takenById, takenAt: new Date(SCENARIO_NOW.getTime() - 300_000) }),
    },
  });
  return row.id;
}

export async function freshConsent(db: Db, target: Target, recordedById: string): Promise<string> {
  const row = await db.consent.create({ data: { patientId: target.patientId, episodeId: target.episodeId, scope: 'share_across_sectors', recordedById } });
  return row.id;
}

/** A patient admitted yesterday with the target's care team: something to discharge. */
export async function freshAdmission(db: Db, target: Target): Promise<string> {
  const known = await db.episode.findUniqueOrThrow({ where: { id: target.episodeId }, select: { admittingWardId: true, careTeamOrganisations: { select: { organisationId: true } }, patient: { select: { homeMunicipalityId: true } } } });
  const patient = await db.patient.create({
    data: { name: 'Erik Indlagt', cprNumber: uniqueCprNumber(), dateOfBirth: new Date('1940-09-14'), homeMunicipalityId: known.patient.homeMunicipalityId },
  });
  const episode = await db.episode.create({
    data: {
      patientId: patient.id,
      admittingWardId: known.admittingWardId,
      admittedAt: addCalendarDays(SCENARIO_NOW, -1),
      careTeamOrganisations: { create: known.careTeamOrganisations.map(({ organisationId }) => ({ organisationId })) },
    },
  });
  return episode.id;
}

/** The hours of an acute team that takes requests all day and night, for tests not about the hours. */
export const ACUTE_ALL_DAY = { acuteServiceFromMinute: 0, acuteServiceToMinute: 0, acutePromiseMinutes: 120 } as const;

/** An acute assessment of the target's patient asked by `requestedById`, straight in the database, her municipality an acute team. */
export async function freshAcute(db: Db, target: Target, requestedById: string): Promise<string> {
  const patient = await db.patient.update({ where: { id: target.patientId }, data: { homeMunicipality: { update: ACUTE_ALL_DAY } }, select: { homeMunicipalityId: true } });
  const row = await db.acuteAssessment.create({
    data: {
      patientId: target.patientId,
      episodeId: target.episodeId,
      teamId: patient.homeMunicipalityId,
      requestedById,
      reason: 'Faldet, svimmel og feber',
      createdAt: new Date(SCENARIO_NOW.getTime() - 600_000),
      answerBy: new Date(SCENARIO_NOW.getTime() + 6_600_000),
    },
  });
  return row.id;
}
