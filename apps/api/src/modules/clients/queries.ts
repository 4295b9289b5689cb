import { type ClientStatus, type Industry } from '@csp/domain';
import type { RequestContext } from '../../core/context.js';
import { keysetPage, pageWindow, type PageArgs } from '../../core/pagination.js';
import { isUuid } from '../../core/user-errors.js';
import { ClientEntity, type ClientRow } from './entities.js';

export interface ClientFilter extends PageArgs {
  status?: ClientStatus | null;
  industry?: Industry | null;
  search?: string | null;
}

/** Clients by name. Row-level security already limits a client leader to their own organisation. */
export async function listClients(context: RequestContext, args: ClientFilter) {
  const window = pageWindow(args, ['text', 'uuid']);
  return context.db.read(async (db) => {
    const filtered = () => {
      const query = db.getRepository(ClientEntity).createQueryBuilder('c');
      if (args.status) query.andWhere('c.status = :status', { status: args.status });
      if (args.industry) query.andWhere('c.industry = :industry', { industry: args.industry });
      const search = args.search?.trim();
      if (search) query.andWhere('c.name ILIKE :search', { search: `%${escapeLike(search)}%` });
      return query;
    };
    return keysetPage(filtered, window, {
      by: ['c.name', 'c.id'],
      direction: 'ASC',
      key: (c) => [c.name, c.id],
    });
  });
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export async function findClient(context: RequestContext, id: string): Promise<ClientRow | null> {
  if (!isUuid(id)) return null;
  return context.db.read((db) => db.getRepository(ClientEntity).findOneBy({ id }));
}
