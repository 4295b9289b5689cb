import { In } from 'typeorm';
import { manyEach, oneEach, perRequest } from '../../core/loaders.js';
import { MemberEntity, type MemberRow } from '../accounts/index.js';
import { ClientEntity, type ClientRow } from './entities.js';

export const clientById = perRequest<string, ClientRow | null>('clientById', async (context, ids) => {
  const rows = await context.db.read((db) => db.getRepository(ClientEntity).findBy({ id: In([...ids]) }));
  return oneEach(ids, rows, (row) => row.id);
});

export const leadersOfClient = perRequest<string, MemberRow[]>(
  'leadersOfClient',
  async (context, clientIds) => {
    const rows = await context.db.read((db) =>
      db
        .getRepository(MemberEntity)
        .find({ where: { clientId: In([...clientIds]) }, order: { name: 'ASC' } }),
    );
    return manyEach(clientIds, rows, (row) => row.clientId ?? '');
  },
);
