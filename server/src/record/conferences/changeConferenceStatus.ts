import { isConferenceOver, SamplanError } from '@samplan/shared';
import { joinLinkExpiry } from '../../auth/joinLink.ts';
import { queueCancellations, withdrawMessages } from '../../messages/outbox.ts';
import { requireEpisodeAccess } from '../access.ts';
import { auditOk } from '../audit.ts';
import type { Caller, RecordContext } from '../context.ts';
import { conferenceSelect, conferenceView } from '../views.ts';
import { loadConference } from './loadConference.ts';

/** POST /api/conferences/:conferenceId/cancel — only before it has ended; whoever was written to is told (the outbox, same transaction). */
export async function cancelConference(ctx: RecordContext, caller: Caller, conferenceId: string) {
  const found = await loadConference(ctx.db, conferenceId);
  const audit = { action: 'cancel', resourceType: 'Conference', resourceId: conferenceId };
  const { episode } = await requireEpisodeAccess(ctx, caller, found, { action: 'conference:schedule', conferenceId, audit });
  if (episode.conference.status !== 'scheduled' && episode.conference.status !== 'open') {
    throw new SamplanError('CONFLICT', `A conference that is ${episode.conference.status} cannot be cancelled.`);
  }
  const cancelled = await ctx.db.$transaction(async (tx) => {
    const updated = await tx.conference.update({ where: { id: conferenceId }, data: { status: 'cancelled' }, select: conferenceSelect });
    const queued = await queueCancellations(tx, { conferenceId, now: ctx.now() });
    await auditOk(tx, caller, { ...audit, patientId: episode.patientId });
    return { view: conferenceView(updated, false), queued };
  });
  await ctx.events.publish({ type: 'conference.closed', conferenceId });
  await ctx.events.publish({ type: 'conference.changed', conferenceId, episodeId: episode.access.id, change: 'cancelled' });
  if (cancelled.queued > 0) await ctx.events.publish({ type: 'messages.queued', conferenceId });
  return cancelled.view;
}

/**
 * POST /api/conferences/:conferenceId/end — the call is over. Guests' links
 * then lapse a grace period after the actual end, not the planned one.
 */
export async function endConference(ctx: RecordContext, caller: Caller, conferenceId: string) {
  const found = await loadConference(ctx.db, conferenceId);
  const audit = { action: 'end', resourceType: 'Conference', resourceId: conferenceId };
  const { episode } = await requireEpisodeAccess(ctx, caller, found, { action: 'conference:admit', conferenceId, audit });
  if (isConferenceOver(episode.conference.status)) {
    throw new SamplanError('CONFLICT', `The conference is ${episode.conference.status} already.`);
  }
  const now = ctx.now();
  const ended = await ctx.db.$transaction(async (tx) => {
    await tx.participant.updateMany({
      where: { conferenceId, tokenHash: { not: null }, expiresAt: { gt: joinLinkExpiry(now) } },
      data: { expiresAt: joinLinkExpiry(now) },
    });
    await tx.participant.updateMany({ where: { conferenceId, joinedAt: { not: null }, leftAt: null }, data: { leftAt: now } });
    await withdrawMessages(tx, { conferenceId }, 'conference_over');
    const updated = await tx.conference.update({
      where: { id: conferenceId },
      data: { status: 'ended', endedAt: now },
      select: conferenceSelect,
    });
    await auditOk(tx, caller, { ...audit, patientId: episode.patientId });
    return conferenceView(updated, false);
  });
  // The record says the conference is over first; then the call closes, so nobody is left talking in a room nobody can rejoin.
  await ctx.events.publish({ type: 'conference.closed', conferenceId });
  await ctx.events.publish({ type: 'conference.changed', conferenceId, episodeId: episode.access.id, change: 'ended' });
  return ended;
}
