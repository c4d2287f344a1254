import { type CallBackResponse, parseMobileNumber } from '@samplan/shared';
import { joinLinkExpiry, newJoinToken } from '../../auth/joinLink.ts';
import type { StaffPrincipal } from '../../auth/principal.ts';
import { type OutboxSettings, queueInvitation, sealedTokenFor } from '../../messages/outbox.ts';
import { episodeAccessSelect, episodeRefOf, notFound, requireEpisodeAccess } from '../access.ts';
import { auditDenied, auditOk } from '../audit.ts';
import type { Caller, RecordContext } from '../context.ts';
import { requireVideoConsent } from '../conferences/inviteParticipant.ts';
import { addresseesOf, conferenceForMessages } from '../conferences/addressees.ts';
import { scheduleConference } from '../conferences/scheduleConference.ts';
import { scheduledEnd } from '../views.ts';

/**
 * POST /api/advice-requests/:adviceRequestId/call-back — the geriatrician
 * calls back by video: an advice call for the request, hosted by her. When
 * the request was asked from a guest's link, a participant row in the new
 * call stands for that guest, tied to her join-link participant
 * (`sessionParticipantId`) and let in already: her open advice page rings
 * (`advice.calledBack`) and her own session enters with one tap
 * (joinCallBack.ts). When her page is closed the ring reaches nobody, so
 * when she gave a number that takes a text message, the row also gets a join
 * link of its own and the outbox texts it to her (call_back) in the same
 * transaction; the link goes only to the number she gave herself. A request
 * asked otherwise (staff, or a link revoked since) gets `ringing: false`, and
 * the geriatrician invites the requester as for any conference.
 */
export async function callBackByVideo(ctx: RecordContext & { outbox: OutboxSettings }, caller: Caller & { principal: StaffPrincipal }, adviceRequestId: string): Promise<CallBackResponse> {
  const audit = { action: 'create', resourceType: 'Conference' };
  const row = await ctx.db.adviceRequest.findUnique({
    where: { id: adviceRequestId },
    select: {
      requesterContact: true,
      episode: { select: episodeAccessSelect },
      requesterParticipant: { select: { id: true, role: true, externalName: true, language: true, revokedAt: true, lobbyState: true, conference: { select: { episodeId: true } } } },
    },
  });
  if (row === null) {
    await auditDenied(ctx.db, caller, audit);
    throw notFound('AdviceRequest');
  }
  // The geriatric team's act, as answering is; scheduling the call then checks its own right and timing.
  const { episode } = await requireEpisodeAccess(ctx, caller, episodeRefOf(row.episode), { action: 'advice:take', audit });
  const asker = row.requesterParticipant;
  const guest = asker !== null && asker.revokedAt === null && asker.lobbyState !== 'removed' && asker.conference.episodeId === episode.access.id ? asker : null;
  if (guest !== null) await requireVideoConsent(ctx, caller, episode);
  const mobile = row.requesterContact === null ? null : parseMobileNumber(row.requesterContact);
  const phone = mobile?.ok === true ? mobile.number : null;
  const now = ctx.now();
  let queued = 0;

  const { conference } = await scheduleConference(
    ctx,
    caller,
    episode.access.id,
    { kind: 'advice_call', adviceRequestId },
    guest === null
      ? undefined
      : async (tx, created) => {
          const link = phone === null ? null : newJoinToken();
          const times = await tx.conference.findUniqueOrThrow({ where: { id: created.id }, select: { scheduledStart: true, plannedDurationMinutes: true } });
          const participant = await tx.participant.create({
            data: {
              conferenceId: created.id,
              role: guest.role,
              externalName: guest.externalName,
              language: guest.language,
              sessionParticipantId: guest.id,
              // She asked to be called; the geriatrician calling is the host letting her in.
              lobbyState: 'admitted',
              invitedById: caller.principal.staffId,
              ...(link === null
                ? {}
                : { externalPhone: phone, tokenHash: link.tokenHash, expiresAt: joinLinkExpiry(scheduledEnd(times)), sealedJoinToken: sealedTokenFor(ctx.outbox, link.token) }),
            },
            select: { id: true },
          });
          if (link !== null) {
            const { conference: forMessages } = await conferenceForMessages(tx, created.id);
            const [addressee] = await addresseesOf(tx, created.id, participant.id);
            if (addressee !== undefined) queued = await queueInvitation(tx, ctx.outbox, { conference: forMessages, person: addressee, callBack: true, now });
          }
          await auditOk(tx, caller, { action: 'invite', resourceType: 'Participant', resourceId: participant.id, patientId: created.patientId });
        },
  );
  await ctx.events.publish({ type: 'advice.changed', episodeId: episode.access.id, adviceRequestId });
  if (guest !== null) {
    await ctx.events.publish({ type: 'advice.calledBack', episodeId: episode.access.id, adviceRequestId, conferenceId: conference.id, guestParticipantId: guest.id });
  }
  if (queued > 0) await ctx.events.publish({ type: 'messages.queued', conferenceId: conference.id });
  return { conference, ringing: guest !== null };
}
