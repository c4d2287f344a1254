import { participantRoleSchema, SamplanError, displayNameSchema } from '@samplan/shared';
import { jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';

/** Room ids appear in URLs; keep them short, lower-case and free of anything that needs escaping. */
export const roomIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be 1-64 lower-case letters, digits or dashes');

export const roomTokenClaimsSchema = z.object({
  roomId: roomIdSchema,
  role: participantRoleSchema,
  /** When the inviter named the guest, the name is theirs to keep: the join request cannot change it. */
  displayName: displayNameSchema.optional(),
  /** Set for record conferences (not demo rooms): which conference, and who, so signalling can tell people apart and audit them. */
  conferenceId: z.uuid().optional(),
  principal: z
    .discriminatedUnion('kind', [
      z.object({ kind: z.literal('staff'), staffId: z.uuid() }),
      z.object({ kind: z.literal('participant'), participantId: z.uuid() }),
    ])
    .optional(),
});
export type RoomTokenClaims = z.infer<typeof roomTokenClaimsSchema>;

// A distinct audience keeps room tokens from being accepted where later token kinds (accounts, invitations) are expected.
const AUDIENCE = 'samplan:room';
const ALGORITHM = 'HS256';

function keyOf(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

export async function signRoomToken(claims: RoomTokenClaims, secret: string, ttlSeconds: number): Promise<string> {
  const checked = roomTokenClaimsSchema.parse(claims);
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT(checked)
    .setProtectedHeader({ alg: ALGORITHM })
    .setAudience(AUDIENCE)
    .setIssuedAt(now)
    .setExpirationTime(now + ttlSeconds)
    .sign(keyOf(secret));
}

/** @throws SamplanError('UNAUTHORIZED') for a forged, expired or malformed token, without saying which. */
export async function verifyRoomToken(token: string, secret: string): Promise<RoomTokenClaims> {
  try {
    const { payload } = await jwtVerify(token, keyOf(secret), { algorithms: [ALGORITHM], audience: AUDIENCE, requiredClaims: ['exp'] });
    return roomTokenClaimsSchema.parse(payload);
  } catch {
    throw new SamplanError('UNAUTHORIZED', 'The room token is invalid or has expired.');
  }
}
