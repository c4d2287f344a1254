import { displayNameSchema, participantRoleSchema, issuesFromZod, SamplanError } from '@samplan/shared';
import { Router } from 'express';
import { z } from 'zod';
import { roomIdSchema, signRoomToken } from '../auth/roomToken.ts';

const DEMO_TOKEN_TTL_SECONDS = 4 * 60 * 60;

const demoTokenBodySchema = z.object({
  displayName: displayNameSchema.optional(),
  role: participantRoleSchema.default('patient'),
});

function parse<T extends z.ZodType>(schema: T, value: unknown, what: string): z.output<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw new SamplanError('BAD_REQUEST', `Invalid ${what}.`, issuesFromZod(result.error));
  return result.data;
}

/**
 * Anyone may enter any demo room: a token for the asking. Only mounted when
 * demo rooms are enabled (never by default in production); real rooms get
 * their tokens from invitations.
 */
export function demoTokenRoute(secret: string): Router {
  const router = Router();
  router.post('/demo/rooms/:roomId/token', async (req, res) => {
    const roomId = parse(roomIdSchema, req.params.roomId, 'room id');
    const body = parse(demoTokenBodySchema, req.body ?? {}, 'request body');
    const token = await signRoomToken({ roomId, role: body.role, displayName: body.displayName }, secret, DEMO_TOKEN_TTL_SECONDS);
    res.json({ token });
  });
  return router;
}
