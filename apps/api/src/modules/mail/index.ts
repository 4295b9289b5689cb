import { MailOutboxEntity, MailSuppressionEntity } from './entities.js';
import { resolvers } from './resolvers.js';

/** What other modules, the demo and main.ts may use: nothing else in this folder is public. */
export { queueMail, type QueuedMail } from './outbox.js';
export { startMailWorker, type MailWorker } from './worker.js';

export const mail = {
  name: 'mail',
  resolvers,
  entities: [MailOutboxEntity, MailSuppressionEntity],
};
