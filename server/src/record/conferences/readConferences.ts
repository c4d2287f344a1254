import type { ConferenceView } from '@samplan/shared';
import { loadEpisodeRef, requireEpisodeAccess } from '../access.ts';
import { auditOk } from '../audit.ts';
import type { Caller, RecordContext } from '../context.ts';
import { conferenceSelect, conferenceView } from '../views.ts';
import { isGuest, loadConference } from './loadConference.ts';

/** GET /api/conferences/:conferenceId — staff of the episode, or a guest of this very conference. */
export async function getConference(ctx: RecordContext, caller: Caller, conferenceId: string): Promise<ConferenceView> {
  const found = await loadConference(ctx.db, conferenceId);
  const audit = { action: 'read', resourceType: 'Conference', resourceId: conferenceId };
  const { episode } = await requireEpisodeAccess(ctx, caller, found, { action: 'conference:join', conferenceId, audit });
  await auditOk(ctx.db, caller, { ...audit, patientId: episode.patientId });
  return conferenceView(episode.conference, isGuest(caller.principal));
}

/** GET /api/episodes/:episodeId/conferences — oldest first. */
export async function listConferences(ctx: RecordContext, caller: Caller, episodeId: string): Promise<ConferenceView[]> {
  const ref = await loadEpisodeRef(ctx.db, episodeId);
  const audit = { action: 'read', resourceType: 'Conference' };
  const { episode } = await requireEpisodeAccess(ctx, caller, ref, { action: 'episode:read', audit });
  const rows = await ctx.db.conference.findMany({ where: { episodeId: episode.access.id }, select: conferenceSelect, orderBy: { scheduledStart: 'asc' } });
  await auditOk(ctx.db, caller, { ...audit, patientId: episode.patientId });
  return rows.map((row) => conferenceView(row, false));
}
