import { z } from 'zod';

/**
 * A number a text message can go to, written as people write it: a Danish
 * number is eight digits ("20 12 34 56", "+45 20123456", "0045 20 12 34 56")
 * and gets +45; a foreign one starts with + (or 00) and its country code.
 * Stored and sent as +<country><number>, so one person is one number however
 * it was typed.
 */
export type MobileNumberResult = { readonly ok: true; readonly number: string } | { readonly ok: false; readonly problem: string };

const DANISH_DIGITS = 8;
// E.164 allows 15 digits after the +; below 8 there is no real number outside tiny states.
const FOREIGN = { min: 8, max: 15 } as const;

export const MOBILE_NUMBER_HINT = 'a Danish number has 8 digits (e.g. 20 12 34 56); a foreign number starts with + and its country code';

export function parseMobileNumber(input: string): MobileNumberResult {
  const compact = input.trim().replace(/[\s\-().]/g, '');
  const international = compact.startsWith('+') ? compact.slice(1) : compact.startsWith('00') ? compact.slice(2) : null;
  const digits = international ?? compact;
  if (!/^\d+$/.test(digits)) return { ok: false, problem: `"${input.trim()}" is not a phone number: ${MOBILE_NUMBER_HINT}` };
  if (international === null) {
    if (digits.length !== DANISH_DIGITS) return { ok: false, problem: `"${input.trim()}" has ${digits.length} digits: ${MOBILE_NUMBER_HINT}` };
    return { ok: true, number: `+45${digits}` };
  }
  if (digits.startsWith('45')) {
    const national = digits.slice(2);
    if (national.length !== DANISH_DIGITS) return { ok: false, problem: `"${input.trim()}" is +45 with ${national.length} digits: ${MOBILE_NUMBER_HINT}` };
    return { ok: true, number: `+45${national}` };
  }
  if (digits.length < FOREIGN.min || digits.length > FOREIGN.max || digits.startsWith('0')) {
    return { ok: false, problem: `"${input.trim()}" is not a complete international number: ${MOBILE_NUMBER_HINT}` };
  }
  return { ok: true, number: `+${digits}` };
}

/** The edge's check: a clear error for what is not a number, the +45 form for what is. */
export const mobileNumberSchema = z.string().transform((text, context) => {
  const parsed = parseMobileNumber(text);
  if (parsed.ok) return parsed.number;
  context.addIssue({ code: 'custom', message: parsed.problem });
  return z.NEVER;
});
