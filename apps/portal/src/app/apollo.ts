import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { ErrorLink } from '@apollo/client/link/error';

/**
 * When the session ends under a page (expired, or signed out in another tab), the API answers UNAUTHENTICATED.
 * Start over at sign-in with a full load, which also drops everything cached for the old session.
 */
const sessionEndedLink = new ErrorLink(({ error }) => {
  const unauthenticated =
    CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED');
  if (unauthenticated && window.location.pathname !== '/sign-in') window.location.assign('/sign-in');
});

/**
 * One client for the whole portal. Requests go to the same origin (the API serves the portal, and Vite proxies in
 * development), and the API's httpOnly session cookie rides along; the portal never sees or stores a token.
 */
export function createApolloClient(): ApolloClient {
  return new ApolloClient({
    link: ApolloLink.from([sessionEndedLink, new HttpLink({ uri: '/graphql', credentials: 'same-origin' })]),
    cache: new InMemoryCache(),
  });
}

export const apolloClient = createApolloClient();
