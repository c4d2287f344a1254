import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SamplanError } from '@samplan/shared';
import compression from 'compression';
import express, { type Router } from 'express';

/** Vite puts every built file whose name carries its content hash here; such a file never changes. */
const HASHED_ASSETS = '/assets/';
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** The page itself names the current hashed files, so the browser must ask again every time. */
const REVALIDATE = 'no-cache';

/**
 * Serves the built browser client. Client-side routes (/room/demo, …) have
 * no file, so any other non-API GET falls back to index.html. Returns
 * undefined when the client has not been built, so the API still runs alone.
 *
 * Compressed on the fly (gzip or brotli, whichever the browser prefers):
 * hashed assets are cached for a year, so each browser fetches each file
 * once, and the cost stays out of the build and the API.
 */
export function clientStatic(clientDist: string): Router | undefined {
  const index = join(clientDist, 'index.html');
  if (!existsSync(index)) return undefined;
  const hashedFiles = join(clientDist, HASHED_ASSETS);
  const router = express.Router();
  router.use(compression());
  router.use(
    express.static(clientDist, {
      index: false,
      cacheControl: false,
      setHeaders: (res, file) => res.setHeader('Cache-Control', file.startsWith(hashedFiles) ? IMMUTABLE : REVALIDATE),
    }),
  );
  // A chunk an old page asks for after a new build: a 404, not index.html passed off as JavaScript.
  router.use(HASHED_ASSETS, (_req, _res, next) => next(new SamplanError('NOT_FOUND', 'No such file.')));
  router.get('/{*path}', (req, res, next) => {
    if (req.path === '/api' || req.path.startsWith('/api/') || req.path.startsWith('/socket.io/')) return next();
    res.sendFile(index, { cacheControl: false, headers: { 'Cache-Control': REVALIDATE } });
  });
  return router;
}
