import { adviceWindowAt, type DayChange, type NotificationOf } from '@samplan/shared';
import type { Principal } from '../auth/principal.ts';
import type { Clock } from '../record/clock.ts';
import type { DbClient } from '../store/database.ts';
import { acuteBedGroupsOf } from './acuteBedNotices.ts';
import type { SignallingServer } from './socketTypes.ts';

/**
 * Screens told to read again (protocol/day.ts). A signed-in staff socket is
 * in a Socket.IO room for its organisation and one for its person, and a
 * geriatrician's also in the geriatric team's; a guest's socket (her
 * join-link session) is in one for her participant row. Rooms go through the
 * adapter, so with the Redis adapter a change recorded on one node reaches
 * the screens open on all of them. A notice names the record, never the
 * patient: what follows is the audited, access-checked read.
 */

export const dayGroupOfOrganisation = (organisationId: string) => `day:organisation:${organisationId}`;
export const dayGroupOfStaff = (staffId: string) => `day:staff:${staffId}`;
export const GERIATRIC_TEAM_DAY_GROUP = 'day:geriatric-team';
export const guestGroupOf = (participantId: string) => `guest:participant:${participantId}`;

/** The rooms a socket joins at its handshake. */
export function noticeGroupsOf(principal: Principal | null): string[] {
  if (principal === null) return [];
  if (principal.kind === 'participant') return [guestGroupOf(principal.participantId)];
  const groups = [dayGroupOfOrganisation(principal.organisationId), dayGroupOfStaff(principal.staffId), ...acuteBedGroupsOf(principal)];
  return principal.actor.kind === 'geriatric_team' ? [...groups, GERIATRIC_TEAM_DAY_GROUP] : groups;
}

/**
 * Who may see the episode now, as the permission table says
 * (shared/src/domain/permissions.ts): its care team's organisations and named
 * staff, and the geriatric team while its advice window is open. An advice
 * request always reaches the geriatric team, whose queue it is in even in the
 * minutes after the window closes.
 */
async function groupsWhoMaySee(db: DbClient, now: Date, episodeId: string, change: DayChange): Promise<string[]> {
  const episode = await db.episode.findUnique({
    where: { id: episodeId },
    select: { dischargedAt: true, careTeamOrganisations: { select: { organisationId: true } }, careTeamStaff: { select: { staffUserId: true } } },
  });
  if (episode === null) return [];
  const geriatricTeam = change === 'advice' || adviceWindowAt(episode.dischargedAt, now).state === 'open';
  return [
    ...episode.careTeamOrganisations.map(({ organisationId }) => dayGroupOfOrganisation(organisationId)),
    ...episode.careTeamStaff.map(({ staffUserId }) => dayGroupOfStaff(staffUserId)),
    ...(geriatricTeam ? [GERIATRIC_TEAM_DAY_GROUP] : []),
  ];
}

export interface RecordChange {
  readonly episodeId: string;
  readonly change: DayChange;
  /** Set when a conference changed: its page (the lobby) reads again too. */
  readonly conferenceId?: string;
}

/** The day views, the episode's page and the conference's page of everyone who may see the episode. */
export async function noticeRecordChange(io: Pick<SignallingServer, 'to'>, db: DbClient, now: Clock, { episodeId, change, conferenceId }: RecordChange): Promise<void> {
  const groups = await groupsWhoMaySee(db, now(), episodeId, change);
  if (groups.length === 0) return;
  const to = io.to(groups);
  const day: NotificationOf<'day:changed'> = { change };
  const episode: NotificationOf<'episode:changed'> = { episodeId, change };
  to.emit('day:changed', day);
  to.emit('episode:changed', episode);
  if (conferenceId !== undefined) {
    const conference: NotificationOf<'conference:changed'> = { conferenceId };
    to.emit('conference:changed', conference);
  }
}

/** Rings on the open pages of the guest whose link session may enter the call-back (record/advice/callBackByVideo.ts). */
export function ringGuest(io: Pick<SignallingServer, 'to'>, guestParticipantId: string, conferenceId: string): void {
  const notice: NotificationOf<'call:ringing'> = { conferenceId };
  io.to(guestGroupOf(guestParticipantId)).emit('call:ringing', notice);
}
