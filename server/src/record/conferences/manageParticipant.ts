import { type lobbyChangeRequestSchema, SamplanError } from '@samplan/shared';
import type { z } from 'zod';
import type { ConferenceChange } from '../../events/domainEvents.ts';
import { requireEpisodeAccess } from '../access.ts';
import { withdrawMessages } from '../../messages/outbox.ts';
import { auditDenied, auditOk } from '../audit.ts';
import type { Caller, RecordContext } from '../context.ts';
import { participantSelect, participantView } from '../views.ts';
import { loadConference } from './loadConference.ts';

async function participantOf(ctx: RecordContext, caller: Caller, conferenceId: string, participantId: string, action: 'conference:schedule' | 'conference:admit', verb: string) {
  const found = await loadConference(ctx.db, conferenceId);
  const audit = { action: verb, resourceType: 'Participant', resourceId: participantId };
  const { episode } = await requireEpisodeAccess(ctx, caller, found, { action, conferenceId, audit });
  const participant = episode.conference.participants.find((candidate) => candidate.id === participantId);
  if (participant === undefined) {
    await auditDenied(ctx.db, caller, { ...audit, patientId: episode.patientId });
    throw new SamplanError('NOT_FOUND', 'No such participant in this conference.');
  }
  return { episode, participant, audit };
}

const LOBBY_CHANGE = { admitted: 'admitted', waiting: 'back_to_lobby', removed: 'removed' } as const satisfies Record<z.output<typeof lobbyChangeRequestSchema>['state'], ConferenceChange>;

/** POST /api/conferences/:conferenceId/participants/:participantId/revoke — the link stops working at once. */
export async function revokeJoinLink(ctx: RecordContext, caller: Caller, conferenceId: string, participantId: string) {
  const { episode, participant, audit } = await participantOf(ctx, caller, conferenceId, participantId, 'conference:schedule', 'revoke');
  if (participant.tokenHash === null) throw new SamplanError('CONFLICT', 'Staff join signed in; there is no link to revoke.');
  const revoked = await ctx.db.$transaction(async (tx) => {
    const updated = await tx.participant.update({
      where: { id: participantId },
      data: { revokedAt: participant.revokedAt ?? ctx.now() },
      select: participantSelect,
    });
    await withdrawMessages(tx, { conferenceId, participantId }, 'link_revoked');
    await auditOk(tx, caller, { ...audit, patientId: episode.patientId });
    return participantView(updated, false);
  });
  await ctx.events.publish({ type: 'participant.excluded', conferenceId, participantId, reason: 'removed' });
  await ctx.events.publish({ type: 'conference.changed', conferenceId, episodeId: episode.access.id, change: 'removed' });
  return revoked;
}

/**
 * POST /api/conferences/:conferenceId/participants/:participantId/lobby — the
 * host admits someone waiting, sends them back to wait, or removes them
 * (a removed guest's link and session stop working).
 */
export async function changeLobbyState(
  ctx: RecordContext,
  caller: Caller,
  conferenceId: string,
  participantId: string,
  input: z.output<typeof lobbyChangeRequestSchema>,
) {
  const { episode, participant, audit } = await participantOf(ctx, caller, conferenceId, participantId, 'conference:admit', 'update');
  if (participant.lobbyState === 'removed' && input.state !== 'removed') {
    throw new SamplanError('CONFLICT', 'A removed participant is invited again with a new link.');
  }
  const changed = await ctx.db.$transaction(async (tx) => {
    const updated = await tx.participant.update({
      where: { id: participantId },
      data: { lobbyState: input.state, ...(input.state === 'removed' && participant.joinedAt !== null && participant.leftAt === null ? { leftAt: ctx.now() } : {}) },
      select: participantSelect,
    });
    if (input.state === 'removed') await withdrawMessages(tx, { conferenceId, participantId }, 'link_revoked');
    await auditOk(tx, caller, { ...audit, patientId: episode.patientId });
    return participantView(updated, false);
  });
  // Whoever is no longer admitted leaves the call now, not when their token runs out.
  if (input.state !== 'admitted') {
    await ctx.events.publish({ type: 'participant.excluded', conferenceId, participantId, reason: input.state === 'removed' ? 'removed' : 'lobby' });
  }
  await ctx.events.publish({ type: 'conference.changed', conferenceId, episodeId: episode.access.id, change: LOBBY_CHANGE[input.state] });
  return changed;
}
