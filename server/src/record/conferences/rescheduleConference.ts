import { checkConferenceTiming, refusedError, type rescheduleConferenceRequestSchema, SamplanError, type TimingAdvisory } from '@samplan/shared';
import type { z } from 'zod';
import { joinLinkExpiry } from '../../auth/joinLink.ts';
import { type OutboxSettings, queueUpdates } from '../../messages/outbox.ts';
import { requireEpisodeAccess } from '../access.ts';
import { auditDenied, auditOk } from '../audit.ts';
import type { Caller, RecordContext } from '../context.ts';
import { conferenceSelect, conferenceView, scheduledEnd } from '../views.ts';
import { addresseesOf } from './addressees.ts';
import { loadConference } from './loadConference.ts';

/**
 * POST /api/conferences/:conferenceId/reschedule — a conference not yet
 * begun moves, under the same timing rules as scheduling. Guests' links stay
 * the same and now last until after the new end; everyone already written to
 * gets an update (staff a calendar file with the next SEQUENCE) and the
 * reminders move, all in the move's transaction.
 */
export async function rescheduleConference(
  ctx: RecordContext & { outbox: OutboxSettings },
  caller: Caller,
  conferenceId: string,
  input: z.output<typeof rescheduleConferenceRequestSchema>,
) {
  const found = await loadConference(ctx.db, conferenceId);
  const audit = { action: 'update', resourceType: 'Conference', resourceId: conferenceId };
  const { episode } = await requireEpisodeAccess(ctx, caller, found, { action: 'conference:schedule', conferenceId, audit });
  if (episode.conference.status !== 'scheduled' && episode.conference.status !== 'open') {
    throw new SamplanError('CONFLICT', `A conference that is ${episode.conference.status} cannot be moved.`);
  }
  const now = ctx.now();
  const startsAt = new Date(input.scheduledStart);
  const timing = checkConferenceTiming(episode.conference.kind, episode.access, startsAt, now);
  if (!timing.ok) {
    await auditDenied(ctx.db, caller, { ...audit, patientId: episode.patientId });
    throw refusedError(`A ${episode.conference.kind} cannot start then: ${timing.refusal.code}.`, timing.refusal);
  }
  const minutes = input.plannedDurationMinutes ?? episode.conference.plannedDurationMinutes;
  const moved = await ctx.db.$transaction(async (tx) => {
    const updated = await tx.conference.update({
      where: { id: conferenceId },
      data: { scheduledStart: startsAt, plannedDurationMinutes: minutes, calendarSequence: { increment: 1 } },
      select: { ...conferenceSelect, calendarSequence: true },
    });
    await tx.participant.updateMany({
      where: { conferenceId, tokenHash: { not: null }, revokedAt: null },
      data: { expiresAt: joinLinkExpiry(scheduledEnd({ scheduledStart: startsAt, plannedDurationMinutes: minutes })) },
    });
    const queued = await queueUpdates(tx, ctx.outbox, { conference: updated, people: await addresseesOf(tx, conferenceId), now });
    await auditOk(tx, caller, { ...audit, patientId: episode.patientId });
    return { view: conferenceView(updated, false), queued };
  });
  if (moved.queued > 0) await ctx.events.publish({ type: 'messages.queued', conferenceId });
  return { conference: moved.view, advisories: [...timing.advisories] as TimingAdvisory[] };
}
