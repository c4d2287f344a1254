import { issuesFromZod, SamplanError } from '@samplan/shared';
import type { Request, RequestHandler, Response, Router } from 'express';
import { z } from 'zod';
import type { Principal, StaffPrincipal } from '../auth/principal.ts';
import type { SessionClaims } from '../auth/sessionToken.ts';
import type { AuditedAct } from '../record/audit.ts';
import type { Caller } from '../record/context.ts';

/**
 * One route = its schemas + a handler that calls one record procedure. The
 * same table mounts the routes and writes the OpenAPI document, so the
 * document cannot drift from what is served.
 */
export type Access =
  /** Anyone, signed in or not. */
  | 'public'
  /** Staff sessions only; a guest is refused (and audited). */
  | 'staff'
  /** Staff or a guest; the record procedure decides the rest. */
  | 'signed-in';

export interface SessionControl {
  set(token: string, claims: SessionClaims): void;
  clear(): Promise<void>;
}

export interface HandlerInput<P, Q, B, A extends Access> {
  params: P;
  query: Q;
  body: B;
  caller: A extends 'staff' ? Caller & { principal: StaffPrincipal } : A extends 'signed-in' ? Caller : Caller | null;
  session: SessionControl;
  req: Request;
}

const empty = z.object({});
type Empty = typeof empty;

export interface RouteSpec<P extends z.ZodType = Empty, Q extends z.ZodType = Empty, B extends z.ZodType = Empty, R extends z.ZodType = z.ZodType, A extends Access = Access> {
  method: 'get' | 'post' | 'put';
  /** Express pattern under /api, e.g. "/episodes/:episodeId". */
  path: string;
  summary: string;
  tag: string;
  access: A;
  /** What a refusal at the route (a guest on a staff route) is audited as. */
  audit?: { action: string; resourceType: string };
  params?: P;
  query?: Q;
  body?: B;
  /** The success answer; null for 204 No Content. */
  response: R | null;
  /** Sent as JSON unless named here; any other type's answer is the response schema's string (a CSV export). */
  contentType?: string;
  status?: 200 | 201 | 204;
  /** Extra middleware before the handler (rate limits). */
  before?: RequestHandler[];
  handler(input: HandlerInput<z.output<P>, z.output<Q>, z.output<B>, A>): Promise<R extends z.ZodType ? z.input<R> : void>;
}

/** Keeps each spec's types while the table holds them all. */
export function route<P extends z.ZodType = Empty, Q extends z.ZodType = Empty, B extends z.ZodType = Empty, R extends z.ZodType = z.ZodType, A extends Access = Access>(
  spec: RouteSpec<P, Q, B, R, A>,
): AnyRoute {
  return spec as unknown as AnyRoute;
}

export type AnyRoute = RouteSpec<z.ZodType, z.ZodType, z.ZodType, z.ZodType, Access>;

function parse<T extends z.ZodType>(schema: T | undefined, value: unknown, what: string): z.output<T> {
  const result = (schema ?? empty).safeParse(value ?? {});
  if (!result.success) throw new SamplanError('BAD_REQUEST', `Invalid ${what}.`, issuesFromZod(result.error));
  return result.data as z.output<T>;
}

export interface MountDeps {
  /** Records a refusal at the route (a guest on a staff route) in the audit trail. */
  auditRefusal(caller: Caller, act: AuditedAct): Promise<unknown>;
  /** Where the session middleware put the principal. */
  principalOf(res: Response): Principal | null;
  session(res: Response): SessionControl;
}

export function viaOf(spec: Pick<AnyRoute, 'method' | 'path'>): string {
  return `${spec.method.toUpperCase()} /api${spec.path}`;
}

export function mountRoutes(router: Router, routes: readonly AnyRoute[], deps: MountDeps): void {
  for (const spec of routes) {
    const via = viaOf(spec);
    const handle: RequestHandler = async (req, res) => {
      const principal = deps.principalOf(res);
      if (spec.access !== 'public' && principal === null) throw new SamplanError('UNAUTHORIZED', 'Sign in first.');
      const caller = principal === null ? null : { principal, via };
      if (spec.access === 'staff' && caller !== null && caller.principal.kind !== 'staff') {
        await deps.auditRefusal(caller, spec.audit ?? { action: spec.method === 'get' ? 'read' : 'update', resourceType: spec.tag });
        throw new SamplanError('FORBIDDEN', 'Only staff may do this.');
      }
      // Params before body: a malformed id is answered the same whatever the body.
      const params = parse(spec.params, req.params, 'path');
      const query = parse(spec.query, req.query, 'query');
      const body = parse(spec.body, req.body, 'request body');
      const result = await spec.handler({ params, query, body, caller, session: deps.session(res), req } as never);
      if (spec.response === null) {
        res.status(spec.status ?? 204).end();
        return;
      }
      // The answer is checked against its own schema: a handler can never send more than the contract says.
      const answer = spec.response.parse(result);
      if (spec.contentType === undefined) res.status(spec.status ?? 200).json(answer);
      else res.status(spec.status ?? 200).type(spec.contentType).send(String(answer));
    };
    router[spec.method](spec.path, ...(spec.before ?? []), handle);
  }
}
