import { CombinedGraphQLErrors, ServerError, ServerParseError } from '@apollo/client/errors';
import { isRouteErrorResponse } from 'react-router';

/** What kind of failure reached the route's error page, so the page can say what actually happened. */
export type RouteFailure =
  /** A route answered with an HTTP-like status (a loader threw a Response). */
  | { kind: 'status'; status: number; statusText: string }
  /** The browser could not reach the server: a fetch or a page's code chunk did not arrive. */
  | { kind: 'network' }
  /** The API answered, with an error of its own. */
  | { kind: 'api' }
  /** The page's own code failed: a bug, not the connection. */
  | { kind: 'crash' };

// What browsers say when a fetch() or an import() of a chunk never gets an answer (Chromium, Firefox, Safari).
const NETWORK_MESSAGE =
  /failed to fetch|networkerror|load failed|network request failed|dynamically imported module|importing a module script failed/i;

export function classifyRouteFailure(error: unknown): RouteFailure {
  if (isRouteErrorResponse(error)) {
    return { kind: 'status', status: error.status, statusText: error.statusText };
  }
  if (error instanceof TypeError && NETWORK_MESSAGE.test(error.message)) return { kind: 'network' };
  if (CombinedGraphQLErrors.is(error) || ServerError.is(error) || ServerParseError.is(error)) {
    return { kind: 'api' };
  }
  return { kind: 'crash' };
}
