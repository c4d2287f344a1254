import { displayNameSchema, participantRoleSchema, SamplanError } from '@samplan/shared';
import { jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';

/** Demo room names appear in URLs; keep them short, lower-case and free of anything that needs escaping. */
export const roomIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be 1-64 lower-case letters, digits or dashes');

/**
 * An open demo room: anyone may ask for one (where demo rooms are enabled),
 * so nothing in it is trusted, and it can never name a conference's room.
 */
const demoRoomClaimsSchema = z.object({
  kind: z.literal('demo'),
  roomId: roomIdSchema,
  role: participantRoleSchema,
  displayName: displayNameSchema.optional(),
});

/**
 * A record conference's call, issued only by POST /api/conferences/:id/room-token
 * after the access check. Role and name come from the record; who it is
 * (participantId) lets the join check their standing again at every join.
 */
const conferenceRoomClaimsSchema = z.object({
  kind: z.literal('conference'),
  conferenceId: z.uuid(),
  participantId: z.uuid(),
  role: participantRoleSchema,
  displayName: displayNameSchema.optional(),
  principal: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('staff'), staffId: z.uuid() }),
    z.object({ kind: z.literal('participant'), participantId: z.uuid() }),
  ]),
});

export const roomTokenClaimsSchema = z.discriminatedUnion('kind', [demoRoomClaimsSchema, conferenceRoomClaimsSchema]);
export type RoomTokenClaims = z.infer<typeof roomTokenClaimsSchema>;
export type ConferenceRoomClaims = z.infer<typeof conferenceRoomClaimsSchema>;

/** The SFU room of a conference: derived from its id, so it is the same on every node. */
export function conferenceMediaRoomId(conferenceId: string): string {
  return `conference:${conferenceId}`;
}

export function demoMediaRoomId(roomId: string): string {
  return `demo:${roomId}`;
}

/**
 * The SFU room a token opens. Each kind has its own namespace, so no demo
 * room name, whatever it is, can be the room of a conference.
 */
export function mediaRoomIdOf(claims: RoomTokenClaims): string {
  return claims.kind === 'demo' ? demoMediaRoomId(claims.roomId) : conferenceMediaRoomId(claims.conferenceId);
}

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
