import { SamplanError } from '@samplan/shared';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { conferenceMediaRoomId, mediaRoomIdOf, roomIdSchema, signRoomToken, verifyRoomToken } from './roomToken.ts';

const SECRET = 'a-test-secret-that-is-long-enough-0123456789';
const CONFERENCE = '0b6f3b7e-2a51-4a6e-9f55-6f0f2f3c1d10';
const PARTICIPANT = '6a1c9d0e-8b7f-4c3d-a2e1-0f9e8d7c6b5a';
const STAFF = 'f3e2d1c0-b9a8-4765-8432-10fedcba9876';

async function refusal(token: string, secret = SECRET): Promise<unknown> {
  return verifyRoomToken(token, secret).then(
    () => 'accepted',
    (error: unknown) => error,
  );
}

describe('room tokens', () => {
  it('round-trips the claims', async () => {
    const token = await signRoomToken({ kind: 'demo', roomId: 'ward-7', role: 'gp', displayName: 'Dr. Hansen' }, SECRET, 60);
    expect(await verifyRoomToken(token, SECRET)).toEqual({ kind: 'demo', roomId: 'ward-7', role: 'gp', displayName: 'Dr. Hansen' });
  });

  it('leaves out a display name nobody gave', async () => {
    const token = await signRoomToken({ kind: 'demo', roomId: 'demo', role: 'relative' }, SECRET, 60);
    expect(await verifyRoomToken(token, SECRET)).toEqual({ kind: 'demo', roomId: 'demo', role: 'relative' });
  });

  it.each([
    ['another secret', async () => signRoomToken({ kind: 'demo', roomId: 'demo', role: 'gp' }, 'another-secret-that-is-long-enough-xxxxxxxx', 60)],
    ['an expired token', async () => signRoomToken({ kind: 'demo', roomId: 'demo', role: 'gp' }, SECRET, -10)],
    ['garbage', async () => 'not-a-token-at-all'],
    [
      'a token for another audience',
      async () => new SignJWT({ kind: 'demo', roomId: 'demo', role: 'gp' }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('1h').sign(new TextEncoder().encode(SECRET)),
    ],
    [
      'a token without expiry',
      async () => new SignJWT({ kind: 'demo', roomId: 'demo', role: 'gp' }).setProtectedHeader({ alg: 'HS256' }).setAudience('samplan:room').sign(new TextEncoder().encode(SECRET)),
    ],
    [
      'a token with an unknown role',
      async () =>
        new SignJWT({ kind: 'demo', roomId: 'demo', role: 'admin' }).setProtectedHeader({ alg: 'HS256' }).setAudience('samplan:room').setExpirationTime('1h').sign(new TextEncoder().encode(SECRET)),
    ],
    [
      'a token that names no kind of room (the shape demo rooms once shared with conferences)',
      async () =>
        new SignJWT({ roomId: 'demo', role: 'gp' }).setProtectedHeader({ alg: 'HS256' }).setAudience('samplan:room').setExpirationTime('1h').sign(new TextEncoder().encode(SECRET)),
    ],
    [
      'a conference token without the participant it was issued to',
      async () =>
        new SignJWT({ kind: 'conference', conferenceId: CONFERENCE, role: 'hospital', principal: { kind: 'staff', staffId: STAFF } })
          .setProtectedHeader({ alg: 'HS256' })
          .setAudience('samplan:room')
          .setExpirationTime('1h')
          .sign(new TextEncoder().encode(SECRET)),
    ],
    [
      'an unsigned token',
      async () => {
        const body = Buffer.from(JSON.stringify({ kind: 'demo', roomId: 'demo', role: 'gp', aud: 'samplan:room', exp: 9999999999 })).toString('base64url');
        return `${Buffer.from('{"alg":"none"}').toString('base64url')}.${body}.`;
      },
    ],
  ])('refuses %s with UNAUTHORIZED', async (_, makeToken) => {
    const error = await refusal(await makeToken());
    expect(error).toBeInstanceOf(SamplanError);
    expect((error as SamplanError).code).toBe('UNAUTHORIZED');
  });

  it('will not sign a bad room id', async () => {
    await expect(signRoomToken({ kind: 'demo', roomId: 'Bad Room', role: 'gp' }, SECRET, 60)).rejects.toThrow();
  });

  it.each(['demo', 'a', 'ward-7-bed-12', 'x'.repeat(64)])('accepts room id %s', (roomId) => {
    expect(roomIdSchema.safeParse(roomId).success).toBe(true);
  });

  it.each(['', '-demo', 'Demo', 'ward 7', 'ward_7', 'x'.repeat(65), '../etc'])('refuses room id %j', (roomId) => {
    expect(roomIdSchema.safeParse(roomId).success).toBe(false);
  });

  it('round-trips a conference token with who it was issued to', async () => {
    const claims = { kind: 'conference', conferenceId: CONFERENCE, participantId: PARTICIPANT, role: 'hospital', principal: { kind: 'staff', staffId: STAFF } } as const;
    expect(await verifyRoomToken(await signRoomToken(claims, SECRET, 60), SECRET)).toEqual(claims);
  });

  it('puts demo rooms and conference rooms in different namespaces, whatever the demo room is called', () => {
    const conference = conferenceMediaRoomId(CONFERENCE);
    for (const roomId of [`c-${CONFERENCE}`, CONFERENCE, 'conference', 'demo']) {
      expect(mediaRoomIdOf({ kind: 'demo', roomId, role: 'hospital' })).not.toBe(conference);
    }
    expect(mediaRoomIdOf({ kind: 'conference', conferenceId: CONFERENCE, participantId: PARTICIPANT, role: 'patient', principal: { kind: 'participant', participantId: PARTICIPANT } })).toBe(conference);
  });
});
