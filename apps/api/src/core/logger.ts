import pino from 'pino';

/** JSON lines; secrets never reach it because request bodies and headers are not logged. */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
  redact: ['password', 'token', '*.password', '*.token', 'headers.authorization', 'headers.cookie'],
});
