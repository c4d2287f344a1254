import { illFormedTextIssues } from '@samplan/shared';
import express, { type ErrorRequestHandler, type RequestHandler, type Response, Router } from 'express';
import { authenticateSystemClient, type SystemCaller } from '../auth/systemClient.ts';
import { InboundRefusal, operationOutcome } from '../fhir/operationOutcome.ts';
import { receiveHospitalBundle } from '../fhir/receiveHospitalBundle.ts';
import type { Logger } from '../logger.ts';
import type { RecordContext } from '../record/context.ts';
import { recordAudit } from '../store/auditLog.ts';

/**
 * FHIR R4 in, at /fhir/R4: hospital systems, not people. Outside /api and
 * its route table on purpose: the callers have API keys instead of sessions,
 * the bodies are FHIR (application/fhir+json, larger than the API's 32 KB),
 * and every answer that is not a Bundle is an OperationOutcome, as FHIR
 * clients expect. The route is described in /api/openapi.json all the same
 * (FHIR_IN_OPENAPI_PATHS).
 */
export const FHIR_IN_PATH = '/fhir/R4';
export const FHIR_WRITE_SCOPE = 'fhir:write';
const VIA = `POST ${FHIR_IN_PATH}`;
const FHIR_MEDIA_TYPES = ['application/fhir+json', 'application/json'];
/** A bundle for one stay: a patient, an encounter, a few relatives and organisations. */
const BODY_LIMIT = '512kb';

function sendOutcome(res: Response, refusal: InboundRefusal): void {
  res.status(refusal.status).type('application/fhir+json').json(operationOutcome(refusal.issues));
}

/** Every call is audited, also one without a key Samplan knows (actor: the system, its client's id when the key was one). */
function authenticate(ctx: RecordContext): RequestHandler {
  return async (req, res, next) => {
    const result = await authenticateSystemClient(ctx.db, req.headers.authorization, FHIR_WRITE_SCOPE, VIA);
    if (result.ok) {
      res.locals.systemCaller = result.caller;
      return next();
    }
    await recordAudit(ctx.db, {
      actor: result.systemClientId === null ? { kind: 'system' } : { kind: 'system', systemClientId: result.systemClientId },
      action: 'receive',
      resourceType: 'Bundle',
      via: VIA,
      outcome: 'denied',
    });
    if (result.status === 401) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="samplan-fhir"');
      return next(InboundRefusal.one(401, 'login', 'A system client API key is needed: Authorization: Bearer <key> (missing, unknown or deactivated).'));
    }
    next(InboundRefusal.one(403, 'forbidden', `This system client lacks the scope "${FHIR_WRITE_SCOPE}".`));
  };
}

const fhirBody: RequestHandler[] = [
  (req, _res, next) => {
    next(req.is(FHIR_MEDIA_TYPES) ? undefined : InboundRefusal.one(415, 'not-supported', 'Send the Bundle as application/fhir+json (or application/json).'));
  },
  express.json({ type: FHIR_MEDIA_TYPES, limit: BODY_LIMIT }),
  (req, _res, next) => {
    const issues = illFormedTextIssues(req.body);
    next(issues.length > 0 ? new InboundRefusal(400, issues.map((issue) => ({ code: 'structure', message: `Text that is not valid Unicode at ${issue.path}.` }))) : undefined);
  },
];

/** body-parser's failures, in FHIR's words. */
function fromBodyParser(error: unknown): InboundRefusal | undefined {
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

function outcomeErrors(logger: Logger): ErrorRequestHandler {
  return (error, _req, res, _next) => {
    const refusal = error instanceof InboundRefusal ? error : fromBodyParser(error);
    if (refusal !== undefined) return sendOutcome(res, refusal);
    logger.error({ err: error }, 'FHIR in failed');
    sendOutcome(res, InboundRefusal.one(500, 'exception', 'The server failed to handle the bundle; nothing was stored.'));
  };
}

export function fhirInApi(ctx: RecordContext, logger: Logger): Router {
  const router = Router();
  router.post('/', authenticate(ctx), ...fhirBody, async (req, res) => {
    const bundle = await receiveHospitalBundle(ctx, res.locals.systemCaller as SystemCaller, req.body);
    res.status(200).type('application/fhir+json').json(bundle);
  });
  router.use((_req, _res, next) => next(InboundRefusal.one(404, 'not-found', `Samplan takes only POST ${FHIR_IN_PATH} (a transaction Bundle) here.`)));
  router.use(outcomeErrors(logger));
  return router;
}
