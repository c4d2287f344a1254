import { z } from 'zod';
import { errorBodySchema } from '../errors.ts';
import { participantRoleSchema } from '../roles.ts';
import { displayNameSchema } from './room.ts';

/** Every HTTP error answer of the API. */
export const httpErrorResponseSchema = z.object({ error: errorBodySchema });

/** POST /api/demo/rooms/:roomId/token — a room token for anyone, only where demo rooms are enabled. */
export const demoTokenRequestSchema = z.object({
  displayName: displayNameSchema.optional(),
  role: participantRoleSchema.default('patient'),
});
export type DemoTokenRequest = z.input<typeof demoTokenRequestSchema>;

export const demoTokenResponseSchema = z.object({ token: z.string().min(1) });
