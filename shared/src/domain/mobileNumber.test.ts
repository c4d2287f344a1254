import { describe, expect, it } from 'vitest';
import { mobileNumberSchema, parseMobileNumber } from './mobileNumber.ts';

describe('a mobile number as people type it', () => {
  it.each([
    ['20123456', '+4520123456'],
    ['20 12 34 56', '+4520123456'],
    ['+45 20 12 34 56', '+4520123456'],
    ['0045 2012-3456', '+4520123456'],
    ['+4520123456', '+4520123456'],
    ['+46 70 123 45 67', '+46701234567'],
    ['0046701234567', '+46701234567'],
  ])('%s is %s', (input, number) => {
    expect(parseMobileNumber(input)).toEqual({ ok: true, number });
  });

  it.each([
    ['2012345', 'has 7 digits'],
    ['201234567', 'has 9 digits'],
    ['+45 2012 345', 'is +45 with 7 digits'],
    ['+4 12', 'is not a complete international number'],
    ['ring til datteren', 'is not a phone number'],
    ['', 'is not a phone number'],
  ])('%s is refused: %s', (input, words) => {
    const parsed = parseMobileNumber(input);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.problem).toContain(words);
      expect(parsed.problem).toContain('8 digits');
    }
  });

  it('the schema gives the +45 form, or the problem as its issue', () => {
    expect(mobileNumberSchema.parse(' 22 33 44 55 ')).toBe('+4522334455');
    const refused = mobileNumberSchema.safeParse('1234');
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toContain('has 4 digits');
  });
});
