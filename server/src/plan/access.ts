import { ACTIONS, type Action, type EpisodeAccess, SamplanError } from '@samplan/shared';
import { z } from 'zod';
import { authorizePrincipal, type Principal } from '../auth/principal.ts';
import { recordAudit } from '../store/audit.ts';
import type { DbClient } from '../store/database.ts';
import { auditActorOf } from './authorship.ts';

export interface EpisodeRecord {
  readonly access: EpisodeAccess;
  readonly patientId: string;
}

/** What a checked request carries on: the episode and everything the person may do in it. */
export interface Granted {
  readonly episode: EpisodeRecord;
  readonly allowed: readonly Action[];
}

export interface AccessRequest {
  readonly principal: Principal;
  readonly action: Action;
  readonly episodeId: string;
  /** Set when the request is made in a conference: a link reaches only its own. */
  readonly conferenceId?: string;
  /** The route or socket event, for the audit trail. */
  readonly via: string;
  /** What the audit row of a refusal says was attempted: a verb ("read", "update", "agree") on a model. */
  readonly audit: { readonly action: string; readonly resourceType: string };
  readonly now: Date;
}

const idSchema = z.uuid();

/** An id that is no uuid names nothing; asking PostgreSQL would be an error, not a miss. */
export const isRecordId = (id: string) => idSchema.safeParse(id).success;

export async function loadEpisode(db: DbClient, episodeId: string): Promise<EpisodeRecord | null> {
  if (!isRecordId(episodeId)) return null;
  const row = await db.episode.findUnique({
    where: { id: episodeId },
    select: {
      id: true,
      patientId: true,
      admittedAt: true,
      dischargedAt: true,
      careTeamOrganisations: { select: { organisationId: true } },
      careTeamStaff: { select: { staffUserId: true } },
    },
  });
  if (row === null) return null;
  return {
    patientId: row.patientId,
    access: {
      id: row.id,
      admittedAt: row.admittedAt,
      dischargedAt: row.dischargedAt,
      careTeam: row.careTeamOrganisations.map((member) => member.organisationId),
      careTeamStaff: row.careTeamStaff.map((member) => member.staffUserId),
    },
  };
}

/**
 * The one check in front of every plan read and write. A refusal is audited
 * and answered NOT_FOUND when the person has no standing in the episode at
 * all (its existence is not theirs to learn), FORBIDDEN when they have one but
 * not this right.
 */
export async function requireAccess(db: DbClient, request: AccessRequest): Promise<Granted> {
  return decideAccess(db, request, await loadEpisode(db, request.episodeId));
}

/** requireAccess on an episode the caller has read already (null: it does not exist). */
export async function decideAccess(db: DbClient, request: AccessRequest, episode: EpisodeRecord | null): Promise<Granted> {
  const { principal, action, episodeId, conferenceId, via, now } = request;
  const target = episode && { episode: episode.access, now, ...(conferenceId === undefined ? {} : { conferenceId }) };
  const decision = target && authorizePrincipal(principal, action, target);
  if (episode && target && decision?.allowed) {
    return { episode, allowed: ACTIONS.filter((other) => authorizePrincipal(principal, other, target).allowed) };
  }
  await recordAudit(db, {
    actor: auditActorOf(principal),
    action: request.audit.action,
    resourceType: request.audit.resourceType,
    resourceId: episode === null ? null : episodeId,
    patientId: episode?.patientId ?? null,
    via,
    outcome: 'denied',
  });
  if (!decision || decision.standing === 'none') throw new SamplanError('NOT_FOUND', 'No such episode.');
  throw new SamplanError('FORBIDDEN', `Not allowed: ${action}.`);
}
