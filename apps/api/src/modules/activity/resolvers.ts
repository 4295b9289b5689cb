import type { Resolvers } from '../../generated/resolvers.js';
import { memberById } from '../accounts/index.js';
import { apiKeyById } from '../api-keys/index.js';
import { listActivity } from './queries.js';

export const resolvers: Resolvers = {
  Query: {
    activity: (_, args, context) => listActivity(context, args),
  },
  ActivityEntry: {
    actor: (entry, _, context) =>
      entry.actorMemberId ? memberById(context).load(entry.actorMemberId) : null,
    apiKey: (entry, _, context) =>
      entry.actorApiKeyId ? apiKeyById(context).load(entry.actorApiKeyId) : null,
  },
};
