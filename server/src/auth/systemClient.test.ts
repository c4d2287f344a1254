import { describe, expect, it } from 'vitest';
import { bearerKeyOf } from './systemClient.ts';
import { newSystemClientKey } from './systemClientKey.ts';

describe('the API key in an Authorization header', () => {
  const { key } = newSystemClientKey();

  it.each([
    [`Bearer ${key}`, key],
    [`bearer  ${key} `, key],
    [undefined, null],
    ['', null],
    [`Basic ${key}`, null],
    ['Bearer not-one-of-ours', null],
    [`Bearer ${key} extra`, null],
  ])('%j → %j', (header, expected) => {
    expect(bearerKeyOf(header)).toBe(expected);
  });
});
