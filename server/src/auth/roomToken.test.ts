import { SamplanError } from '@samplan/shared';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { roomIdSchema, signRoomToken, verifyRoomToken } from './roomToken.ts';

const SECRET = 'a-test-secret-that-is-long-enough-0123456789';

async function refusal(token: string, secret = SECRET): Promise<unknown> {
  return verifyRoomToken(token, secret).then(
    () => 'accepted',
    (error: unknown) => error,
  );
}

describe('room tokens', () => {
  it('round-trips the claims', async () => {
    const token = await signRoomToken({ roomId: 'ward-7', role: 'gp', displayName: 'Dr. Hansen' }, SECRET, 60);
    expect(await verifyRoomToken(token, SECRET)).toEqual({ roomId: 'ward-7', role: 'gp', displayName: 'Dr. Hansen' });
  });

  it('leaves out a display name nobody gave', async () => {
    const token = await signRoomToken({ roomId: 'demo', role: 'relative' }, SECRET, 60);
    expect(await verifyRoomToken(token, SECRET)).toEqual({ roomId: 'demo', role: 'relative' });
  });

  it.each([
    ['another secret', async () => signRoomToken({ roomId: 'demo', role: 'gp' }, 'another-secret-that-is-long-enough-xxxxxxxx', 60)],
    ['an expired token', async () => signRoomToken({ roomId: 'demo', role: 'gp' }, SECRET, -10)],
    ['garbage', async () => 'not-a-token-at-all'],
    [
      'a token for another audience',
      async () => new SignJWT({ roomId: 'demo', role: 'gp' }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('1h').sign(new TextEncoder().encode(SECRET)),
    ],
    [
      'a token without expiry',
      async () => new SignJWT({ roomId: 'demo', role: 'gp' }).setProtectedHeader({ alg: 'HS256' }).setAudience('samplan:room').sign(new TextEncoder().encode(SECRET)),
    ],
    [
      'a token with an unknown role',
      async () =>
        new SignJWT({ roomId: 'demo', role: 'admin' }).setProtectedHeader({ alg: 'HS256' }).setAudience('samplan:room').setExpirationTime('1h').sign(new TextEncoder().encode(SECRET)),
    ],
    [
      'an unsigned token',
      async () => {
        const body = Buffer.from(JSON.stringify({ roomId: 'demo', role: 'gp', aud: 'samplan:room', exp: 9999999999 })).toString('base64url');
        return `${Buffer.from('{"alg":"none"}').toString('base64url')}.${body}.`;
      },
    ],
  ])('refuses %s with UNAUTHORIZED', async (_, makeToken) => {
    const error = await refusal(await makeToken());
    expect(error).toBeInstanceOf(SamplanError);
    expect((error as SamplanError).code).toBe('UNAUTHORIZED');
  });

  it('will not sign a bad room id', async () => {
    await expect(signRoomToken({ roomId: 'Bad Room', role: 'gp' }, SECRET, 60)).rejects.toThrow();
  });

  it.each(['demo', 'a', 'ward-7-bed-12', 'x'.repeat(64)])('accepts room id %s', (roomId) => {
    expect(roomIdSchema.safeParse(roomId).success).toBe(true);
  });

  it.each(['', '-demo', 'Demo', 'ward 7', 'ward_7', 'x'.repeat(65), '../etc'])('refuses room id %j', (roomId) => {
    expect(roomIdSchema.safeParse(roomId).success).toBe(false);
  });
});
