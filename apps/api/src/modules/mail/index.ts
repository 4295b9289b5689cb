import { MailOutboxEntity, MailSuppressionEntity } from './entities.js';
import { resolvers } from './resolvers.js';

/** What other modules, the demo and main.ts may use: nothing else in this folder is public. */
export { queueMail, recentlyMailed, type QueuedMail } from './outbox.js';
export { startMailWorker, mailLine, type MailWorker } from './worker.js';
export { queuePreTenantMail, preTenantMailJob, type PreTenantMail } from './pre-tenant-outbox.js';
export { latestMailTo } from './outbox.js';

export const mail = {
  name: 'mail',
  resolvers,
  entities: [MailOutboxEntity, MailSuppressionEntity],
};
