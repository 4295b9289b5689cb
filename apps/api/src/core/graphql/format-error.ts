import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import {
  codedBody,
  isDatabaseUnavailable,
  isStatementTimeout,
  SERVICE_UNAVAILABLE_MESSAGE,
  type ErrorCode,
} from '../errors.js';
import { logger } from '../logger.js';

/**
 * The one place errors leave the API. Known codes pass as they are; the database going away and statement
 * timeouts get codes of their own; anything unexpected is logged in full and, outside development, answered
 * without its message (which may hold SQL or internals).
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  options: { development: boolean },
): GraphQLFormattedError {
  const limit = limitCode(formatted, error);
  if (limit) return { ...formatted, extensions: { ...formatted.extensions, code: limit } };
  const original = unwrapResolverError(error);
  if (isDatabaseUnavailable(original)) {
    return codedBody('SERVICE_UNAVAILABLE', SERVICE_UNAVAILABLE_MESSAGE, { path: formatted.path });
  }
  if (isStatementTimeout(original)) {
    return codedBody(
      'TIMEOUT',
      'This request took too long and was stopped. Ask for less at once, or try again.',
      { path: formatted.path },
    );
  }
  if (formatted.extensions?.code !== 'INTERNAL_SERVER_ERROR') return formatted;
  logger.error({ err: original, path: formatted.path }, 'unexpected error');
  if (options.development) return formatted;
  return codedBody('INTERNAL_SERVER_ERROR', 'Something went wrong on our side. It has been logged.', {
    path: formatted.path,
  });
}

const LIMIT_CODES = new Set<ErrorCode>([
  'QUERY_TOO_DEEP',
  'QUERY_TOO_COSTLY',
  'TOO_MANY_ALIASES',
  'TOO_MANY_DIRECTIVES',
  // core/graphql/one-sign-in-per-request.ts
  'ONE_SIGN_IN_PER_REQUEST',
]);

const isLimitCode = (code: unknown): code is ErrorCode => LIMIT_CODES.has(code as ErrorCode);

/**
 * Apollo files every validation error under GRAPHQL_VALIDATION_FAILED; the query limits' own codes (see
 * query-limits.ts) survive on the original error; the token limit, counted by the parser, shows in its message.
 */
function limitCode(formatted: GraphQLFormattedError, error: unknown): ErrorCode | undefined {
  if (formatted.extensions?.code === 'GRAPHQL_PARSE_FAILED') {
    return /contains more th\w+ \d+ tokens/.test(formatted.message) ? 'TOO_MANY_TOKENS' : undefined;
  }
  if (formatted.extensions?.code !== 'GRAPHQL_VALIDATION_FAILED') return undefined;
  const original = error instanceof GraphQLError ? error.originalError : undefined;
  const code = original instanceof GraphQLError ? original.extensions.code : undefined;
  if (isLimitCode(code)) return code;
  // A literal argument value that is wrong (input-checks.ts names its path): the input, not the query, is at fault.
  return typeof formatted.extensions.field === 'string' ? 'BAD_USER_INPUT' : undefined;
}
