import { z } from 'zod';

/**
 * POST /fhir/R4 (FHIR in): a hospital system's transaction Bundle, and what
 * Samplan answers. The resources are FHIR's to define: the body is judged by
 * the R4 definitions and docs/fhir-in.md on the server (fhir/readHospitalBundle.ts),
 * so these schemas name the resource types and point to the specification
 * rather than repeat it.
 */
const r4 = (resourceType: string) => ({ externalDocs: { url: `https://hl7.org/fhir/R4/${resourceType.toLowerCase()}.html` } });

/** Any JSON passes here: a body that is no Bundle is refused in FHIR's words (400, OperationOutcome) by the reader. */
export const hospitalBundleSchema = z.unknown().meta({
  title: 'Bundle',
  description: 'A FHIR R4 Bundle of type "transaction": Patient, Encounter, RelatedPerson, Organization by SOR (docs/fhir-in.md).',
  ...r4('Bundle'),
});

export const transactionResponseSchema = z
  .looseObject({ resourceType: z.literal('Bundle'), type: z.literal('transaction-response') })
  .meta({ description: 'One entry per entry sent, in order, with status and location.', ...r4('Bundle') });

export const operationOutcomeSchema = z
  .looseObject({ resourceType: z.literal('OperationOutcome') })
  .meta({ description: 'Why, with FHIRPath expressions saying where.', ...r4('OperationOutcome') });

/** What FHIR in takes as a body; anything else is refused with 415. */
export const FHIR_IN_MEDIA_TYPES = ['application/fhir+json', 'application/json'] as const;
