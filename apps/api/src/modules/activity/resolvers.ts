import { In } from 'typeorm';
import type { Resolvers } from '../../generated/resolvers.js';
import { oneEach, perRequest } from '../../core/loaders.js';
import { memberById } from '../accounts/loaders.js';
import { ApiKeyEntity, type ApiKeyRow } from '../api-keys/entities.js';
import { listActivity } from './queries.js';

const apiKeyById = perRequest<string, ApiKeyRow | null>('apiKeyById', async (context, ids) => {
  const rows = await context.db.read((db) => db.getRepository(ApiKeyEntity).findBy({ id: In([...ids]) }));
  return oneEach(ids, rows, (row) => row.id);
});

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
