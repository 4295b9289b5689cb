import {
  WebhookAttemptEntity,
  WebhookDeliveryEntity,
  WebhookEndpointEntity,
  WebhookEventEntity,
  WebhookSecretEntity,
} from './entities.js';
import { resolvers } from './resolvers.js';

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
