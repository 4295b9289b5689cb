import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { isOffline } from '../app/online';

const UNREACHABLE = 'We could not reach Service Programme. Check your connection and try again.';
const OFFLINE = 'You are offline, and this needs a connection. Try again once you are back online.';

/**
 * Words for a failure that is not about one field: the API's own message for a GraphQL error (they are written for
 * people), a status for an HTTP failure, and a connection hint for everything else: "you are offline" when the
 * browser says so, since checking the connection is then not the advice.
 */
export function describeError(error: unknown): string {
  if (CombinedGraphQLErrors.is(error)) {
    return error.errors[0]?.message ?? 'Something went wrong on our side. Please try again.';
  }
  if (ServerError.is(error)) {
    return `Service Programme could not handle that just now (status ${error.statusCode}). Please try again.`;
  }
  return isOffline() ? OFFLINE : UNREACHABLE;
}

/** The browser got no answer at all: a connection problem, not something the API said. */
export function isUnreachable(error: unknown): boolean {
  return !CombinedGraphQLErrors.is(error) && !ServerError.is(error);
}

/** The API answered that the thing asked for does not exist (or is not the viewer's to see). */
export function isNotFound(error: unknown): boolean {
  return CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.['code'] === 'NOT_FOUND');
}
