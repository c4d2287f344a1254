import { describe, expect, it } from 'vitest';
import { sessionCookieName, sessionCookieOptions, sessionTokenFromHeaders } from './sessionCookie.ts';

describe('the session cookie', () => {
  it('is Secure and __Host- prefixed in production, HttpOnly and SameSite=Lax always', () => {
    expect(sessionCookieName(true)).toBe('__Host-samplan_session');
    expect(sessionCookieOptions(true)).toEqual({ httpOnly: true, sameSite: 'lax', secure: true, path: '/', maxAge: 3_600_000 });
    expect(sessionCookieOptions(false, 60)).toEqual({ httpOnly: true, sameSite: 'lax', secure: false, path: '/', maxAge: 60_000 });
  });

  it('is read from the Cookie header by its own name only', () => {
    expect(sessionTokenFromHeaders({ cookie: 'a=1; samplan_session=tok; b=2' }, false)).toBe('tok');
    expect(sessionTokenFromHeaders({ cookie: 'samplan_session=tok' }, true)).toBeNull();
    expect(sessionTokenFromHeaders({ cookie: 'samplan_session=' }, false)).toBeNull();
    expect(sessionTokenFromHeaders({}, false)).toBeNull();
  });
});
