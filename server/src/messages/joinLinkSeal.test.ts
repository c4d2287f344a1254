import { describe, expect, it } from 'vitest';
import { openJoinToken, sealJoinToken, sealKeyOf } from './joinLinkSeal.ts';

describe('a join link sealed for the messages that carry it', () => {
  const key = sealKeyOf('a-secret-that-is-long-enough-for-samplan-tests');

  it('opens with the same secret, and each seal differs', () => {
    const one = sealJoinToken(key, 'token-abc');
    const two = sealJoinToken(key, 'token-abc');
    expect(one).not.toBe(two);
    expect(one).not.toContain('token-abc');
    expect(openJoinToken(key, one)).toBe('token-abc');
  });

  it('does not open under another secret, altered, or cut short', () => {
    const sealed = sealJoinToken(key, 'token-abc');
    expect(openJoinToken(sealKeyOf('another-secret-that-is-long-enough-for-tests'), sealed)).toBeNull();
    const altered = Buffer.from(sealed, 'base64url');
    altered.writeUInt8(altered.readUInt8(altered.length - 1) ^ 1, altered.length - 1);
    expect(openJoinToken(key, altered.toString('base64url'))).toBeNull();
    expect(openJoinToken(key, 'short')).toBeNull();
  });
});
