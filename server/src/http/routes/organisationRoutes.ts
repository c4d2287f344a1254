import { organisationListQuerySchema, organisationListResponseSchema } from '@samplan/shared';
import type { RecordContext } from '../../record/context.ts';
import { listOrganisations } from '../../record/organisations/listOrganisations.ts';
import { type AnyRoute, route } from '../route.ts';

export function organisationRoutes(ctx: RecordContext): AnyRoute[] {
  return [
    route({
      method: 'get',
      path: '/organisations',
      summary: 'Organisations by name, optionally of one sector (hospital, municipality, general_practice): for pickers.',
      tag: 'organisation',
      access: 'staff',
      audit: { action: 'read', resourceType: 'Organisation' },
      query: organisationListQuerySchema,
      response: organisationListResponseSchema,
      handler: async ({ caller, query }) => ({ organisations: await listOrganisations(ctx, caller, query.sector) }),
    }),
  ];
}
