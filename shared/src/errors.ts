import { z } from 'zod';
import { timingRefusalSchema, type TimingRefusal } from './domain/conferenceTiming.ts';

/**
 * Every error Samplan returns carries one of these codes. The code is stable
 * (clients branch on it, the UI translates it); the message is for logs and
 * developers, never shown to patients as is.
 */
export const ERROR_CODES = [
  'BAD_REQUEST',
  'UNAUTHORIZED',
  'FORBIDDEN',
  /** A state-changing request or socket handshake from a page of another site (its Origin is not Samplan's). */
  'CROSS_ORIGIN',
  'NOT_FOUND',
  'CONFLICT',
  'TOO_LARGE',
  'RATE_LIMITED',
  /** A pathway rule says no (advice window closed, conference in the past…); `refusal` says which and what to do instead. */
  'REFUSED',
  /** The patient is admitted already: one open admission per patient. */
  'EPISODE_ALREADY_OPEN',
  /** The patient (or a relative) was to be invited to a video conference without a live consent to take part by video. */
  'VIDEO_CONSENT_MISSING',
  /** A relative asked to act for the patient (agree on her behalf, read her access log) without the record naming her the patient's representative. */
  'NOT_REPRESENTATIVE',
  'NOT_JOINED',
  'ALREADY_JOINED',
  'ROOM_CLOSED',
  /** This server is shutting down and takes no new joins: connect again (a load balancer sends the new connection to another node). */
  'DRAINING',
  /** The host removed this person from the conference, or their link was revoked. */
  'REMOVED',
  'MEDIA_REJECTED',
  /** Another staff account has this login already. */
  'LOGIN_TAKEN',
  /** The change would leave the organisation without an active administrator. */
  'LAST_ADMINISTRATOR',
  /** A set-password link that was used already (each works once). */
  'PASSWORD_LINK_USED',
  'PASSWORD_LINK_EXPIRED',
  /** An administrator deactivated the link (or issued a newer one, or deactivated the account). */
  'PASSWORD_LINK_REVOKED',
  /** The organisation signs its staff in through its own identity provider only: no password sign-in. */
  'PASSWORD_SIGN_IN_OFF',
  /** Every bed of the acute offer is reserved or occupied (another doctor may just have taken the last one). */
  'NO_FREE_BED',
  /** The acute bed reservation is no longer waiting: confirmed, released, or past its time. */
  'RESERVATION_NOT_ACTIVE',
  /** An acute offer cannot have fewer beds than are reserved and occupied now. */
  'BEDS_IN_USE',
  'INTERNAL',
] as const;

export const errorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export const errorBodySchema = z.object({
  code: errorCodeSchema,
  message: z.string(),
  /** Which fields of the request were wrong, for BAD_REQUEST. */
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  /** With REFUSED: the rule's structured answer (e.g. when the advice window closed and where to turn). */
  refusal: timingRefusalSchema.optional(),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** A failure that is part of the contract: thrown in the server, sent as an ErrorBody. */
export class SamplanError extends Error {
  readonly code: ErrorCode;
  readonly issues: ErrorBody['issues'];
  readonly refusal: TimingRefusal | undefined;

  constructor(code: ErrorCode, message: string, issues?: ErrorBody['issues'], refusal?: TimingRefusal) {
    super(message);
    this.name = 'SamplanError';
    this.code = code;
    this.issues = issues;
    this.refusal = refusal;
  }

  toBody(): ErrorBody {
    return {
      code: this.code,
      message: this.message,
      ...(this.issues ? { issues: this.issues } : {}),
      ...(this.refusal ? { refusal: this.refusal } : {}),
    };
  }
}

/** A rule's refusal as an error: REFUSED with the structured reason the UI explains. */
export function refusedError(message: string, refusal: TimingRefusal): SamplanError {
  return new SamplanError('REFUSED', message, undefined, refusal);
}

export function issuesFromZod(error: z.ZodError): NonNullable<ErrorBody['issues']> {
  return error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}
