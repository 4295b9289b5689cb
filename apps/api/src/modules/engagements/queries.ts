import { type EngagementStatus } from '@csp/domain';
import type { RequestContext } from '../../core/context.js';
import { emptyConnection, keysetPage, pageWindow, type PageArgs } from '../../core/pagination.js';
import { isUuid } from '../../core/user-errors.js';
import { EngagementEntity, type EngagementRow } from './entities.js';

export interface EngagementFilter extends PageArgs {
  clientId?: string | null;
  status?: EngagementStatus | null;
}

export async function listEngagements(context: RequestContext, args: EngagementFilter) {
  const window = pageWindow(args, ['timestamp', 'uuid']);
  if (args.clientId && !isUuid(args.clientId)) return emptyConnection<EngagementRow>(window);
  return context.db.read(async (db) => {
    const filtered = () => {
      const query = db.getRepository(EngagementEntity).createQueryBuilder('e');
      if (args.clientId) query.andWhere('e.clientId = :clientId', { clientId: args.clientId });
      if (args.status) query.andWhere('e.status = :status', { status: args.status });
      return query;
    };
    return keysetPage(filtered, window, {
      by: ['e.createdAt', 'e.id'],
      direction: 'DESC',
      key: (e) => [e.createdAt.toISOString(), e.id],
    });
  });
}

export async function findEngagement(context: RequestContext, id: string) {
  if (!isUuid(id)) return null;
  return context.db.read((db) => db.getRepository(EngagementEntity).findOneBy({ id }));
}
