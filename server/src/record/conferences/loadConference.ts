import type { ParticipantRole } from '@samplan/shared';
import type { Principal } from '../../auth/principal.ts';
import type { DbClient } from '../../store/database.ts';
import { episodeAccessSelect, type EpisodeRef, episodeRefOf } from '../access.ts';
import { conferenceSelect, type ConferenceRow } from '../views.ts';

export type ConferenceWithEpisode = EpisodeRef & { readonly conference: ConferenceRow };

/** A conference and the episode it belongs to, which is what every access check is made against. */
export async function loadConference(db: DbClient, conferenceId: string): Promise<ConferenceWithEpisode | null> {
  const row = await db.conference.findUnique({
    where: { id: conferenceId },
    select: { ...conferenceSelect, episode: { select: episodeAccessSelect } },
  });
  if (row === null) return null;
  const { episode, ...conference } = row;
  return { ...episodeRefOf(episode), conference };
}

/** The role a staff member plays in a conference: their sector, or the geriatrician or out-of-hours doctor they are. */
export function participantRoleOfStaff(principal: { role: string; sector: 'hospital' | 'municipality' | 'general_practice' }): ParticipantRole {
  if (principal.role === 'geriatrician') return 'geriatrician';
  if (principal.role === 'out_of_hours_doctor') return 'out_of_hours_doctor';
  return principal.sector === 'hospital' ? 'hospital' : principal.sector === 'municipality' ? 'municipality' : 'gp';
}

/** Guests see the conference without other people's contact details. */
export function isGuest(principal: Principal): boolean {
  return principal.kind === 'participant';
}

export const OPEN_STATUSES = new Set(['scheduled', 'open', 'live']);
