import type { ErrorBody, ErrorCode } from '@samplan/shared';
import { SamplanError } from '@samplan/shared';
import type { ErrorRequestHandler } from 'express';
import type { Logger } from '../logger.ts';

function assertUnreachable(value: never): never {
  throw new Error(`Unhandled value: ${String(value)}`);
}

export function httpStatusOf(code: ErrorCode): number {
  switch (code) {
    case 'BAD_REQUEST':
      return 400;
    case 'UNAUTHORIZED':
      return 401;
    case 'FORBIDDEN':
    case 'NOT_REPRESENTATIVE':
    case 'PASSWORD_SIGN_IN_OFF':
    case 'REMOVED':
    case 'CROSS_ORIGIN':
      return 403;
    case 'NOT_FOUND':
      return 404;
    case 'CONFLICT':
    case 'EPISODE_ALREADY_OPEN':
    case 'LOGIN_TAKEN':
    case 'LAST_ADMINISTRATOR':
    case 'ALREADY_JOINED':
    case 'NOT_JOINED':
    case 'NO_FREE_BED':
    case 'RESERVATION_NOT_ACTIVE':
    case 'BEDS_IN_USE':
      return 409;
    case 'ROOM_CLOSED':
    case 'PASSWORD_LINK_USED':
    case 'PASSWORD_LINK_EXPIRED':
    case 'PASSWORD_LINK_REVOKED':
      return 410;
    case 'TOO_LARGE':
      return 413;
    case 'MEDIA_REJECTED':
    case 'REFUSED':
    case 'VIDEO_CONSENT_MISSING':
      return 422;
    case 'RATE_LIMITED':
      return 429;
    case 'INTERNAL':
      return 500;
    case 'DRAINING':
      return 503;
    default:
      return assertUnreachable(code);
  }
}

/** body-parser marks its failures with `type`; they are the client's fault and say so. */
function fromBodyParser(error: unknown): SamplanError | undefined {
  if (typeof error !== 'object' || error === null || !('type' in error)) return undefined;
  switch (error.type) {
    case 'entity.too.large':
      return new SamplanError('TOO_LARGE', 'The request body is too large.');
    case 'entity.parse.failed':
      return new SamplanError('BAD_REQUEST', 'The request body is not valid JSON.');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new SamplanError('BAD_REQUEST', 'The request body encoding is not supported.');
    default:
      return undefined;
  }
}

/** The one place an HTTP error becomes a response: `{ error: ErrorBody }`, never a stack trace. */
export function jsonErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error, _req, res, _next) => {
    const known = error instanceof SamplanError ? error : fromBodyParser(error);
    if (known === undefined) logger.error({ err: error }, 'HTTP request failed');
    const body: ErrorBody = known?.toBody() ?? { code: 'INTERNAL', message: 'The server failed to handle the request.' };
    res.status(httpStatusOf(body.code)).json({ error: body });
  };
}
