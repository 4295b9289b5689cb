import type { ComplaintSeverity } from '@csp/domain';
import type { RequestContext } from '../../core/context.js';
import { emptyConnection, keysetPage, pageWindow, type PageArgs } from '../../core/pagination.js';
import { isUuid } from '../../core/user-errors.js';
import { ComplaintEntity, type ComplaintRow } from './entities.js';
import { complaintById } from './loaders.js';

export interface ComplaintFilter extends PageArgs {
  categoryId?: string | null;
  touchPointId?: string | null;
  severity?: ComplaintSeverity | null;
  status?: 'OPEN' | 'RESOLVED' | null;
  receivedFrom?: Date | string | null;
  receivedBefore?: Date | string | null;
}

/** Null for an unknown id, another consultancy's, and another client's for a leader or a fenced key alike. */
export async function findComplaint(context: RequestContext, id: string) {
  if (!isUuid(id)) return null;
  return complaintById(context).load(id);
}

/** A client's complaint log, newest first (received at, then id), keyset-paged on the log's index. */
export async function complaintsOfClient(context: RequestContext, clientId: string, args: ComplaintFilter) {
  const window = pageWindow(args, ['timestamp', 'uuid']);
  if ((args.categoryId && !isUuid(args.categoryId)) || (args.touchPointId && !isUuid(args.touchPointId))) {
    return emptyConnection<ComplaintRow>(window);
  }
  return context.db.read((db) =>
    keysetPage(
      () => {
        const query = db
          .getRepository(ComplaintEntity)
          .createQueryBuilder('c')
          .andWhere('c.clientId = :clientId', { clientId });
        if (args.categoryId) query.andWhere('c.categoryId = :categoryId', { categoryId: args.categoryId });
        if (args.touchPointId)
          query.andWhere('c.touchPointId = :touchPointId', { touchPointId: args.touchPointId });
        if (args.severity) query.andWhere('c.severity = :severity', { severity: args.severity });
        if (args.status === 'OPEN') query.andWhere('c.resolvedAt IS NULL');
        if (args.status === 'RESOLVED') query.andWhere('c.resolvedAt IS NOT NULL');
        if (args.receivedFrom) query.andWhere('c.receivedAt >= :from', { from: args.receivedFrom });
        if (args.receivedBefore) query.andWhere('c.receivedAt < :before', { before: args.receivedBefore });
        return query;
      },
      window,
      {
        by: ['c.receivedAt', 'c.id'],
        direction: 'DESC',
        key: (c) => [c.receivedAt.toISOString(), c.id],
      },
    ),
  );
}
