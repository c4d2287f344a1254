import { demoTokenRequestSchema, issuesFromZod, SamplanError } from '@samplan/shared';
import { Router } from 'express';
import type { z } from 'zod';
import { roomIdSchema, signRoomToken } from '../auth/roomToken.ts';

const DEMO_TOKEN_TTL_SECONDS = 4 * 60 * 60;

function parse<T extends z.ZodType>(schema: T, value: unknown, what: string): z.output<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw new SamplanError('BAD_REQUEST', `Invalid ${what}.`, issuesFromZod(result.error));
  return result.data;
}

/**
 * Anyone may enter any demo room: a token for the asking. Only mounted when
 * demo rooms are enabled (never by default in production). The token is of
 * the demo kind, which opens only rooms in the demo namespace: a conference's
 * call is reached only with a token from its own access-checked route.
 */
export function demoTokenRoute(secret: string): Router {
  const router = Router();
  router.post('/demo/rooms/:roomId/token', async (req, res) => {
    const roomId = parse(roomIdSchema, req.params.roomId, 'room id');
    const body = parse(demoTokenRequestSchema, req.body ?? {}, 'request body');
    const token = await signRoomToken({ kind: 'demo', roomId, role: body.role, displayName: body.displayName }, secret, DEMO_TOKEN_TTL_SECONDS);
    res.json({ token });
  });
  return router;
}
