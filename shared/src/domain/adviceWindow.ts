import { z } from 'zod';
import { addCalendarDays } from './copenhagenTime.ts';

/**
 * Specialised geriatric advice (*specialiseret rådgivning*) is open 24/7 for
 * seven days after discharge. "Seven days" is the same Copenhagen wall-clock
 * time seven calendar days later (discharged Saturday 14:00 → closes the next
 * Saturday 14:00), not 7 × 24 h: that is what staff and patients are told and
 * expect, and it differs from 168 h only when summer time starts or ends in
 * between (167 h in March, 169 h in October).
 */
export const ADVICE_WINDOW_DAYS = 7;

export type AdviceWindowState =
  | { readonly state: 'not_open' }
  | { readonly state: 'open'; readonly opensAt: Date; readonly closesAt: Date; readonly msLeft: number }
  | { readonly state: 'closed'; readonly opensAt: Date; readonly closedAt: Date };

export function adviceWindowCloses(dischargedAt: Date): Date {
  return addCalendarDays(dischargedAt, ADVICE_WINDOW_DAYS);
}

/** Whether advice may be given at `now`. Opens at discharge (inclusive), closes at the deadline (exclusive). */
export function adviceWindowAt(dischargedAt: Date | null, now: Date): AdviceWindowState {
  if (dischargedAt === null || now < dischargedAt) return { state: 'not_open' };
  const closesAt = adviceWindowCloses(dischargedAt);
  const msLeft = closesAt.getTime() - now.getTime();
  if (msLeft <= 0) return { state: 'closed', opensAt: dischargedAt, closedAt: closesAt };
  return { state: 'open', opensAt: dischargedAt, closesAt, msLeft };
}

/**
 * Where to turn instead, as codes the UI translates. 1813 is the medical
 * helpline of the Capital Region; other regions reach their out-of-hours
 * doctor (*lægevagt*) on their own number, which the UI looks up.
 */
export const ELSEWHERE_CONTACTS = ['gp', 'out_of_hours_doctor', 'medical_helpline_1813'] as const;
export const STILL_ADMITTED_CONTACTS = ['ward'] as const;
export const ACUTE_CONTACT = 'emergency_112' as const;

/**
 * Sent to whoever asks for advice outside the window. Instants are ISO strings
 * because this travels to the client as is.
 */
export const adviceRefusalSchema = z.discriminatedUnion('code', [
  z.object({
    code: z.literal('ADVICE_WINDOW_CLOSED'),
    closedAt: z.iso.datetime(),
    turnTo: z.array(z.enum(ELSEWHERE_CONTACTS)),
    whenAcute: z.literal(ACUTE_CONTACT),
  }),
  z.object({
    /** Not discharged yet: the ward is the place to ask. */
    code: z.literal('ADVICE_WINDOW_NOT_OPEN'),
    turnTo: z.array(z.enum(STILL_ADMITTED_CONTACTS)),
    whenAcute: z.literal(ACUTE_CONTACT),
  }),
]);
export type AdviceRefusal = z.infer<typeof adviceRefusalSchema>;

/** Null while the window is open; otherwise the refusal to send. */
export function adviceRefusalAt(dischargedAt: Date | null, now: Date): AdviceRefusal | null {
  const window = adviceWindowAt(dischargedAt, now);
  switch (window.state) {
    case 'open':
      return null;
    case 'not_open':
      return { code: 'ADVICE_WINDOW_NOT_OPEN', turnTo: [...STILL_ADMITTED_CONTACTS], whenAcute: ACUTE_CONTACT };
    case 'closed':
      return {
        code: 'ADVICE_WINDOW_CLOSED',
        closedAt: window.closedAt.toISOString(),
        turnTo: [...ELSEWHERE_CONTACTS],
        whenAcute: ACUTE_CONTACT,
      };
  }
}
