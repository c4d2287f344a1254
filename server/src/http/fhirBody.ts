import { FHIR_IN_MEDIA_TYPES, illFormedTextIssues } from '@samplan/shared';
import express, { type RequestHandler } from 'express';
import { InboundRefusal } from '../fhir/operationOutcome.ts';

/** A bundle for one stay: a patient, an encounter, a few relatives and organisations. */
const BODY_LIMIT = '512kb';
const MEDIA_TYPES = [...FHIR_IN_MEDIA_TYPES];

/** FHIR in's body: its media types only, up to BODY_LIMIT, text that is valid Unicode; refusals in FHIR's words. */
export const fhirBody: RequestHandler[] = [
  (req, _res, next) => {
    next(req.is(MEDIA_TYPES) ? undefined : InboundRefusal.one(415, 'not-supported', 'Send the Bundle as application/fhir+json (or application/json).'));
  },
  express.json({ type: MEDIA_TYPES, limit: BODY_LIMIT }),
  (req, _res, next) => {
    const issues = illFormedTextIssues(req.body);
    next(issues.length > 0 ? new InboundRefusal(400, issues.map((issue) => ({ code: 'structure', message: `Text that is not valid Unicode at ${issue.path}.` }))) : undefined);
  },
];

/** body-parser's failures, in FHIR's words. */
export function fromBodyParser(error: unknown): InboundRefusal | undefined {
  if (typeof error !== 'object' || error === null || !('type' in error)) return undefined;
  switch (error.type) {
    case 'entity.too.large':
      return InboundRefusal.one(413, 'too-costly', `The bundle is larger than ${BODY_LIMIT}.`);
    case 'entity.parse.failed':
      return InboundRefusal.one(400, 'structure', 'The body is not valid JSON.');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return InboundRefusal.one(415, 'not-supported', 'The body encoding is not supported; send UTF-8.');
    default:
      return undefined;
  }
}
