import { In } from 'typeorm';
import { manyEach, oneEach, perRequest } from '../../core/loaders.js';
import { CharterEntity, CharterVersionEntity, type CharterRow, type CharterVersionRow } from './entities.js';

export const charterOfClient = perRequest<string, CharterRow | null>(
  'charterOfClient',
  async (context, clientIds) => {
    const rows = await context.db.read((db) =>
      db.getRepository(CharterEntity).findBy({ clientId: In([...clientIds]) }),
    );
    return oneEach(clientIds, rows, (row) => row.clientId);
  },
);

export const charterById = perRequest<string, CharterRow | null>('charterById', async (context, ids) => {
  const rows = await context.db.read((db) => db.getRepository(CharterEntity).findBy({ id: In([...ids]) }));
  return oneEach(ids, rows, (row) => row.id);
});

export const charterVersionById = perRequest<string, CharterVersionRow | null>(
  'charterVersionById',
  async (context, ids) => {
    const rows = await context.db.read((db) =>
      db.getRepository(CharterVersionEntity).findBy({ id: In([...ids]) }),
    );
    return oneEach(ids, rows, (row) => row.id);
  },
);

/** Newest first. Row-level security leaves only published versions for client leaders. */
export const versionsOfCharter = perRequest<string, CharterVersionRow[]>(
  'versionsOfCharter',
  async (context, charterIds) => {
    const rows = await context.db.read((db) =>
      db.getRepository(CharterVersionEntity).find({
        where: { charterId: In([...charterIds]) },
        order: { number: 'DESC' },
      }),
    );
    return manyEach(charterIds, rows, (row) => row.charterId);
  },
);

export const draftOfCharter = perRequest<string, CharterVersionRow | null>(
  'draftOfCharter',
  async (context, charterIds) => {
    const rows = await context.db.read((db) =>
      db.getRepository(CharterVersionEntity).findBy({ charterId: In([...charterIds]), status: 'DRAFT' }),
    );
    return oneEach(charterIds, rows, (row) => row.charterId);
  },
);

/** The newest published version of each charter: the one in force. */
export const publishedOfCharter = perRequest<string, CharterVersionRow | null>(
  'publishedOfCharter',
  async (context, charterIds) => {
    const rows = await context.db.read((db) =>
      db
        .getRepository(CharterVersionEntity)
        .createQueryBuilder('v')
        .distinctOn(['v.charterId'])
        .andWhere('v.charterId IN (:...charterIds)', { charterIds: [...charterIds] })
        .andWhere(`v.status = 'PUBLISHED'`)
        .orderBy('v.charterId')
        .addOrderBy('v.number', 'DESC')
        .getMany(),
    );
    return oneEach(charterIds, rows, (row) => row.charterId);
  },
);
