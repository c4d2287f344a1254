import {
  conferenceListResponseSchema,
  conferenceParamsSchema,
  conferenceResponseSchema,
  episodeParamsSchema,
  inviteRequestSchema,
  inviteResponseSchema,
  lobbyChangeRequestSchema,
  participantParamsSchema,
  participantResponseSchema,
  roomTokenResponseSchema,
  scheduleConferenceRequestSchema,
  scheduleConferenceResponseSchema,
} from '@samplan/shared';
import { cancelConference, endConference } from '../../record/conferences/changeConferenceStatus.ts';
import { inviteParticipant } from '../../record/conferences/inviteParticipant.ts';
import { issueRoomToken, mediaRoomIdOf } from '../../record/conferences/issueRoomToken.ts';
import { changeLobbyState, revokeJoinLink } from '../../record/conferences/manageParticipant.ts';
import { getConference, listConferences } from '../../record/conferences/readConferences.ts';
import { scheduleConference } from '../../record/conferences/scheduleConference.ts';
import type { MediaService } from '../../media/mediaService.ts';
import type { RecordContext } from '../../record/context.ts';
import { type AnyRoute, route } from '../route.ts';

export function conferenceRoutes(ctx: RecordContext & { secret: string; rooms: Pick<MediaService, 'closeRoom'> }): AnyRoute[] {
  // The record says the conference is over first; then the call closes, so nobody is left talking in a room nobody can rejoin.
  const closeCall = async <T>(conferenceId: string, result: T): Promise<T> => {
    await ctx.rooms.closeRoom(mediaRoomIdOf(conferenceId));
    return result;
  };

  return [
    route({
      method: 'post',
      path: '/episodes/:episodeId/conferences',
      summary: 'Schedule a conference I host; start and length default from the pathway, timing is checked against its rules.',
      tag: 'conferences',
      access: 'staff',
      audit: { action: 'create', resourceType: 'Conference' },
      params: episodeParamsSchema,
      body: scheduleConferenceRequestSchema,
      response: scheduleConferenceResponseSchema,
      status: 201,
      handler: ({ caller, params, body }) => scheduleConference(ctx, caller, params.episodeId, body),
    }),
    route({
      method: 'get',
      path: '/episodes/:episodeId/conferences',
      summary: "The episode's conferences, oldest first.",
      tag: 'conferences',
      access: 'signed-in',
      params: episodeParamsSchema,
      response: conferenceListResponseSchema,
      handler: async ({ caller, params }) => ({ conferences: await listConferences(ctx, caller, params.episodeId) }),
    }),
    route({
      method: 'get',
      path: '/conferences/:conferenceId',
      summary: 'One conference with its participants and lobby (a guest sees their own conference, without contact details).',
      tag: 'conferences',
      access: 'signed-in',
      params: conferenceParamsSchema,
      response: conferenceResponseSchema,
      handler: async ({ caller, params }) => ({ conference: await getConference(ctx, caller, params.conferenceId) }),
    }),
    route({
      method: 'post',
      path: '/conferences/:conferenceId/cancel',
      summary: 'Cancel a conference that has not ended.',
      tag: 'conferences',
      access: 'staff',
      audit: { action: 'cancel', resourceType: 'Conference' },
      params: conferenceParamsSchema,
      response: conferenceResponseSchema,
      handler: async ({ caller, params }) => closeCall(params.conferenceId, { conference: await cancelConference(ctx, caller, params.conferenceId) }),
    }),
    route({
      method: 'post',
      path: '/conferences/:conferenceId/end',
      summary: "End a conference; guests' links lapse a grace period later.",
      tag: 'conferences',
      access: 'staff',
      audit: { action: 'end', resourceType: 'Conference' },
      params: conferenceParamsSchema,
      response: conferenceResponseSchema,
      handler: async ({ caller, params }) => closeCall(params.conferenceId, { conference: await endConference(ctx, caller, params.conferenceId) }),
    }),
    route({
      method: 'post',
      path: '/conferences/:conferenceId/participants',
      summary: 'Invite staff of the care team, the patient or a relative; a guest gets a join link, returned only here.',
      tag: 'conferences',
      access: 'staff',
      audit: { action: 'invite', resourceType: 'Participant' },
      params: conferenceParamsSchema,
      body: inviteRequestSchema,
      response: inviteResponseSchema,
      status: 201,
      handler: ({ caller, params, body }) => inviteParticipant(ctx, caller, params.conferenceId, body),
    }),
    route({
      method: 'post',
      path: '/conferences/:conferenceId/participants/:participantId/revoke',
      summary: "Revoke a guest's join link (and the session it opened).",
      tag: 'conferences',
      access: 'staff',
      audit: { action: 'revoke', resourceType: 'Participant' },
      params: participantParamsSchema,
      response: participantResponseSchema,
      handler: async ({ caller, params }) => ({ participant: await revokeJoinLink(ctx, caller, params.conferenceId, params.participantId) }),
    }),
    route({
      method: 'post',
      path: '/conferences/:conferenceId/participants/:participantId/lobby',
      summary: 'The host admits someone from the lobby, sends them back, or removes them.',
      tag: 'conferences',
      access: 'staff',
      audit: { action: 'update', resourceType: 'Participant' },
      params: participantParamsSchema,
      body: lobbyChangeRequestSchema,
      response: participantResponseSchema,
      handler: async ({ caller, params, body }) => ({ participant: await changeLobbyState(ctx, caller, params.conferenceId, params.participantId, body) }),
    }),
    route({
      method: 'post',
      path: '/conferences/:conferenceId/room-token',
      summary: "A media-room token for the conference's call: staff of the episode, or a guest the host has admitted.",
      tag: 'conferences',
      access: 'signed-in',
      params: conferenceParamsSchema,
      response: roomTokenResponseSchema,
      handler: ({ caller, params }) => issueRoomToken(ctx, caller, params.conferenceId),
    }),
  ];
}
