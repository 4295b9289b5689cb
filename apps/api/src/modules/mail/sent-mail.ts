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

const MASK = '[hidden]';

/**
 * The text as admins may read it: every secret of the mail (an invitation's token) masked. The stored body keeps
 * them, since it is what the worker sends; masking here, on the way out, is the one place the list reads it.
 */
export function textForAdmins(mail: { text: string; secrets: readonly string[] }): string {
  return mail.secrets.reduce((text, secret) => text.split(secret).join(MASK), mail.text);
}
