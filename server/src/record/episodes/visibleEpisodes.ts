import { ADVICE_WINDOW_DAYS, addCalendarDays, type Action } from '@samplan/shared';
import { authorizePrincipal, type StaffPrincipal } from '../../auth/principal.ts';
import type { DbClient } from '../../store/database.ts';
import type { EpisodeStatus, Prisma } from '../../store/generated/client.ts';
import { episodeAccessSelect, type EpisodeRef, episodeRefOf } from '../access.ts';

export const episodeSummarySelect = {
  ...episodeAccessSelect,
  status: true,
  screeningScore: true,
  // All the patient's admissions, for the readmission mark (a patient has a handful).
  patient: { select: { id: true, name: true, cprNumber: true, episodes: { select: { id: true, admittedAt: true, dischargedAt: true } } } },
  admittingWard: { select: { id: true, name: true } },
} as const;

export type EpisodeSummaryRow = Prisma.EpisodeGetPayload<{ select: typeof episodeSummarySelect }>;

/** A list is for looking through, not for exporting the record: the newest this many. */
export const EPISODE_LIST_LIMIT = 200;

/**
 * The episodes a staff member may read: their organisation's or their own
 * care-team episodes and, for the geriatric team, those in their advice
 * window. The query finds a superset cheaply; `authorizePrincipal`, the one
 * rule, decides each row.
 */
export async function visibleEpisodes(
  db: DbClient,
  principal: StaffPrincipal,
  now: Date,
  filter: { status?: EpisodeStatus; action?: Action } = {},
): Promise<Array<{ row: EpisodeSummaryRow; ref: EpisodeRef }>> {
  const reach: Prisma.EpisodeWhereInput[] = [
    { careTeamOrganisations: { some: { organisationId: principal.organisationId } } },
    { careTeamStaff: { some: { staffUserId: principal.staffId } } },
  ];
  if (principal.actor.kind === 'geriatric_team') {
    // A day more than the window, so the calendar-day rule (23/25 h days) decides the edge, not this bound.
    reach.push({ dischargedAt: { gte: addCalendarDays(now, -(ADVICE_WINDOW_DAYS + 1)), lte: now } });
  }
  const rows = await db.episode.findMany({
    where: { OR: reach, ...(filter.status === undefined ? {} : { status: filter.status }) },
    select: episodeSummarySelect,
    orderBy: [{ admittedAt: 'desc' }, { id: 'desc' }],
    take: EPISODE_LIST_LIMIT,
  });
  const action = filter.action ?? 'episode:read';
  return rows
    .map((row) => ({ row, ref: episodeRefOf(row) }))
    .filter(({ ref }) => authorizePrincipal(principal, action, { episode: ref.access, now }).allowed);
}
