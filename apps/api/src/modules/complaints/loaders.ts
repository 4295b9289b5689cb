import { In } from 'typeorm';
import { manyEach, oneEach, perRequest } from '../../core/loaders.js';
import { publishedPromisesOfClients } from '../charters/index.js';
import {
  ComplaintCategoryEntity,
  ComplaintEntity,
  type ComplaintCategoryRow,
  type ComplaintRow,
} from './entities.js';

export const complaintById = perRequest<string, ComplaintRow | null>(
  'complaintById',
  async (context, ids) => {
    const rows = await context.db.read((db) =>
      db.getRepository(ComplaintEntity).findBy({ id: In([...ids]) }),
    );
    return oneEach(ids, rows, (row) => row.id);
  },
);

export const complaintCategoryById = perRequest<string, ComplaintCategoryRow | null>(
  'complaintCategoryById',
  async (context, ids) => {
    const rows = await context.db.read((db) =>
      db.getRepository(ComplaintCategoryEntity).findBy({ id: In([...ids]) }),
    );
    return oneEach(ids, rows, (row) => row.id);
  },
);

/** Each client's categories (archived ones too), by name. */
export const categoriesOfClient = perRequest<string, ComplaintCategoryRow[]>(
  'complaintCategoriesOfClient',
  async (context, clientIds) => {
    const rows = await context.db.read((db) =>
      db.getRepository(ComplaintCategoryEntity).find({
        where: { clientId: In([...clientIds]) },
        order: { name: 'ASC', id: 'ASC' },
      }),
    );
    return manyEach(clientIds, rows, (row) => row.clientId);
  },
);

/** The title of a complaint's broken promise in its client's charter in force, by `<clientId> <promiseKey>`. */
export const promiseTitleOf = perRequest<string, string | null>(
  'complaintPromiseTitle',
  async (context, keys) => {
    const clientIds = [...new Set(keys.map((key) => key.split(' ')[0]!))];
    const charters = await publishedPromisesOfClients(context, clientIds);
    return keys.map((key) => {
      const [clientId, promiseKey] = key.split(' ');
      const charter = charters.find((c) => c.clientId === clientId);
      return charter?.promises.find((p) => p.key === promiseKey)?.title ?? null;
    });
  },
);
