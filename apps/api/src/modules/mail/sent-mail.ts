import type { RequestContext } from '../../core/context.js';
import { keysetPage, pageWindow, type PageArgs } from '../../core/pagination.js';
import { MailOutboxEntity, type MailStatus } from './entities.js';

export function listSentMail(context: RequestContext, args: PageArgs & { status?: MailStatus | null }) {
  const window = pageWindow(args, ['timestamp', 'uuid']);
  return context.db.read((db) =>
    keysetPage(
      () => {
        const query = db.getRepository(MailOutboxEntity).createQueryBuilder('m');
        if (args.status) query.andWhere('m.status = :status', { status: args.status });
        return query;
      },
      window,
      { by: ['m.queuedAt', 'm.id'], direction: 'DESC', key: (m) => [m.queuedAt.toISOString(), m.id] },
    ),
  );
}

/** Which way mail goes here, so the portal can say why every mail on its list is KEPT. */
export function mailDelivery(context: RequestContext) {
  return { mode: context.settings.mailDelivery };
}
