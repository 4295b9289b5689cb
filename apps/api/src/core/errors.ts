import { GraphQLError, type ASTNode, type GraphQLFormattedError } from 'graphql';

/**
 * Expected problems with input are data (`userErrors` in a payload). Everything else is a GraphQLError with one of
 * these codes in `extensions.code`, so a client can branch on the code and never on message text. The list is the
 * whole set the API answers with; docs/api.md's "Errors" table lists the same (errors.test.ts compares them).
 */
export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'QUERY_TOO_DEEP',
  'QUERY_TOO_COSTLY',
  'TOO_MANY_ALIASES',
  'TOO_MANY_DIRECTIVES',
  'TOO_MANY_TOKENS',
  'ONE_SIGN_IN_PER_REQUEST',
  'RATE_LIMITED',
  'TOO_MANY_CONCURRENT_REQUESTS',
  'PAYLOAD_TOO_LARGE',
  'BAD_REQUEST',
  'NOT_FOUND',
  'TIMEOUT',
  'SERVICE_UNAVAILABLE',
  'INTERNAL_SERVER_ERROR',
  // Built by Apollo Server itself (ApolloServerErrorCode), never by our code.
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface CodedOptions {
  /** More for the client next to the code: `requires`, `field`, `retryAfterSeconds`, `limit`… */
  extensions?: Record<string, unknown>;
  /** Status and headers for Apollo to answer with (it takes them out of the body). */
  http?: { status: number; headers?: Map<string, string> };
  nodes?: ASTNode | readonly ASTNode[];
  path?: readonly (string | number)[];
  originalError?: unknown;
}

/** The one way an error with a code is made: everything else in this file, and every plugin, goes through it. */
export function coded(code: ErrorCode, message: string, options: CodedOptions = {}): GraphQLError {
  return new GraphQLError(message, {
    nodes: options.nodes,
    path: options.path,
    originalError: options.originalError instanceof Error ? options.originalError : undefined,
    extensions: { code, ...options.extensions, ...(options.http ? { http: options.http } : {}) },
  });
}

/** The same error as it goes out in a body that Apollo does not format (answers built by hand, formatError). */
export function codedBody(
  code: ErrorCode,
  message: string,
  options: Pick<CodedOptions, 'extensions' | 'path'> = {},
): GraphQLFormattedError {
  return coded(code, message, options).toJSON();
}

export const unauthenticated = () => coded('UNAUTHENTICATED', 'Sign in to do this.');

export const forbidden = (permission: string, message = 'Your role does not allow this.') =>
  coded('FORBIDDEN', message, { extensions: { requires: permission } });

export const badInput = (field: string, message: string, options: Pick<CodedOptions, 'http'> = {}) =>
  coded('BAD_USER_INPUT', message, { extensions: { field }, ...options });

export const SERVICE_UNAVAILABLE_MESSAGE = 'The service is briefly unavailable. Please try again.';

/** The database is unreachable or went away mid-request: the client may retry; nothing was committed. */
export function serviceUnavailable(cause?: unknown, http?: CodedOptions['http']): GraphQLError {
  return coded('SERVICE_UNAVAILABLE', SERVICE_UNAVAILABLE_MESSAGE, { originalError: cause, http });
}

const CONNECTION_LOST = new Set([
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08003',
  '08006',
  'ECONNREFUSED',
  'ECONNRESET',
]);

/** Recognises errors that mean the database, not the request, is at fault. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const code = (error as { code?: string } | undefined)?.code;
  if (code && CONNECTION_LOST.has(code)) return true;
  const message = error instanceof Error ? error.message : '';
  return /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect/i.test(message);
}

export function isStatementTimeout(error: unknown): boolean {
  return (error as { code?: string } | undefined)?.code === '57014';
}
