import pino, { type DestinationStream } from 'pino';
import { readLogLevel } from './config.js';
import { loggedError } from './logged-error.js';

/**
 * JSON lines. Secrets never reach it: request bodies and headers are not logged, and errors pass through
 * `loggedError`, which drops statement parameters and row details (see logged-error.ts).
 */
export function createLogger(destination?: DestinationStream, level?: string) {
  return pino(
    {
      level: level ?? readLogLevel(),
      redact: ['password', 'token', '*.password', '*.token', 'headers.authorization', 'headers.cookie'],
      serializers: { err: loggedError, error: loggedError },
    },
    destination,
  );
}

export const logger = createLogger();
