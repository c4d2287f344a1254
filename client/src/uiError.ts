import { SamplanError, type ErrorCode } from '@samplan/shared';

/**
 * Failures that happen in the browser and never come from the server. Each,
 * like every server ErrorCode, has a message in every language (i18n/*.ts).
 */
export const CLIENT_ERROR_CODES = [
  'NETWORK',
  'TIMEOUT',
  'DEVICE_DENIED',
  'DEVICE_MISSING',
  'SCREEN_SHARE_FAILED',
  'UNSUPPORTED_BROWSER',
  /** The host sent this person back to the waiting room during the call. */
  'BACK_IN_LOBBY',
] as const;
export type ClientErrorCode = (typeof CLIENT_ERROR_CODES)[number];
export type UiErrorCode = ErrorCode | ClientErrorCode;

/** A browser-side failure with a code the UI can translate. */
export class ClientError extends Error {
  readonly code: ClientErrorCode;

  constructor(code: ClientErrorCode, message: string) {
    super(message);
    this.name = 'ClientError';
    this.code = code;
  }
}

const DEVICE_ERRORS: Record<string, ClientErrorCode> = {
  NotAllowedError: 'DEVICE_DENIED',
  SecurityError: 'DEVICE_DENIED',
  NotFoundError: 'DEVICE_MISSING',
  OverconstrainedError: 'DEVICE_MISSING',
  NotReadableError: 'DEVICE_MISSING',
};

/** The code to show for anything thrown while joining or in a call. */
export function uiErrorCodeOf(error: unknown): UiErrorCode {
  if (error instanceof SamplanError || error instanceof ClientError) return error.code;
  if (error instanceof Error && error.name in DEVICE_ERRORS) return DEVICE_ERRORS[error.name]!;
  if (error instanceof Error && error.name === 'UnsupportedError') return 'UNSUPPORTED_BROWSER';
  return 'INTERNAL';
}
