import { z } from 'zod';

/**
 * GET /api/episodes/:episodeId/fhir answers a FHIR R4 Bundle. Its resources
 * are FHIR's to define (and the server validates them against the R4
 * definitions in its tests); this schema holds the envelope and lets the
 * resources through whole.
 */
export const fhirResourceSchema = z.looseObject({ resourceType: z.string().regex(/^[A-Z][A-Za-z]+$/), id: z.string().optional() });

export const fhirBundleSchema = z.looseObject({
  resourceType: z.literal('Bundle'),
  type: z.literal('collection'),
  timestamp: z.iso.datetime(),
  entry: z.array(z.looseObject({ fullUrl: z.string().startsWith('urn:uuid:'), resource: fhirResourceSchema })),
});
