import { expect, test } from 'vitest';
import { cprSchema, maskCpr, parseCpr } from './cpr.ts';

test.each([
  // input, normalised, birth date, mask
  ['120345-1234', '120345-1234', '1945-03-12', '120345-****'],
  ['1203451234', '120345-1234', '1945-03-12', '120345-****'],
  [' 120345-1234 ', '120345-1234', '1945-03-12', '120345-****'],
  // 7th digit 4 or 9: 00–36 → 2000s, 37–99 → 1900s
  ['010136-4000', '010136-4000', '2036-01-01', '010136-****'],
  ['010137-4000', '010137-4000', '1937-01-01', '010137-****'],
  ['010136-9000', '010136-9000', '2036-01-01', '010136-****'],
  ['010137-9000', '010137-9000', '1937-01-01', '010137-****'],
  // 7th digit 5–8: 00–57 → 2000s, 58–99 → 1800s
  ['010157-5000', '010157-5000', '2057-01-01', '010157-****'],
  ['010158-8000', '010158-8000', '1858-01-01', '010158-****'],
  // 7th digit 0–3: always 1900s
  ['010100-3000', '010100-3000', '1900-01-01', '010100-****'],
  // Leap days: 2000 is a leap year, 1900 is not
  ['290200-4000', '290200-4000', '2000-02-29', '290200-****'],
  ['290296-1000', '290296-1000', '1996-02-29', '290296-****'],
])('%s is valid: %s, born %s, shown as %s', (input, value, birthDate, masked) => {
  const result = parseCpr(input);
  expect(result).toEqual({ ok: true, cpr: { value, birthDate } });
  if (result.ok) expect(maskCpr(result.cpr)).toBe(masked);
});

test.each([
  ['12034-1234', 'CPR_FORMAT'],
  ['120345-12345', 'CPR_FORMAT'],
  ['120345 1234', 'CPR_FORMAT'],
  ['12O345-1234', 'CPR_FORMAT'],
  ['', 'CPR_FORMAT'],
  ['320145-1234', 'CPR_DATE'],
  ['001245-1234', 'CPR_DATE'],
  ['121345-1234', 'CPR_DATE'],
  ['310445-1234', 'CPR_DATE'],
  ['290200-1000', 'CPR_DATE'],
  ['290297-1000', 'CPR_DATE'],
])('%s is refused: %s', (input, code) => {
  expect(parseCpr(input)).toEqual({ ok: false, code });
});

test.each([
  ['120345-1234', { success: true, data: { value: '120345-1234', birthDate: '1945-03-12' } }],
  ['310445-1234', { success: false, message: 'CPR_DATE' }],
  ['not a number', { success: false, message: 'CPR_FORMAT' }],
])('cprSchema %s', (input, expected) => {
  const result = cprSchema.safeParse(input);
  expect(result.success ? { success: true, data: result.data } : { success: false, message: result.error.issues[0]?.message }).toEqual(expected);
});
