import {
  admitEpisodeRequestSchema,
  admitEpisodeResponseSchema,
  episodeParamsSchema,
  patientLookupRequestSchema,
  patientLookupResponseSchema,
  recordScreeningRequestSchema,
  screeningResponseSchema,
} from '@samplan/shared';
import type { RecordContext } from '../../record/context.ts';
import { admitEpisode } from '../../record/episodes/admitEpisode.ts';
import { recordScreening } from '../../record/episodes/recordScreening.ts';
import { lookupPatient } from '../../record/patients/lookupPatient.ts';
import { type AnyRoute, route } from '../route.ts';

export function intakeRoutes(ctx: RecordContext): AnyRoute[] {
  return [
    route({
      method: 'post',
      path: '/patients/lookup',
      summary: 'Find a patient by CPR number (in the body, never the URL); answered with the CPR number masked.',
      tag: 'episodes',
      access: 'staff',
      audit: { action: 'lookup', resourceType: 'Patient' },
      body: patientLookupRequestSchema,
      response: patientLookupResponseSchema,
      handler: ({ caller, body }) => lookupPatient(ctx, caller, body),
    }),
    route({
      method: 'post',
      path: '/episodes',
      summary: 'Admit a patient (found by CPR or created) into my ward, with care team and relatives. One open admission per patient.',
      tag: 'episodes',
      access: 'staff',
      audit: { action: 'create', resourceType: 'Episode' },
      body: admitEpisodeRequestSchema,
      response: admitEpisodeResponseSchema,
      status: 201,
      handler: ({ caller, body }) => admitEpisode(ctx, caller, body),
    }),
    route({
      method: 'post',
      path: '/episodes/:episodeId/screenings',
      summary: 'Record a follow-up screening score (0–100); kept as history, the latest drives the recommendations.',
      tag: 'episodes',
      access: 'staff',
      audit: { action: 'create', resourceType: 'ScreeningRecord' },
      params: episodeParamsSchema,
      body: recordScreeningRequestSchema,
      response: screeningResponseSchema,
      status: 201,
      handler: async ({ caller, params, body }) => ({ screening: await recordScreening(ctx, caller, params.episodeId, body) }),
    }),
  ];
}
