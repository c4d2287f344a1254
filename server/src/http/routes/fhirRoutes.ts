import { episodeParamsSchema, fhirBundleSchema } from '@samplan/shared';
import type { z } from 'zod';
import { exportEpisode } from '../../fhir/exportEpisode.ts';
import type { RecordContext } from '../../record/context.ts';
import { type AnyRoute, route } from '../route.ts';

export function fhirRoutes(ctx: RecordContext): AnyRoute[] {
  return [
    route({
      method: 'get',
      path: '/episodes/:episodeId/fhir',
      summary: 'The episode as a FHIR R4 Bundle: Patient (CPR), CareTeam, Encounters, Goals, CarePlan versions, Consents (care team only; audited).',
      tag: 'fhir',
      access: 'staff',
      audit: { action: 'export', resourceType: 'Episode' },
      params: episodeParamsSchema,
      response: fhirBundleSchema,
      contentType: 'application/fhir+json',
      // FHIR's resource interfaces have no index signature; the route checks the answer against the schema all the same.
      handler: async ({ caller, params }) => (await exportEpisode(ctx, caller, params.episodeId)) as z.input<typeof fhirBundleSchema>,
    }),
  ];
}
