import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { METHODS } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Express } from 'express';
import { pino } from 'pino';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import type { MediaService } from '../media/mediaService.ts';
import { createHttpApp } from './httpApp.ts';
import type { RecordApiDeps } from './routeTable.ts';

/**
 * Routes only through the table (http/route.ts, routes/*.ts), so that
 * /api/openapi.json is complete. Express's own router is walked, every mount,
 * and each route it serves must be an operation of the document, and each
 * operation a route it serves. The few that are not are named here with why.
 */
const OUTSIDE_THE_TABLE: Record<string, string> = {
  'GET /api/openapi.json': 'the document of the table itself',
  'GET /api/health/live': 'for load balancers and container engines, answered before sessions and without the record (healthRoutes.ts)',
  'GET /api/health/ready': 'for load balancers: its status (503) is the answer, naming the part that failed (healthRoutes.ts)',
  'GET /api/auth/oidc/start': 'a browser navigation, answered with a 303 to the identity provider or the sign-in page, never JSON (oidcRedirects.ts)',
  'GET /api/auth/oidc/callback': 'a browser navigation back from the identity provider, answered with a 303 to a page, never JSON (oidcRedirects.ts)',
  'ALL /metrics': 'a refusal: metrics are served on their own listener, not here (metricsServer.ts)',
  'GET /{*path}': "the browser client's pages: index.html for any other path (clientStatic.ts)",
};

interface Layer {
  rawPath?: unknown;
  route?: { path: string; methods: Record<string, boolean> };
  handle: { stack?: Layer[] };
}

/** "METHOD /full/path" of every route in a router's stack and the routers mounted in it. */
function servedRoutes(stack: readonly Layer[], prefix = ''): string[] {
  return stack.flatMap((layer) => {
    if (layer.route !== undefined) {
      const path = layer.route.path === '/' && prefix !== '' ? prefix : `${prefix}${layer.route.path}`;
      const methods = Object.keys(layer.route.methods).filter((method) => layer.route?.methods[method] === true);
      // app.all() names every method Node knows.
      if (methods.length === METHODS.length) return [`ALL ${path}`];
      return methods.map((method) => `${method.toUpperCase()} ${path}`);
    }
    if (layer.handle.stack === undefined) return [];
    const mount = typeof layer.rawPath === 'string' && layer.rawPath !== '/' ? layer.rawPath : '';
    return servedRoutes(layer.handle.stack, `${prefix}${mount}`);
  });
}

// Nothing is called here: the app is only built, walked and asked for its document.
const record = {
  db: {},
  now: () => new Date(),
  secret: 'a-test-secret-that-is-long-enough-0123456789',
  secureCookies: false,
  authRateLimit: 10,
  authRateWindowMs: 60_000,
  authAccountRateLimit: 5,
  logger: pino({ level: 'silent' }),
  publicUrl: undefined,
} as unknown as Omit<RecordApiDeps, 'demoRoutes'>;

const clientDist = mkdtempSync(join(tmpdir(), 'samplan-client-'));
writeFileSync(join(clientDist, 'index.html'), '<!doctype html><title>Samplan</title>');
afterAll(() => rmSync(clientDist, { recursive: true, force: true }));

function app(): Express {
  return createHttpApp({
    config: { secret: record.secret, demoRooms: true, clientDist, publicUrl: undefined, trustProxy: [], hsts: false },
    media: {} as MediaService,
    logger: record.logger,
    record,
  });
}

describe('the route table', () => {
  it('is every route Express serves, on every mount, but those named with why', async () => {
    const served = app();
    const document = (await request(served).get('/api/openapi.json').expect(200)).body as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path.replace(/\{([A-Za-z]+)\}/g, ':$1')}`),
    );
    const routes = servedRoutes((served as unknown as { router: { stack: Layer[] } }).router.stack);
    expect(routes.filter((route) => !(route in OUTSIDE_THE_TABLE)).sort()).toEqual(documented.sort());
    // The exemptions are real routes: a route named here and gone would hide a new one of the same name.
    expect(Object.keys(OUTSIDE_THE_TABLE).filter((route) => !routes.includes(route))).toEqual([]);
    expect(documented).toContain('POST /fhir/R4');
    expect(documented).toContain('POST /api/demo/rooms/:roomId/token');
  });
});
