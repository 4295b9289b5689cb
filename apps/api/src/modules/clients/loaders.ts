import { In } from 'typeorm';
import { oneEach, perRequest } from '../../core/loaders.js';
import { ClientEntity, type ClientRow } from './entities.js';

export const clientById = perRequest<string, ClientRow | null>('clientById', async (context, ids) => {
  const rows = await context.db.read((db) => db.getRepository(ClientEntity).findBy({ id: In([...ids]) }));
  return oneEach(ids, rows, (row) => row.id);
});
