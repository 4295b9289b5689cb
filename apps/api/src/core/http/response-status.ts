import type { ApolloServerPlugin } from '@apollo/server';
import Negotiator from 'negotiator';

const LEGACY_JSON = 'application/json; charset=utf-8';
const GRAPHQL_RESPONSE_JSON = 'application/graphql-response+json; charset=utf-8';

/**
 * The GraphQL-over-HTTP spec: a client that accepts only `application/json` may not understand 4xx answers to a
 * request that failed to parse, validate or coerce its variables, so those are sent with 200 (the errors are in the
 * body). Clients that accept `application/graphql-response+json` get the 4xx. Apollo Server picks the media type
 * after plugins run, so we pick it here the same way and pin it.
 */
export const graphqlOverHttpStatus: ApolloServerPlugin = {
  async requestDidStart({ request }) {
    const accept = request.http?.headers.get('accept');
    const mediaType = accept
      ? new Negotiator({ headers: { accept } }).mediaType([LEGACY_JSON, GRAPHQL_RESPONSE_JSON])
      : LEGACY_JSON;
    return {
      async willSendResponse({ response }) {
        if (!mediaType || response.body.kind !== 'single') return;
        response.http.headers.set('content-type', mediaType);
        const requestError = response.body.singleResult.data === undefined;
        if (mediaType === LEGACY_JSON && response.http.status === 400 && requestError)
          response.http.status = 200;
      },
    };
  },
};
