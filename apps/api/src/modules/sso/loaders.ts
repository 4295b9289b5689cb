import { manyEach, oneEach, perRequest } from '../../core/loaders.js';
import {
  SsoConnectionEntity,
  SsoDomainEntity,
  type SsoConnectionRow,
  type SsoDomainRow,
} from './entities.js';

export const domainsOfConnection = perRequest<string, SsoDomainRow[]>(
  'ssoDomainsOfConnection',
  async (context, connectionIds) => {
    const rows = await context.db.read((db) =>
      db.rows(SsoDomainEntity, { connectionId: connectionIds }, [['domain', 'ASC']]),
    );
    return manyEach(connectionIds, rows, (row) => row.connectionId);
  },
);

export const connectionById = perRequest<string, SsoConnectionRow | null>(
  'ssoConnectionById',
  async (context, ids) => {
    const rows = await context.db.read((db) => db.rows(SsoConnectionEntity, { id: ids }));
    return oneEach(ids, rows, (row) => row.id);
  },
);
