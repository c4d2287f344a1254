import { FHIR_IN_PATH, FHIR_WRITE_SCOPE } from './fhirInApi.ts';

/**
 * FHIR in is not in the route table (fhirInApi.ts says why), so its entry in
 * /api/openapi.json is written here by hand. Its bodies are FHIR's to define:
 * the schemas name the resource types and point to the R4 specification and
 * docs/fhir-in.md rather than repeat them.
 */
const fhirResource = (resourceType: string, description: string) => ({
  type: 'object',
  description,
  required: ['resourceType'],
  properties: { resourceType: { const: resourceType } },
  externalDocs: { url: `https://hl7.org/fhir/R4/${resourceType.toLowerCase()}.html` },
});

const outcome = (description: string) => ({ description, content: { 'application/fhir+json': { schema: fhirResource('OperationOutcome', 'Why, with FHIRPath expressions saying where.') } } });

export const fhirInOpenApi = {
  paths: {
    [FHIR_IN_PATH]: {
      post: {
        summary: 'A hospital system sends an admission or a discharge (FHIR R4 transaction Bundle: Patient, Encounter, RelatedPerson, Organization by SOR); the whole bundle is stored or nothing (docs/fhir-in.md; audited).',
        tags: ['fhir'],
        operationId: 'postFhirR4',
        security: [{ systemClient: [FHIR_WRITE_SCOPE] }],
        parameters: [],
        requestBody: {
          required: true,
          content: Object.fromEntries(['application/fhir+json', 'application/json'].map((type) => [type, { schema: fhirResource('Bundle', 'type "transaction".') }])),
        },
        responses: {
          '200': { description: 'Stored (or already stored: the same ids again).', content: { 'application/fhir+json': { schema: fhirResource('Bundle', 'type "transaction-response": one entry per entry sent, in order, with status and location.') } } },
          '400': outcome('Not JSON, not a Bundle, or a resource the R4 definitions reject.'),
          '401': outcome('No API key, or one Samplan does not know or has deactivated.'),
          '403': outcome(`The system client lacks the scope "${FHIR_WRITE_SCOPE}".`),
          '409': outcome('A conflict with the record: the patient has another open admission, or the Encounter is held otherwise.'),
          '413': outcome('The bundle is too large.'),
          '415': outcome('Not application/fhir+json or application/json.'),
          '422': outcome("Against what Samplan takes: a CPR number that is not valid, an organisation it does not know by SOR, a discharge whose admission never arrived, a cancelled Encounter."),
        },
      },
    },
  },
  securitySchemes: { systemClient: { type: 'http', scheme: 'bearer', description: "A system client's API key (spk_…), made by an administrator." } },
};
