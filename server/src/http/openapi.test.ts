import { describe, expect, it } from 'vitest';
import type { RecordContext } from '../record/context.ts';
import { openApiDocument } from './openapi.ts';
import { acuteRoutes } from './routes/acuteRoutes.ts';
import { adviceRoutes } from './routes/adviceRoutes.ts';
import { authRoutes } from './routes/authRoutes.ts';
import { conferenceRoutes } from './routes/conferenceRoutes.ts';
import { consentRoutes } from './routes/consentRoutes.ts';
import { episodeRoutes } from './routes/episodeRoutes.ts';
import { fhirInRoutes } from './routes/fhirInRoutes.ts';
import { intakeRoutes } from './routes/intakeRoutes.ts';
import { visitRoutes } from './routes/visitRoutes.ts';

// Handlers are never called here: the document only reads the table.
const ctx = {} as RecordContext;
const routes = [
  ...authRoutes({} as Parameters<typeof authRoutes>[0]),
  ...episodeRoutes(ctx),
  ...intakeRoutes(ctx),
  ...conferenceRoutes({ ...ctx, secret: 'unused', outbox: {} as Parameters<typeof conferenceRoutes>[0]['outbox'] }),
  ...adviceRoutes({ ...ctx, secret: 'unused', outbox: {} as Parameters<typeof adviceRoutes>[0]['outbox'] }),
  ...acuteRoutes(ctx),
  ...consentRoutes(ctx),
  ...visitRoutes(ctx),
  ...fhirInRoutes(ctx),
];

type Operation = {
  operationId: string;
  tags: string[];
  parameters: Array<{ name: string; in: string }>;
  requestBody?: { content: Record<string, { schema: Record<string, unknown> }> };
  responses: Record<string, { content?: Record<string, { schema: Record<string, unknown> }> }>;
  security: unknown[];
};

describe('the OpenAPI document', () => {
  const document = openApiDocument(routes, true);
  const operations = Object.entries(document.paths).flatMap(([path, methods]) => Object.entries(methods as Record<string, Operation>).map(([method, operation]) => ({ path, method, operation })));

  it('is OpenAPI 3.1 with one operation per route and unique operation ids', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(operations).toHaveLength(routes.length);
    expect(new Set(operations.map(({ operation }) => operation.operationId)).size).toBe(routes.length);
  });

  it('declares every path parameter, and only those', () => {
    for (const { path, operation } of operations) {
      const inPath = [...path.matchAll(/\{([A-Za-z]+)\}/g)].map((match) => match[1]).sort();
      expect(operation.parameters.filter((parameter) => parameter.in === 'path').map((parameter) => parameter.name).sort(), path).toEqual(inPath);
    }
  });

  it('describes request bodies as JSON Schema 2020-12 objects, and names the session cookie for signed-in routes', () => {
    const login = operations.find(({ path }) => path === '/api/auth/login')!.operation;
    expect(login.requestBody?.content['application/json']?.schema).toMatchObject({ type: 'object', required: ['login', 'password'] });
    expect(login.security).toEqual([]);
    expect(operations.find(({ path }) => path === '/api/episodes')!.operation.security).toEqual([{ session: [] }]);
    expect(document.components.securitySchemes.session).toEqual({ type: 'apiKey', in: 'cookie', name: '__Host-samplan_session' });
    expect(JSON.stringify(document)).not.toContain('"$schema"');
  });

  it('describes FHIR in at /fhir/R4 from its table entry: a system client key with the scope, FHIR bodies, OperationOutcome refusals', () => {
    const fhirIn = operations.find(({ path }) => path === '/fhir/R4');
    expect(fhirIn?.method).toBe('post');
    const operation = fhirIn!.operation;
    expect(operation).toMatchObject({ operationId: 'postFhirR4', tags: ['fhir'], security: [{ systemClient: ['fhir:write'] }] });
    expect(Object.keys(operation.requestBody?.content ?? {})).toEqual(['application/fhir+json', 'application/json']);
    expect(operation.requestBody?.content['application/fhir+json']?.schema).toMatchObject({ externalDocs: { url: 'https://hl7.org/fhir/R4/bundle.html' } });
    expect(operation.responses['200']?.content?.['application/fhir+json']?.schema).toMatchObject({ properties: { resourceType: { const: 'Bundle' }, type: { const: 'transaction-response' } } });
    expect(Object.keys(operation.responses).sort()).toEqual(['200', '400', '401', '403', '409', '413', '415', '422']);
    for (const status of ['400', '401', '422']) {
      expect(operation.responses[status]?.content?.['application/fhir+json']?.schema).toMatchObject({ properties: { resourceType: { const: 'OperationOutcome' } } });
    }
    expect(document.components.securitySchemes).toMatchObject({ systemClient: { type: 'http', scheme: 'bearer' } });
  });

  it('documents the refusal a rule gives', () => {
    expect(JSON.stringify(document.components.schemas.Error)).toContain('ADVICE_WINDOW_CLOSED');
  });
});
