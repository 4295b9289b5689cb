import { type AuditStatus } from '@csp/domain';
import type { RequestContext } from '../../core/context.js';
import { emptyConnection, keysetPage, pageWindow, type PageArgs } from '../../core/pagination.js';
import { isUuid } from '../../core/user-errors.js';
import { AuditEntity, type AuditRow } from './entities.js';

export interface AuditFilter extends PageArgs {
  clientId?: string | null;
  frameworkKey?: string | null;
  status?: AuditStatus | null;
}

/** Newest first by the date conducted; row-level security leaves client leaders their published audits only. */
export async function listAudits(context: RequestContext, args: AuditFilter) {
  const window = pageWindow(args, ['date', 'timestamp', 'uuid']);
  if (args.clientId && !isUuid(args.clientId)) {
    return emptyConnection<AuditRow>(window);
  }
  return context.db.read(async (db) => {
    const filtered = () => {
      const query = db.getRepository(AuditEntity).createQueryBuilder('a');
      if (args.clientId) query.andWhere('a.clientId = :clientId', { clientId: args.clientId });
      if (args.frameworkKey) query.andWhere('a.frameworkKey = :key', { key: args.frameworkKey });
      if (args.status) query.andWhere('a.status = :status', { status: args.status });
      return query;
    };
    return keysetPage(filtered, window, {
      by: ['a.conductedOn', 'a.createdAt', 'a.id'],
      direction: 'DESC',
      key: (a) => [a.conductedOn, a.createdAt.toISOString(), a.id],
    });
  });
}

export async function findAudit(context: RequestContext, id: string): Promise<AuditRow | null> {
  if (!isUuid(id)) return null;
  const [audit] = await context.db.read((db) => db.rows(AuditEntity, { id }));
  return audit ?? null;
}
