import { z } from 'zod';

/**
 * The Danish personal identification number (CPR), DDMMYY-SSSS. The modulus-11
 * check is deliberately not applied: numbers issued since 2007 need not pass it.
 */

export interface Cpr {
  /** Normalised display form, DDMMYY-SSSS. */
  readonly value: string;
  /** ISO calendar date, YYYY-MM-DD. */
  readonly birthDate: string;
}

export type CprResult = { readonly ok: true; readonly cpr: Cpr } | { readonly ok: false; readonly code: 'CPR_FORMAT' | 'CPR_DATE' };

const CPR_PATTERN = /^(\d{2})(\d{2})(\d{2})-?(\d)(\d{3})$/;

/** The century follows from the year and the first digit of the serial (CPR office rules). */
function fullYear(yy: number, serialFirstDigit: number): number {
  if (serialFirstDigit <= 3) return 1900 + yy;
  if (serialFirstDigit === 4 || serialFirstDigit === 9) return (yy <= 36 ? 2000 : 1900) + yy;
  return (yy <= 57 ? 2000 : 1800) + yy;
}

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC maps years 0–99 to 1900+; CPR years are ≥ 1858, so no such case.
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function parseCpr(input: string): CprResult {
  const match = CPR_PATTERN.exec(input.trim());
  if (!match) return { ok: false, code: 'CPR_FORMAT' };
  const [, dd = '', mm = '', yy = '', s1 = '', rest = ''] = match;
  const year = fullYear(Number(yy), Number(s1));
  if (!isRealDate(year, Number(mm), Number(dd))) return { ok: false, code: 'CPR_DATE' };
  return {
    ok: true,
    cpr: { value: `${dd}${mm}${yy}-${s1}${rest}`, birthDate: `${year}-${mm}-${dd}` },
  };
}

/** For screens and logs: the birth date stays readable, the serial is hidden ("120345-****"). */
export function maskCpr(cpr: Cpr): string {
  return `${cpr.value.slice(0, 6)}-****`;
}

/** For request bodies: parses to a `Cpr`; the issue message is the refusal code. */
export const cprSchema = z
  .string()
  .max(20)
  .transform((input, ctx) => {
    const result = parseCpr(input);
    if (result.ok) return result.cpr;
    ctx.addIssue({ code: 'custom', message: result.code });
    return z.NEVER;
  });
