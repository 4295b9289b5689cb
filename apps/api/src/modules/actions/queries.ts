import { type ActionStatus } from '@csp/domain';
import type { RequestContext } from '../../core/context.js';
import { emptyConnection, lazyConnection, pageWindow, type PageArgs } from '../../core/pagination.js';
import { manyAndTotalOf, manyOf } from '../../core/tenancy/lean-rows.js';
import { isUuid } from '../../core/user-errors.js';
import { requireActor } from '../../core/auth/viewer.js';
import { ActionEntity, type ActionRow } from './entities.js';

export interface ActionFilter extends PageArgs {
  clientId?: string | null;
  ownerId?: string | null;
  mine?: boolean | null;
  status?: ActionStatus | null;
  overdue?: boolean | null;
}

/** Soonest due first, undated last: the order a person works through them. */
export async function listActions(context: RequestContext, args: ActionFilter, today: string) {
  const window = pageWindow(args, ['date or null', 'uuid']);
  const viewer = requireActor(context.viewer);
  const ownerId = args.mine ? viewer.memberId : args.ownerId;
  if ((args.clientId && !isUuid(args.clientId)) || (ownerId && !isUuid(ownerId))) {
    return emptyConnection<ActionRow>(window);
  }
  return context.db.read(async (db) => {
    const filtered = () => {
      const query = db.getRepository(ActionEntity).createQueryBuilder('a');
      if (args.clientId) query.andWhere('a.clientId = :clientId', { clientId: args.clientId });
      if (ownerId) query.andWhere('a.ownerId = :ownerId', { ownerId });
      if (args.status) query.andWhere('a.status = :status', { status: args.status });
      if (args.overdue) query.andWhere(`a.status <> 'DONE' AND a.dueOn < :today`, { today });
      return query;
    };
    return lazyConnection<ActionRow>(window, (a) => [a.dueOn, a.id], {
      page: async (withTotal) => {
        const page = filtered();
        if (window.after) {
          const [dueOn, id] = window.after;
          if (dueOn === null) page.andWhere('a.dueOn IS NULL AND a.id > :id', { id });
          else {
            page.andWhere('(a.dueOn > :dueOn OR (a.dueOn = :dueOn AND a.id > :id) OR a.dueOn IS NULL)', {
              dueOn,
              id,
            });
          }
        }
        page
          .orderBy('a.dueOn', 'ASC', 'NULLS LAST')
          .addOrderBy('a.id', 'ASC')
          .limit(window.limit + 1);
        if (withTotal) return manyAndTotalOf(page);
        return { rows: await manyOf(page), total: null };
      },
      count: () => filtered().getCount(),
    });
  });
}

export async function findAction(context: RequestContext, id: string) {
  if (!isUuid(id)) return null;
  return context.db.read((db) => db.getRepository(ActionEntity).findOneBy({ id }));
}
