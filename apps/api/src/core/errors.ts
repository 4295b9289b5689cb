import { GraphQLError } from 'graphql';

/**
 * Expected problems with input are data (`userErrors` in a payload). Everything else is a GraphQLError with one of
 * these codes, so a client can branch on `extensions.code` and never on message text.
 */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR';

export function coded(code: ErrorCode, message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extra } });
}

export const unauthenticated = () => coded('UNAUTHENTICATED', 'Sign in to do this.');

export const forbidden = (permission: string, message = 'Your role does not allow this.') =>
  coded('FORBIDDEN', message, { requires: permission });

export const badInput = (field: string, message: string) => coded('BAD_USER_INPUT', message, { field });

/** The database is unreachable or went away mid-request: the client may retry; nothing was committed. */
export function serviceUnavailable(cause?: unknown): GraphQLError {
  return new GraphQLError('The service is briefly unavailable. Please try again.', {
    extensions: { code: 'SERVICE_UNAVAILABLE' },
    originalError: cause instanceof Error ? cause : undefined,
  });
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
