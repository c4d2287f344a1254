import { type Action, ACTIONS, type MeResponse, PERMISSIONS, type Standing } from '@samplan/shared';
import { allowedFor, loadEpisodeRef } from '../record/access.ts';
import type { Clock } from '../record/clock.ts';
import type { DbClient } from '../store/database.ts';
import type { Principal } from './principal.ts';

const SECTOR_STANDING = { hospital: 'care_team_hospital', municipality: 'care_team_municipality', general_practice: 'care_team_gp' } as const satisfies Record<string, Standing>;

/**
 * GET /api/auth/me. A guest's actions are those in their conference now; a
 * staff member's are what their standing gives in the episodes they take
 * part in (each episode's own list is on the episode).
 */
export async function describePrincipal(db: DbClient, principal: Principal, now: Clock): Promise<MeResponse> {
  const sessionExpiresAt = new Date(principal.session.exp * 1000).toISOString();
  if (principal.kind === 'participant') {
    const episode = await loadEpisodeRef(db, principal.episodeId);
    const allowedActions = episode === null ? [] : allowedFor(principal, episode.access, now(), principal.conferenceId);
    const { participantId, conferenceId, episodeId, name, role } = principal;
    return { principal: { kind: 'participant', participantId, conferenceId, episodeId, name, role }, allowedActions, sessionExpiresAt };
  }
  const geriatricTeam = principal.actor.kind === 'geriatric_team';
  const standings: Standing[] = [SECTOR_STANDING[principal.sector], ...(geriatricTeam ? (['geriatric_team'] as const) : [])];
  const granted = new Set<Action>(standings.flatMap((standing) => PERMISSIONS[standing]));
  return {
    principal: {
      kind: 'staff',
      staffId: principal.staffId,
      name: principal.name,
      role: principal.role,
      organisation: { id: principal.organisationId, name: principal.organisationName, sector: principal.sector },
      geriatricTeam,
      administrator: principal.administrator,
    },
    allowedActions: ACTIONS.filter((action) => granted.has(action)),
    sessionExpiresAt,
  };
}
