import type { RequestContext } from '../../core/context.js';
import { emptyConnection, keysetPage, pageWindow, type PageArgs } from '../../core/pagination.js';
import { isUuid } from '../../core/user-errors.js';
import { ActivityEntity, type ActivityRow } from './entities.js';

export interface ActivityFilter extends PageArgs {
  actorId?: string | null;
  apiKeyId?: string | null;
  action?: string | null;
  objectId?: string | null;
  from?: Date | string | null;
  to?: Date | string | null;
}

export async function listActivity(context: RequestContext, args: ActivityFilter) {
  const window = pageWindow(args, ['timestamp', 'uuid']);
  const ids = [args.actorId, args.apiKeyId, args.objectId].filter(Boolean);
  if (ids.some((id) => !isUuid(id))) return emptyConnection<ActivityRow>(window);
  return context.db.read(async (db) => {
    const filtered = () => {
      const query = db.getRepository(ActivityEntity).createQueryBuilder('t');
      if (args.actorId) query.andWhere('t.actorMemberId = :actorId', { actorId: args.actorId });
      if (args.apiKeyId) query.andWhere('t.actorApiKeyId = :apiKeyId', { apiKeyId: args.apiKeyId });
      if (args.action) query.andWhere('t.action = :action', { action: args.action });
      if (args.objectId) query.andWhere('t.objectId = :objectId', { objectId: args.objectId });
      if (args.from) query.andWhere('t.occurredAt >= :from', { from: new Date(args.from) });
      if (args.to) query.andWhere('t.occurredAt < :to', { to: new Date(args.to) });
      return query;
    };
    return keysetPage(filtered, window, {
      by: ['t.occurredAt', 't.id'],
      direction: 'DESC',
      key: (t) => [t.occurredAt.toISOString(), t.id],
    });
  });
}
