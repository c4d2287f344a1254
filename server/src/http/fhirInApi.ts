import { type ErrorRequestHandler, type Response, Router } from 'express';
import { authenticateSystemClient, type SystemCaller } from '../auth/systemClient.ts';
import { InboundRefusal, operationOutcome } from '../fhir/operationOutcome.ts';
import type { Logger } from '../logger.ts';
import type { RecordContext } from '../record/context.ts';
import { recordAudit } from '../store/auditLog.ts';
import { fromBodyParser } from './fhirBody.ts';
import { type AnyRoute, MOUNTS, mountRoutes, type SystemClientGate } from './route.ts';

function sendOutcome(res: Response, refusal: InboundRefusal): void {
  res.status(refusal.status).type('application/fhir+json').json(operationOutcome(refusal.issues));
}

/** Every refused call is audited, also one without a key Samplan knows (actor: the system, its client's id when the key was one). */
function systemClients(ctx: RecordContext): SystemClientGate {
  return {
    authenticate: ({ scope, via, audit }) => async (req, res, next) => {
      const result = await authenticateSystemClient(ctx.db, req.headers.authorization, scope, via);
      if (result.ok) {
        res.locals.systemCaller = result.caller;
        return next();
      }
      await recordAudit(ctx.db, {
        actor: result.systemClientId === null ? { kind: 'system' } : { kind: 'system', systemClientId: result.systemClientId },
        ...audit,
        via,
        outcome: 'denied',
      });
      if (result.status === 401) {
        res.setHeader('WWW-Authenticate', 'Bearer realm="samplan-fhir"');
        return next(InboundRefusal.one(401, 'login', 'A system client API key is needed: Authorization: Bearer <key> (missing, unknown or deactivated).'));
      }
      next(InboundRefusal.one(403, 'forbidden', `This system client lacks the scope "${scope}".`));
    },
    callerOf: (res: Response) => res.locals.systemCaller as SystemCaller,
  };
}

function outcomeErrors(logger: Logger): ErrorRequestHandler {
  return (error, _req, res, _next) => {
    const refusal = error instanceof InboundRefusal ? error : fromBodyParser(error);
    if (refusal !== undefined) return sendOutcome(res, refusal);
    logger.error({ err: error }, 'FHIR in failed');
    sendOutcome(res, InboundRefusal.one(500, 'exception', 'The server failed to handle the bundle; nothing was stored.'));
  };
}

/**
 * The FHIR in mount (/fhir/R4, MOUNTS.fhir): hospital systems, not people.
 * Its route is in the table (routes/fhirInRoutes.ts) and so in
 * /api/openapi.json; what differs from /api is here: the callers have API
 * keys instead of sessions, the bodies are FHIR (application/fhir+json,
 * larger than the API's 32 KB), and every answer that is not a Bundle is an
 * OperationOutcome, as FHIR clients expect. The caller puts the router at
 * MOUNTS.fhir; it mounts the table's routes of mount 'fhir'.
 */
export function fhirInApi(ctx: RecordContext, logger: Logger, routes: readonly AnyRoute[]): Router {
  const router = Router();
  // No sessions here: a system route's caller is its key's system client.
  mountRoutes(router, routes.filter((spec) => spec.mount === 'fhir'), {
    auditRefusal: async () => undefined,
    principalOf: () => null,
    session: () => ({ set() {}, clear: async () => {} }),
    systemClients: systemClients(ctx),
  });
  router.use((_req, _res, next) => next(InboundRefusal.one(404, 'not-found', `Samplan takes only POST ${MOUNTS.fhir} (a transaction Bundle) here.`)));
  router.use(outcomeErrors(logger));
  return router;
}
