import { demoTokenRequestSchema, demoTokenResponseSchema } from '@samplan/shared';
import { z } from 'zod';
import { roomIdSchema, signRoomToken } from '../../auth/roomToken.ts';
import { type AnyRoute, route } from '../route.ts';

const DEMO_TOKEN_TTL_SECONDS = 4 * 60 * 60;

const demoRoomParamsSchema = z.object({ roomId: roomIdSchema });

/**
 * The open demo rooms (/room/<name>): only in the table when demo rooms are
 * enabled, never by default in production. The token is of the demo kind,
 * which opens only rooms in the demo namespace: a conference's call is
 * reached only with a token from its own access-checked route.
 */
export function demoRoomRoutes(secret: string): AnyRoute[] {
  return [
    route({
      method: 'post',
      path: '/demo/rooms/:roomId/token',
      summary: 'A token for an open demo room, for anyone: the name and role are the caller’s own and reach no conference.',
      tag: 'demo',
      access: 'public',
      params: demoRoomParamsSchema,
      body: demoTokenRequestSchema,
      response: demoTokenResponseSchema,
      handler: async ({ params, body }) => ({
        token: await signRoomToken({ kind: 'demo', roomId: params.roomId, role: body.role, displayName: body.displayName }, secret, DEMO_TOKEN_TTL_SECONDS),
      }),
    }),
  ];
}
