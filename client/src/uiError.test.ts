import { SamplanError } from '@samplan/shared';
import { describe, expect, it } from 'vitest';
import { ClientError, uiErrorCodeOf } from './uiError.ts';

function named(name: string): Error {
  return Object.assign(new Error(name), { name });
}

describe('uiErrorCodeOf', () => {
  it.each([
    { error: new SamplanError('ROOM_CLOSED', 'gone'), code: 'ROOM_CLOSED' },
    { error: new ClientError('TIMEOUT', 'slow'), code: 'TIMEOUT' },
    { error: named('NotAllowedError'), code: 'DEVICE_DENIED' },
    { error: named('NotFoundError'), code: 'DEVICE_MISSING' },
    { error: named('NotReadableError'), code: 'DEVICE_MISSING' },
    { error: named('UnsupportedError'), code: 'UNSUPPORTED_BROWSER' },
    { error: new Error('boom'), code: 'INTERNAL' },
    { error: 'a string', code: 'INTERNAL' },
  ])('$code', ({ error, code }) => {
    expect(uiErrorCodeOf(error)).toBe(code);
  });
});
