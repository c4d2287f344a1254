import type { DayChange, NotificationOf } from '@samplan/shared';
import type { Principal } from '../auth/principal.ts';
import type { DbClient } from '../store/database.ts';
import type { SignallingServer } from './socketTypes.ts';

/**
 * Day views told to fetch again (protocol/day.ts). A signed-in staff socket
 * is in a Socket.IO room for its organisation and one for its person, and a
 * geriatrician's also in the geriatric team's (who see the episodes in their
 * advice window). Rooms go through the adapter, so with the Redis adapter a
 * change recorded on one node reaches the day views open on all of them.
 * Guests (patients and relatives by link) are in none.
 */

export const dayGroupOfOrganisation = (organisationId: string) => `day:organisation:${organisationId}`;
export const dayGroupOfStaff = (staffId: string) => `day:staff:${staffId}`;
export const GERIATRIC_TEAM_DAY_GROUP = 'day:geriatric-team';

export function dayGroupsOf(principal: Principal | null): string[] {
  if (principal === null || principal.kind !== 'staff') return [];
  const groups = [dayGroupOfOrganisation(principal.organisationId), dayGroupOfStaff(principal.staffId)];
  return principal.actor.kind === 'geriatric_team' ? [...groups, GERIATRIC_TEAM_DAY_GROUP] : groups;
}

/** Whose day an episode is on: its care team's organisations and named staff; the geriatric team for advice. */
async function dayGroupsOfEpisode(db: DbClient, episodeId: string, change: DayChange): Promise<string[]> {
  const episode = await db.episode.findUnique({
    where: { id: episodeId },
    select: { careTeamOrganisations: { select: { organisationId: true } }, careTeamStaff: { select: { staffUserId: true } } },
  });
  if (episode === null) return [];
  return [
    ...episode.careTeamOrganisations.map(({ organisationId }) => dayGroupOfOrganisation(organisationId)),
    ...episode.careTeamStaff.map(({ staffUserId }) => dayGroupOfStaff(staffUserId)),
    ...(change === 'advice' ? [GERIATRIC_TEAM_DAY_GROUP] : []),
  ];
}

export async function notifyDayChanged(io: Pick<SignallingServer, 'to'>, db: DbClient, episodeId: string, change: DayChange): Promise<void> {
  const groups = await dayGroupsOfEpisode(db, episodeId, change);
  if (groups.length === 0) return;
  const notice: NotificationOf<'day:changed'> = { change };
  io.to(groups).emit('day:changed', notice);
}
