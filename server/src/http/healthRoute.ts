import { Router } from 'express';
import type { MediaService } from '../media/mediaService.ts';

/** For load balancers and the browser tests: up, and how many media workers are alive. */
export function healthRoute(media: MediaService): Router {
  const router = Router();
  router.get('/health', (_req, res) => {
    res.json({ ok: true, workers: media.workerCount });
  });
  return router;
}
