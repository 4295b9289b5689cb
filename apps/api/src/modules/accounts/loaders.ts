import { In } from 'typeorm';
import { manyEach, oneEach, perRequest } from '../../core/loaders.js';
import { ConsultancyEntity, MemberEntity, type ConsultancyRow, type MemberRow } from './entities.js';

export const memberById = perRequest<string, MemberRow | null>('memberById', async (context, ids) => {
  const rows = await context.db.read((db) => db.rows(MemberEntity, { id: ids }));
  return oneEach(ids, rows, (row) => row.id);
});

export const consultancyOf = perRequest<string, ConsultancyRow | null>(
  'consultancy',
  async (context, ids) => {
    const rows = await context.db.read((db) =>
      db.getRepository(ConsultancyEntity).findBy({ tenantId: In([...ids]) }),
    );
    return oneEach(ids, rows, (row) => row.tenantId);
  },
);

/** The client leaders of each client, by name. */
export const leadersOfClient = perRequest<string, MemberRow[]>(
  'leadersOfClient',
  async (context, clientIds) => {
    const rows = await context.db.read((db) =>
      db.rows(MemberEntity, { clientId: clientIds }, [['name', 'ASC']]),
    );
    const current = rows.filter((row) => !row.removedAt);
    return manyEach(clientIds, current, (row) => row.clientId ?? '');
  },
);
