import { FHIR_IN_MEDIA_TYPES, hospitalBundleSchema, operationOutcomeSchema, transactionResponseSchema } from '@samplan/shared';
import { receiveHospitalBundle } from '../../fhir/receiveHospitalBundle.ts';
import type { RecordContext } from '../../record/context.ts';
import { fhirBody } from '../fhirBody.ts';
import { type AnyRoute, route } from '../route.ts';

export const FHIR_WRITE_SCOPE = 'fhir:write';

/**
 * FHIR in: the hospital's systems, not people (docs/fhir-in.md). Served at
 * /fhir/R4 by fhirInApi.ts, which checks the system client's key and answers
 * every refusal as an OperationOutcome; fhirBody.ts reads the FHIR body.
 */
export function fhirInRoutes(ctx: RecordContext): AnyRoute[] {
  return [
    route({
      method: 'post',
      mount: 'fhir',
      path: '/',
      summary:
        'A hospital system sends an admission or a discharge (FHIR R4 transaction Bundle: Patient, Encounter, RelatedPerson, Organization by SOR); the whole bundle is stored or nothing (docs/fhir-in.md; audited).',
      tag: 'fhir',
      access: 'system',
      scope: FHIR_WRITE_SCOPE,
      audit: { action: 'receive', resourceType: 'Bundle' },
      body: hospitalBundleSchema,
      bodyTypes: FHIR_IN_MEDIA_TYPES,
      before: fhirBody,
      response: transactionResponseSchema,
      contentType: 'application/fhir+json',
      refusals: {
        contentType: 'application/fhir+json',
        schema: operationOutcomeSchema,
        statuses: {
          '400': 'Not JSON, not a Bundle, or a resource the R4 definitions reject.',
          '401': 'No API key, or one Samplan does not know or has deactivated.',
          '403': `The system client lacks the scope "${FHIR_WRITE_SCOPE}".`,
          '409': 'A conflict with the record: the patient has another open admission, or the Encounter is held otherwise.',
          '413': 'The bundle is too large.',
          '415': 'Not application/fhir+json or application/json.',
          '422': 'Against what Samplan takes: a CPR number that is not valid, an organisation it does not know by SOR, a discharge whose admission never arrived, a cancelled Encounter.',
        },
      },
      // The transaction-response's entries are FHIR's (checked against the R4 definitions in the tests); the route checks the envelope.
      handler: async ({ caller, body }) => (await receiveHospitalBundle(ctx, caller, body)) as { resourceType: 'Bundle'; type: 'transaction-response' },
    }),
  ];
}
