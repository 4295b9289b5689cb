import type { Connection } from '../../core/pagination.js';
import type {
  WebhookAttemptRow,
  WebhookDeliveryRow,
  WebhookEndpointRow,
  WebhookEventRow,
  WebhookSecretRow,
} from './entities.js';

/**
 * What this module's GraphQL types resolve from: `<GraphQLType>Mapper`, picked up by name by codegen.ts (no list to
 * keep). A type that resolves straight from a table row is an alias of the row (`<Entity>Row`, entities.ts).
 */
export type WebhookEndpointMapper = WebhookEndpointRow;
export type WebhookSecretMapper = WebhookSecretRow;
export type WebhookEventMapper = WebhookEventRow;
export type WebhookDeliveryMapper = WebhookDeliveryRow;
export type WebhookAttemptMapper = WebhookAttemptRow;
export type WebhookEndpointConnectionMapper = Connection<WebhookEndpointRow>;
export type WebhookDeliveryConnectionMapper = Connection<WebhookDeliveryRow>;
