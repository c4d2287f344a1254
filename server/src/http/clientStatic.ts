import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Router } from 'express';

/**
 * Serves the built browser client. Client-side routes (/room/demo, …) have
 * no file, so any other non-API GET falls back to index.html. Returns
 * undefined when the client has not been built, so the API still runs alone.
 */
export function clientStatic(clientDist: string): Router | undefined {
  const index = join(clientDist, 'index.html');
  if (!existsSync(index)) return undefined;
  const router = express.Router();
  router.use(express.static(clientDist, { index: false, maxAge: '1h' }));
  router.get('/{*path}', (req, res, next) => {
    if (req.path === '/api' || req.path.startsWith('/api/') || req.path.startsWith('/socket.io/')) return next();
    res.sendFile(index, { maxAge: 0 });
  });
  return router;
}
