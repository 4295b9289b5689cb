import { apiKeyStatus } from '@csp/domain';
import type { Resolvers } from '../../generated/resolvers.js';
import { memberById } from '../accounts/index.js';
import { clientById } from '../clients/index.js';
import { createApiKey } from './create-api-key.js';
import { listApiKeys } from './queries.js';
import { revokeApiKey } from './revoke-api-key.js';

export const resolvers: Resolvers = {
  Query: {
    apiKeys: (_, __, context) => listApiKeys(context),
  },
  Mutation: {
    createApiKey: (_, { input }, context) =>
      createApiKey(context, {
        ...input,
        expiresAt: input.expiresAt ? new Date(input.expiresAt) : input.expiresAt,
      }),
    revokeApiKey: (_, { input }, context) => revokeApiKey(context, input),
  },
  ApiKey: {
    prefix: () => 'csp_',
    status: (apiKey) => apiKeyStatus(apiKey),
    client: (apiKey, _, context) => (apiKey.clientId ? clientById(context).load(apiKey.clientId) : null),
    createdBy: (apiKey, _, context) => memberById(context).load(apiKey.createdBy),
  },
};
