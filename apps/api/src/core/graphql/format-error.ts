import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { isDatabaseUnavailable, isStatementTimeout } from '../errors.js';
import { logger } from '../logger.js';

/**
 * The one place errors leave the API. Known codes pass as they are; the database going away and statement
 * timeouts get codes of their own; anything unexpected is logged in full and, outside development, answered
 * without its message (which may hold SQL or internals).
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (isDatabaseUnavailable(original)) {
    return {
      message: 'The service is briefly unavailable. Please try again.',
      path: formatted.path,
      extensions: { code: 'SERVICE_UNAVAILABLE' },
    };
  }
  if (isStatementTimeout(original)) {
    return {
      message: 'This request took too long and was stopped. Ask for less at once, or try again.',
      path: formatted.path,
      extensions: { code: 'TIMEOUT' },
    };
  }
  if (formatted.extensions?.code !== 'INTERNAL_SERVER_ERROR') return formatted;
  logger.error({ err: original, path: formatted.path }, 'unexpected error');
  if (process.env.NODE_ENV === 'development') return formatted;
  return {
    message: 'Something went wrong on our side. It has been logged.',
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
