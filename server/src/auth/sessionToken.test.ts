import { describe, expect, it } from 'vitest';
import { signRoomToken } from './roomToken.ts';
import { SESSION_IDLE_SECONDS, shouldRenew, signSessionToken, STAFF_SESSION_MAX_SECONDS, verifySessionToken } from './sessionToken.ts';

const SECRET = 'a-test-secret-that-is-long-enough-0123456789';
const subject = '0190a0a0-0000-7000-8000-000000000001';
const at = (iso: string) => () => new Date(iso);

describe('session tokens', () => {
  it('round-trips and expires after the idle time by the injected clock', async () => {
    const { token, claims } = await signSessionToken({ kind: 'staff', subject }, SECRET, at('2026-03-30T10:00:00Z'));
    expect(claims.exp - claims.iat).toBe(SESSION_IDLE_SECONDS);
    expect(await verifySessionToken(token, SECRET, at('2026-03-30T10:59:00Z'))).toEqual(claims);
    expect(await verifySessionToken(token, SECRET, at('2026-03-30T11:00:01Z'))).toBeNull();
  });

  it('never renews a staff session past the end of a shift', async () => {
    const authTime = Date.parse('2026-03-30T10:00:00Z') / 1000;
    const { claims } = await signSessionToken({ kind: 'staff', subject, authTime }, SECRET, at('2026-03-30T21:30:00Z'));
    expect(claims.exp).toBe(authTime + STAFF_SESSION_MAX_SECONDS);
  });

  it('ends a participant session no later than its link', async () => {
    const notAfter = Date.parse('2026-03-30T10:20:00Z') / 1000;
    const { claims } = await signSessionToken({ kind: 'participant', subject, notAfter }, SECRET, at('2026-03-30T10:00:00Z'));
    expect(claims.exp).toBe(notAfter);
  });

  it('refuses another secret, another audience and garbage', async () => {
    const { token } = await signSessionToken({ kind: 'staff', subject }, SECRET, at('2026-03-30T10:00:00Z'));
    expect(await verifySessionToken(token, `${SECRET}x`, at('2026-03-30T10:00:00Z'))).toBeNull();
    const roomToken = await signRoomToken({ kind: 'demo', roomId: 'demo', role: 'patient' }, SECRET, 60);
    expect(await verifySessionToken(roomToken, SECRET, () => new Date())).toBeNull();
    expect(await verifySessionToken('not.a.token', SECRET, () => new Date())).toBeNull();
  });

  it('renews after a few minutes, not on every request, and not once at its absolute end', async () => {
    const { claims } = await signSessionToken({ kind: 'staff', subject }, SECRET, at('2026-03-30T10:00:00Z'));
    expect(shouldRenew(claims, at('2026-03-30T10:01:00Z'))).toBe(false);
    expect(shouldRenew(claims, at('2026-03-30T10:06:00Z'))).toBe(true);
    const last = await signSessionToken({ kind: 'participant', subject, notAfter: Date.parse('2026-03-30T10:20:00Z') / 1000 }, SECRET, at('2026-03-30T10:00:00Z'));
    expect(shouldRenew(last.claims, at('2026-03-30T10:10:00Z'))).toBe(false);
  });

  it('refuses a participant session without an end', async () => {
    await expect(signSessionToken({ kind: 'participant', subject }, SECRET, at('2026-03-30T10:00:00Z'))).rejects.toThrow(RangeError);
  });
});
