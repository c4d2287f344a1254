import {
  checkConferenceTiming,
  CONFERENCE_KIND_RULES,
  type ConferenceKind,
  type EpisodeTimes,
  goalConversationWindow,
  refusedError,
  SamplanError,
  type scheduleConferenceRequestSchema,
  type TimingAdvisory,
} from '@samplan/shared';
import type { z } from 'zod';
import type { StaffPrincipal } from '../../auth/principal.ts';
import type { DbTransaction } from '../../store/database.ts';
import { loadEpisodeRef, notFound, requireEpisodeAccess } from '../access.ts';
import { auditDenied, auditOk } from '../audit.ts';
import type { Caller, RecordContext } from '../context.ts';
import { conferenceSelect, conferenceView } from '../views.ts';
import { participantRoleOfStaff } from './loadConference.ts';

/**
 * When a conference starts if the organiser does not say: the goal
 * conversation at the pathway's suggested time (day 2, 10:00) unless that has
 * passed; anything else now (an advice call or a follow-up is usually ad hoc).
 */
export function defaultStart(kind: ConferenceKind, episode: EpisodeTimes, now: Date): Date {
  if (kind === 'goal_conversation') {
    const suggested = goalConversationWindow(episode.admittedAt).defaultStart;
    return suggested > now ? suggested : now;
  }
  return now;
}

/** Written in the same transaction as the new conference (a call-back's guest), so both commit or neither. */
export type AlongWithConference = (tx: DbTransaction, conference: { id: string; episodeId: string; patientId: string }) => Promise<void>;

/** POST /api/episodes/:episodeId/conferences — the caller hosts it. */
export async function scheduleConference(
  ctx: RecordContext,
  caller: Caller & { principal: StaffPrincipal },
  episodeId: string,
  input: z.output<typeof scheduleConferenceRequestSchema>,
  along?: AlongWithConference,
) {
  const ref = await loadEpisodeRef(ctx.db, episodeId);
  const audit = { action: 'create', resourceType: 'Conference' };
  const { episode } = await requireEpisodeAccess(ctx, caller, ref, { action: 'conference:schedule', audit });
  const now = ctx.now();
  const startsAt = input.scheduledStart === undefined ? defaultStart(input.kind, episode.access, now) : new Date(input.scheduledStart);
  const timing = checkConferenceTiming(input.kind, episode.access, startsAt, now);
  if (!timing.ok) {
    await auditDenied(ctx.db, caller, { ...audit, patientId: episode.patientId });
    throw refusedError(`A ${input.kind} cannot start then: ${timing.refusal.code}.`, timing.refusal);
  }
  if (input.adviceRequestId !== undefined) await checkAdviceRequest(ctx, input.kind, episode.access.id, input.adviceRequestId);

  const { principal } = caller;
  const conference = await ctx.db.$transaction(async (tx) => {
    const created = await tx.conference.create({
      data: {
        episodeId: episode.access.id,
        kind: input.kind,
        scheduledStart: startsAt,
        plannedDurationMinutes: input.plannedDurationMinutes ?? CONFERENCE_KIND_RULES[input.kind].defaultMinutes,
        hostId: principal.staffId,
        // The host is in from the start: they admit the others.
        participants: { create: { role: participantRoleOfStaff(principal), staffUserId: principal.staffId, lobbyState: 'admitted', invitedById: principal.staffId } },
      },
      select: { id: true },
    });
    if (input.adviceRequestId !== undefined) {
      await tx.adviceRequest.update({ where: { id: input.adviceRequestId }, data: { adviceConferenceId: created.id } });
    }
    await auditOk(tx, caller, { ...audit, resourceId: created.id, patientId: episode.patientId });
    await along?.(tx, { id: created.id, episodeId: episode.access.id, patientId: episode.patientId });
    return tx.conference.findUniqueOrThrow({ where: { id: created.id }, select: conferenceSelect });
  });
  await ctx.events.publish({ type: 'conference.changed', conferenceId: conference.id, episodeId: episode.access.id, change: 'scheduled' });
  return { conference: conferenceView(conference, false), advisories: [...timing.advisories] as TimingAdvisory[] };
}

async function checkAdviceRequest(ctx: RecordContext, kind: ConferenceKind, episodeId: string, adviceRequestId: string): Promise<void> {
  if (kind !== 'advice_call') {
    throw new SamplanError('BAD_REQUEST', 'Only an advice call answers an advice request.', [{ path: 'adviceRequestId', message: 'only for kind advice_call' }]);
  }
  const request = await ctx.db.adviceRequest.findUnique({ where: { id: adviceRequestId }, select: { episodeId: true, adviceConferenceId: true, answeredAt: true } });
  if (request === null || request.episodeId !== episodeId) throw notFound('AdviceRequest');
  if (request.adviceConferenceId !== null || request.answeredAt !== null) throw new SamplanError('CONFLICT', 'The advice request has its call or answer already.');
}
