import {
  dayViewSchema,
  episodeDetailSchema,
  episodeListQuerySchema,
  episodeListResponseSchema,
  episodeParamsSchema,
  identifyPatientResponseSchema,
} from '@samplan/shared';
import type { RecordContext } from '../../record/context.ts';
import { dayView } from '../../record/episodes/dayView.ts';
import { getEpisode } from '../../record/episodes/getEpisode.ts';
import { identifyPatient } from '../../record/episodes/identifyPatient.ts';
import { listEpisodes } from '../../record/episodes/listEpisodes.ts';
import { type AnyRoute, route } from '../route.ts';

export function episodeRoutes(ctx: RecordContext): AnyRoute[] {
  return [
    route({
      method: 'get',
      path: '/episodes',
      summary: 'The episodes I take part in (and, for the geriatric team, those in their advice window), with their clocks.',
      tag: 'episodes',
      access: 'staff',
      audit: { action: 'read', resourceType: 'Episode' },
      query: episodeListQuerySchema,
      response: episodeListResponseSchema,
      handler: ({ caller, query }) => listEpisodes(ctx, caller, query),
    }),
    route({
      method: 'get',
      path: '/day',
      summary: 'My day: conferences today and this week, advice requests waiting, discharges awaiting a reception visit, follow-ups due.',
      tag: 'episodes',
      access: 'staff',
      audit: { action: 'read', resourceType: 'Episode' },
      response: dayViewSchema,
      handler: ({ caller }) => dayView(ctx, caller),
    }),
    route({
      method: 'get',
      path: '/episodes/:episodeId',
      summary: 'One episode: patient (CPR masked), relatives, care team, timeline and consents.',
      tag: 'episodes',
      access: 'signed-in',
      params: episodeParamsSchema,
      response: episodeDetailSchema,
      handler: ({ caller, params }) => getEpisode(ctx, caller, params.episodeId),
    }),
    route({
      method: 'post',
      path: '/episodes/:episodeId/patient/identify',
      summary: "The patient's full CPR number, to identify them securely in a consultation (audited).",
      tag: 'episodes',
      access: 'staff',
      audit: { action: 'reveal-cpr', resourceType: 'Patient' },
      params: episodeParamsSchema,
      response: identifyPatientResponseSchema,
      handler: ({ caller, params }) => identifyPatient(ctx, caller, params.episodeId),
    }),
  ];
}
