import { oneEach, perRequest } from '../../core/loaders.js';
import { ClientEntity, type ClientRow } from './entities.js';

export const clientById = perRequest<string, ClientRow | null>('clientById', async (context, ids) => {
  const rows = await context.db.read((db) => db.rows(ClientEntity, { id: ids }));
  return oneEach(ids, rows, (row) => row.id);
});
