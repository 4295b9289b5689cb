import {
  WebhookAttemptEntity,
  WebhookDeliveryEntity,
  WebhookEndpointEntity,
  WebhookEventEntity,
  WebhookSecretEntity,
} from './entities.js';
import { resolvers } from './resolvers.js';

/** What other modules, the demo and main.ts may use: nothing else in this folder is public. */
export { queueWebhookEvent } from './outbox.js';
export { startWebhookWorker, type WebhookWorker } from './worker.js';

export const webhooks = {
  name: 'webhooks',
  resolvers,
  entities: [
    WebhookEndpointEntity,
    WebhookSecretEntity,
    WebhookEventEntity,
    WebhookDeliveryEntity,
    WebhookAttemptEntity,
  ],
};
