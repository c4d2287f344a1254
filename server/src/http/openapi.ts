import { httpErrorResponseSchema } from '@samplan/shared';
import { z } from 'zod';
import type { AnyRoute } from './route.ts';
import { sessionCookieName } from '../auth/sessionCookie.ts';

type JsonSchema = Record<string, unknown>;

const schemaOf = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
  // OpenAPI 3.1 uses JSON Schema 2020-12 as is; the $schema key is left to the document.
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, target: 'draft-2020-12', unrepresentable: 'any' }) as JsonSchema;
  return rest;
};

function parametersOf(schema: z.ZodType | undefined, where: 'path' | 'query') {
  if (schema === undefined) return [];
  const json = schemaOf(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    schema: property,
  }));
}

/** The errors every route may answer, beyond its own success. */
const ERROR_STATUSES: Record<string, string> = {
  '400': 'BAD_REQUEST: the request does not match its schema (issues say where).',
  '401': 'UNAUTHORIZED: no valid session, or a join link that does not work.',
  '403': 'FORBIDDEN: known to the episode, but not allowed this (audited); CROSS_ORIGIN: a POST or PUT from a page of another site; PASSWORD_SIGN_IN_OFF: the organisation signs its staff in through its identity provider only.',
  '404': 'NOT_FOUND: no such record, or none the session may know of (audited).',
  '409': 'CONFLICT: the record changed or is in a state that does not allow this; NO_FREE_BED, RESERVATION_NOT_ACTIVE, BEDS_IN_USE: the acute beds say no.',
  '422': 'REFUSED: a pathway rule says no; `refusal` says which and where to turn.',
  '429': 'RATE_LIMITED: too many attempts.',
};

/** Paths served outside the route table, described by hand (FHIR in). */
export interface ExtraOpenApi {
  readonly paths: Record<string, Record<string, unknown>>;
  readonly securitySchemes: Record<string, unknown>;
}

/** GET /api/openapi.json — generated from the same table and zod schemas the routes use. */
export function openApiDocument(routes: readonly AnyRoute[], secureCookies: boolean, extra: ExtraOpenApi = { paths: {}, securitySchemes: {} }) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of routes) {
    const path = `/api${spec.path.replace(/:([A-Za-z]+)/g, '{$1}')}`;
    const status = String(spec.status ?? (spec.response === null ? 204 : 200));
    const errors = Object.fromEntries(
      Object.entries(ERROR_STATUSES).map(([code, description]) => [code, { description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } }]),
    );
    paths[path] ??= {};
    paths[path][spec.method] = {
      summary: spec.summary,
      tags: [spec.tag],
      operationId: `${spec.method}${spec.path.replace(/\/:?([A-Za-z-]+)/g, (_m, part: string) => part.charAt(0).toUpperCase() + part.slice(1).replace(/-([a-z])/g, (_d, c: string) => c.toUpperCase()))}`,
      security: spec.access === 'public' ? [] : [{ session: [] }],
      parameters: [...parametersOf(spec.params, 'path'), ...parametersOf(spec.query, 'query')],
      ...(spec.body === undefined ? {} : { requestBody: { required: true, content: { 'application/json': { schema: schemaOf(spec.body, 'input') } } } }),
      responses: {
        [status]: spec.response === null ? { description: 'Done.' } : { description: 'OK', content: { [spec.contentType ?? 'application/json']: { schema: schemaOf(spec.response, 'output') } } },
        ...errors,
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Samplan API', version: '1', description: 'The clinical record of Samplan: episodes, conferences, advice, consent and audit.' },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    paths: { ...paths, ...extra.paths },
    components: {
      schemas: { Error: schemaOf(httpErrorResponseSchema, 'output') },
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: sessionCookieName(secureCookies) }, ...extra.securitySchemes },
    },
  };
}
