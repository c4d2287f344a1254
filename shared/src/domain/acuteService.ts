import { z } from 'zod';
import { addHours, atLocalTime, localMinuteOfDay } from './copenhagenTime.ts';

/**
 * A municipal acute team takes requests during its service hours (Copenhagen
 * wall-clock time, e.g. 08:00–23:00) and promises to be with the citizen
 * within a stated time of the request (e.g. 2 h). Each municipality sets its
 * own. Hours may run past midnight (22:00–06:00); from = to means all day.
 */
export const acuteServiceSchema = z
  .object({
    /** Minutes since Copenhagen midnight the team starts taking requests (inclusive). */
    fromMinute: z.number().int().min(0).max(1439),
    /** Minutes since Copenhagen midnight it stops (exclusive). */
    toMinute: z.number().int().min(0).max(1439),
    /** With the citizen within this many minutes of the request. */
    promiseMinutes: z.number().int().min(15).max(24 * 60),
  })
  .strict();
export type AcuteService = z.infer<typeof acuteServiceSchema>;

export function isWithinAcuteHours(service: AcuteService, now: Date): boolean {
  const minute = localMinuteOfDay(now);
  const { fromMinute, toMinute } = service;
  if (fromMinute === toMinute) return true;
  return fromMinute < toMinute ? minute >= fromMinute && minute < toMinute : minute >= fromMinute || minute < toMinute;
}

/** When the team opens next (now or later), for the doctor told it is closed. */
export function acuteTeamOpensAt(service: AcuteService, now: Date): Date {
  if (isWithinAcuteHours(service, now)) return now;
  const hour = Math.floor(service.fromMinute / 60);
  const minute = service.fromMinute % 60;
  const today = atLocalTime(now, 0, hour, minute);
  return today > now ? today : atLocalTime(now, 1, hour, minute);
}

/** The promise made at `requestedAt`: elapsed time, whatever the wall clock does. */
export function acuteAnswerBy(service: AcuteService, requestedAt: Date): Date {
  return addHours(requestedAt, service.promiseMinutes / 60);
}

/**
 * Where to turn outside the hours, as codes the UI translates: the region's
 * out-of-hours doctor may admit directly, and 112 when life is at risk.
 */
export const ACUTE_CLOSED_TURN_TO = ['admit_directly', 'call_again_when_open', 'home_nurse_night_service'] as const;

/** Sent to a doctor who asks outside the team's hours. Instants are ISO strings: it travels to the client as is. */
export const acuteRefusalSchema = z.discriminatedUnion('code', [
  z.object({
    code: z.literal('ACUTE_TEAM_CLOSED'),
    fromMinute: z.number().int(),
    toMinute: z.number().int(),
    opensAt: z.iso.datetime(),
    turnTo: z.array(z.enum(ACUTE_CLOSED_TURN_TO)),
    whenAcute: z.literal('emergency_112'),
  }),
  /** The citizen's municipality has no acute team on record. */
  z.object({ code: z.literal('NO_ACUTE_TEAM'), whenAcute: z.literal('emergency_112') }),
]);
export type AcuteRefusal = z.infer<typeof acuteRefusalSchema>;

/** Null inside the hours; otherwise the refusal to send (null service: the municipality has no team). */
export function acuteRefusalAt(service: AcuteService | null, now: Date): AcuteRefusal | null {
  if (service === null) return { code: 'NO_ACUTE_TEAM', whenAcute: 'emergency_112' };
  if (isWithinAcuteHours(service, now)) return null;
  return {
    code: 'ACUTE_TEAM_CLOSED',
    fromMinute: service.fromMinute,
    toMinute: service.toMinute,
    opensAt: acuteTeamOpensAt(service, now).toISOString(),
    turnTo: [...ACUTE_CLOSED_TURN_TO],
    whenAcute: 'emergency_112',
  };
}
