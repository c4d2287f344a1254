import { type DestinationStream, pino, type Logger } from 'pino';

export type { Logger };
export type LogDestination = DestinationStream;

/**
 * Tokens are credentials and display names are patient data: neither is
 * logged, even if a careless call site passes a whole request object.
 */
const REDACTED_PATHS = ['token', '*.token', 'displayName', '*.displayName', 'resumeKey', '*.resumeKey', 'req.headers.authorization', 'req.headers.cookie'];

export function createLogger(level: string, destination?: LogDestination): Logger {
  const options = { name: 'samplan', level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } };
  return destination === undefined ? pino(options) : pino(options, destination);
}
