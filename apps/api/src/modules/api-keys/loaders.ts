import { In } from 'typeorm';
import { oneEach, perRequest } from '../../core/loaders.js';
import { ApiKeyEntity, type ApiKeyRow } from './entities.js';

export const apiKeyById = perRequest<string, ApiKeyRow | null>('apiKeyById', async (context, ids) => {
  const rows = await context.db.read((db) => db.getRepository(ApiKeyEntity).findBy({ id: In([...ids]) }));
  return oneEach(ids, rows, (row) => row.id);
});
