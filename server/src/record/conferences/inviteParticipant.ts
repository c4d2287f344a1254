import { authorize, hasLiveConsent, type inviteRequestSchema, type InviteResponse, SamplanError } from '@samplan/shared';
import type { z } from 'zod';
import { joinLinkExpiry, joinPath, newJoinToken } from '../../auth/joinLink.ts';
import { staffSectorOf, type StaffPrincipal } from '../../auth/principal.ts';
import { type OutboxSettings, queueInvitation, sealedTokenFor } from '../../messages/outbox.ts';
import type { Prisma } from '../../store/generated/client.ts';
import { notFound, requireEpisodeAccess } from '../access.ts';
import { auditDenied, auditOk } from '../audit.ts';
import type { Caller, RecordContext } from '../context.ts';
import { participantSelect, participantView, scheduledEnd } from '../views.ts';
import { addresseesOf, conferenceForMessages } from './addressees.ts';
import { type ConferenceWithEpisode, loadConference, OPEN_STATUSES, participantRoleOfStaff } from './loadConference.ts';

const badInvitee = (path: string, message: string) => new SamplanError('BAD_REQUEST', 'The invitee cannot take part in this conference.', [{ path, message }]);

/**
 * POST /api/conferences/:conferenceId/participants — staff of the care team
 * (or the geriatric team, for an advice call) join signed in; the patient and
 * relatives get a join link, returned here once. In the same transaction the
 * outbox gets the invitation (e-mail and/or text message with the link; staff
 * a calendar file) and a guest's reminder; for the video call-back of an
 * advice request, a call_back message with the link (the requester's page may
 * be closed).
 */
export async function inviteParticipant(
  ctx: RecordContext & { outbox: OutboxSettings },
  caller: Caller & { principal: StaffPrincipal },
  conferenceId: string,
  input: z.output<typeof inviteRequestSchema>,
): Promise<InviteResponse> {
  const found = await loadConference(ctx.db, conferenceId);
  const audit = { action: 'invite', resourceType: 'Participant' };
  const { episode } = await requireEpisodeAccess(ctx, caller, found, { action: 'conference:schedule', conferenceId, audit });
  if (!OPEN_STATUSES.has(episode.conference.status)) throw new SamplanError('CONFLICT', `The conference is ${episode.conference.status}.`);

  const person = await inviteeOf(ctx, episode, input);
  if (person.staffUserId === undefined) await requireVideoConsent(ctx, caller, episode);
  const link = person.staffUserId === undefined ? newJoinToken() : null;
  const expiresAt = joinLinkExpiry(scheduledEnd(episode.conference));
  const now = ctx.now();
  const invited = await ctx.db.$transaction(async (tx) => {
    const participant = await tx.participant.create({
      data: {
        conferenceId,
        invitedById: caller.principal.staffId,
        ...person,
        ...(link === null ? {} : { tokenHash: link.tokenHash, expiresAt, sealedJoinToken: sealedTokenFor(ctx.outbox, link.token) }),
      },
      select: participantSelect,
    });
    const { conference, callBack } = await conferenceForMessages(tx, conferenceId);
    const [addressee] = await addresseesOf(tx, conferenceId, participant.id);
    const queued = addressee === undefined ? 0 : await queueInvitation(tx, ctx.outbox, { conference, person: addressee, callBack, now });
    await auditOk(tx, caller, { ...audit, resourceId: participant.id, patientId: episode.patientId });
    return {
      queued,
      answer: {
        participant: participantView(participant, false),
        joinLink: link === null ? null : { token: link.token, path: joinPath(link.token), expiresAt: expiresAt.toISOString() },
      },
    };
  });
  await ctx.events.publish({ type: 'conference.changed', conferenceId, episodeId: episode.access.id, change: 'invited' });
  if (invited.queued > 0) await ctx.events.publish({ type: 'messages.queued', conferenceId });
  return invited.answer;
}

type Invitee = Pick<Prisma.ParticipantUncheckedCreateInput, 'role' | 'staffUserId' | 'relativeId' | 'externalName' | 'externalPhone' | 'externalEmail' | 'language'>;

async function inviteeOf(ctx: RecordContext, found: ConferenceWithEpisode, input: z.output<typeof inviteRequestSchema>): Promise<Invitee> {
  switch (input.kind) {
    case 'staff': {
      const staff = await ctx.db.staffUser.findUnique({
        where: { id: input.staffId },
        select: { id: true, role: true, deactivatedAt: true, organisationId: true, organisation: { select: { sector: true } } },
      });
      if (staff === null || staff.deactivatedAt !== null) throw badInvitee('staffId', 'no such staff member');
      const sector = staffSectorOf(staff.organisation.sector);
      const actors = [
        { kind: 'staff', userId: staff.id, organisationId: staff.organisationId, sector } as const,
        ...(staff.role === 'geriatrician' ? [{ kind: 'geriatric_team', userId: staff.id } as const] : []),
      ];
      const target = { episode: found.access, conferenceId: found.conference.id, now: ctx.now() };
      if (!actors.some((actor) => authorize(actor, 'conference:join', target).allowed)) {
        throw badInvitee('staffId', 'is not in the care team of this episode');
      }
      return { role: participantRoleOfStaff({ role: staff.role, sector }), staffUserId: staff.id };
    }
    case 'patient': {
      const patient = await patientOf(ctx, found);
      return { role: 'patient', externalName: patient.name, externalPhone: patient.phone, externalEmail: patient.email, language: patient.preferredLanguage };
    }
    case 'relative': {
      const relative = await ctx.db.relative.findUnique({
        where: { id: input.relativeId },
        select: { id: true, patientId: true, name: true, phone: true, email: true, preferredLanguage: true },
      });
      if (relative === null || relative.patientId !== found.patientId) throw notFound('Relative');
      const language = relative.preferredLanguage ?? (await patientOf(ctx, found)).preferredLanguage;
      // Linked to her record row: what it says she may do for the patient decides that, now and later.
      return { role: 'relative', relativeId: relative.id, externalName: relative.name, externalPhone: relative.phone, externalEmail: relative.email, language };
    }
    case 'guest': {
      const language = input.language ?? (await patientOf(ctx, found)).preferredLanguage;
      return { role: input.role, externalName: input.name, externalPhone: input.phone ?? null, externalEmail: input.email ?? null, language };
    }
  }
}

function patientOf(ctx: RecordContext, found: ConferenceWithEpisode) {
  return ctx.db.patient.findUniqueOrThrow({ where: { id: found.patientId }, select: { name: true, phone: true, email: true, preferredLanguage: true } });
}

/**
 * The patient and relatives take part by video only with the patient's
 * consent to it, given for this episode or until withdrawn (the Danish rules
 * for video consultations ask for informed consent). Refused and audited, and
 * the error names the missing consent.
 */
export async function requireVideoConsent(ctx: RecordContext, caller: Caller, found: Pick<ConferenceWithEpisode, 'patientId' | 'access'>): Promise<void> {
  const consents = await ctx.db.consent.findMany({
    where: { patientId: found.patientId, scope: 'video_participation', withdrawnAt: null },
    select: { scope: true, episodeId: true, withdrawnAt: true },
  });
  if (hasLiveConsent(consents, 'video_participation', found.access.id)) return;
  await auditDenied(ctx.db, caller, { action: 'invite', resourceType: 'Participant', patientId: found.patientId });
  throw new SamplanError('VIDEO_CONSENT_MISSING', 'The patient has no live consent to take part by video (video_participation): record it before inviting the patient or a relative.');
}
