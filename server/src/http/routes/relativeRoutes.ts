import { relativeParamsSchema, relativeViewSchema, setRepresentationRequestSchema } from '@samplan/shared';
import type { RecordContext } from '../../record/context.ts';
import { setRepresentation } from '../../record/relatives/setRepresentation.ts';
import { type AnyRoute, route } from '../route.ts';

export function relativeRoutes(ctx: RecordContext): AnyRoute[] {
  return [
    route({
      method: 'put',
      path: '/episodes/:episodeId/relatives/:relativeId/representation',
      summary: "Whether a relative represents the patient (guardian, power of attorney): then she may agree to the plan on the patient's behalf and read her access log.",
      tag: 'episodes',
      access: 'staff',
      audit: { action: 'set-representation', resourceType: 'Relative' },
      params: relativeParamsSchema,
      body: setRepresentationRequestSchema,
      response: relativeViewSchema,
      handler: ({ caller, params, body }) => setRepresentation(ctx, caller, params.episodeId, params.relativeId, body),
    }),
  ];
}
