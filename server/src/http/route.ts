import { issuesFromZod, SamplanError } from '@samplan/shared';
import type { Request, RequestHandler, Response, Router } from 'express';
import { z } from 'zod';
import type { Principal, StaffPrincipal } from '../auth/principal.ts';
import type { SessionClaims } from '../auth/sessionToken.ts';
import type { SystemCaller } from '../auth/systemClient.ts';
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
  | 'signed-in'
  /** A hospital system: `Authorization: Bearer <API key>` of a system client with the route's `scope`; no session. */
  | 'system';

/**
 * Where a route is served. `api`: the JSON API of people's sessions.
 * `fhir`: FHIR in for the hospital's systems, with its own body types and
 * limit and OperationOutcome answers (fhirInApi.ts).
 */
export const MOUNTS = { api: '/api', fhir: '/fhir/R4' } as const;
export type Mount = keyof typeof MOUNTS;

/** How a mount other than the API words its refusals, for the OpenAPI document: the body's type and schema, and each status. */
export interface Refusals {
  contentType: string;
  schema: z.ZodType;
  statuses: Record<string, string>;
}

export interface SessionControl {
  set(token: string, claims: SessionClaims): void;
  clear(): Promise<void>;
}

export interface HandlerInput<P, Q, B, A extends Access> {
  params: P;
  query: Q;
  body: B;
  caller: A extends 'staff' ? Caller & { principal: StaffPrincipal } : A extends 'signed-in' ? Caller : A extends 'system' ? SystemCaller : Caller | null;
  session: SessionControl;
  req: Request;
}

const empty = z.object({});
type Empty = typeof empty;

export interface RouteSpec<P extends z.ZodType = Empty, Q extends z.ZodType = Empty, B extends z.ZodType = Empty, R extends z.ZodType = z.ZodType, A extends Access = Access> {
  method: 'get' | 'post' | 'put';
  /** Where it is served; the API unless named. */
  mount?: Mount;
  /** Express pattern under the mount, e.g. "/episodes/:episodeId"; "/" for the mount itself. */
  path: string;
  summary: string;
  tag: string;
  access: A;
  /** The scope a system client needs ('system' access only). */
  scope?: string;
  /** What a refusal at the route (a guest on a staff route, a system client without a working key) is audited as. */
  audit?: { action: string; resourceType: string };
  params?: P;
  query?: Q;
  body?: B;
  /** The body's media types when not JSON (FHIR's); the route's `before` parses them. */
  bodyTypes?: readonly string[];
  /** The success answer; null for 204 No Content. */
  response: R | null;
  /** Sent as JSON unless named here; a JSON type (…+json) is sent as JSON under its name, any other type's answer is the response schema's string (a CSV export). */
  contentType?: string;
  /** Refusals worded otherwise than the API's errors (FHIR's OperationOutcome). */
  refusals?: Refusals;
  status?: 200 | 201 | 204;
  /** Extra middleware before the handler (rate limits, FHIR's body parser), after a system client's key is checked. */
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
  /** Checks a system client's key for 'system' routes, before their body is read; the mount words and audits its refusals. */
  systemClients?: SystemClientGate;
}

export interface SystemClientGate {
  authenticate(route: { scope: string; via: string; audit: { action: string; resourceType: string } }): RequestHandler;
  callerOf(res: Response): SystemCaller;
}

/** The route's full pattern, e.g. "/api/episodes/:episodeId" or "/fhir/R4". */
export function fullPathOf(spec: Pick<AnyRoute, 'mount' | 'path'>): string {
  const mount = MOUNTS[spec.mount ?? 'api'];
  return spec.path === '/' ? mount : `${mount}${spec.path}`;
}

export function viaOf(spec: Pick<AnyRoute, 'method' | 'mount' | 'path'>): string {
  return `${spec.method.toUpperCase()} ${fullPathOf(spec)}`;
}

const isJsonType = (type: string) => type === 'application/json' || type.endsWith('+json');

/** Mounts the routes of one mount on its router (the caller puts the router at MOUNTS[mount]). */
export function mountRoutes(router: Router, routes: readonly AnyRoute[], deps: MountDeps): void {
  for (const spec of routes) {
    const via = viaOf(spec);
    const gate = spec.access === 'system' ? systemGate(spec, deps) : undefined;
    const authenticate = gate === undefined ? [] : [gate.authenticate({ scope: gate.scope, via, audit: spec.audit ?? { action: spec.method === 'get' ? 'read' : 'update', resourceType: spec.tag } })];
    const handle: RequestHandler = async (req, res) => {
      const principal = gate === undefined ? deps.principalOf(res) : null;
      if (spec.access !== 'public' && spec.access !== 'system' && principal === null) throw new SamplanError('UNAUTHORIZED', 'Sign in first.');
      const caller = gate !== undefined ? gate.callerOf(res) : principal === null ? null : { principal, via };
      if (spec.access === 'staff' && caller !== null && 'principal' in caller && caller.principal.kind !== 'staff') {
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
      else if (isJsonType(spec.contentType)) res.status(spec.status ?? 200).type(spec.contentType).json(answer);
      else res.status(spec.status ?? 200).type(spec.contentType).send(String(answer));
    };
    router[spec.method](spec.path, ...authenticate, ...(spec.before ?? []), handle);
  }
}

function systemGate(spec: AnyRoute, deps: MountDeps): SystemClientGate & { scope: string } {
  if (spec.scope === undefined || deps.systemClients === undefined) throw new Error(`${viaOf(spec)}: a system route needs a scope and a mount that checks system clients.`);
  return { ...deps.systemClients, scope: spec.scope };
}
