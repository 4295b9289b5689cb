import { WEBHOOK_EVENT_LABELS, WEBHOOK_EVENT_NAMES, WEBHOOK_EVENT_TYPES, webhookMessage } from '@csp/domain';
import type { Resolvers } from '../../generated/resolvers.js';
import { memberById } from '../accounts/index.js';
import {
  attemptsOfDelivery,
  endpointById,
  eventById,
  listDeliveries,
  replayDelivery,
  sendTestWebhook,
  signingSecretsOfEndpoint,
} from './deliveries.js';
import {
  createEndpoint,
  deleteEndpoint,
  findEndpoint,
  listEndpoints,
  rotateSecret,
  secretHint,
  updateEndpoint,
} from './endpoints.js';

export const resolvers: Resolvers = {
  Query: {
    webhookEndpoints: (_, args, context) => listEndpoints(context, args),
    webhookEndpoint: (_, { id }, context) => findEndpoint(context, id),
    webhookEventTypes: () =>
      WEBHOOK_EVENT_TYPES.map((type) => ({
        type,
        name: WEBHOOK_EVENT_NAMES[type],
        description: WEBHOOK_EVENT_LABELS[type],
      })),
  },
  Mutation: {
    createWebhookEndpoint: (_, { input }, context) => createEndpoint(context, input),
    updateWebhookEndpoint: (_, { input }, context) => updateEndpoint(context, input),
    deleteWebhookEndpoint: (_, { input }, context) => deleteEndpoint(context, input),
    rotateWebhookSecret: (_, { input }, context) => rotateSecret(context, input),
    replayWebhookDelivery: (_, { input }, context) => replayDelivery(context, input),
    sendTestWebhook: (_, { input }, context) => sendTestWebhook(context, input),
  },
  WebhookEndpoint: {
    secrets: (endpoint, _, context) => signingSecretsOfEndpoint(context).load(endpoint.id),
    createdBy: (endpoint, _, context) => memberById(context).load(endpoint.createdBy),
    deliveries: (endpoint, args, context) => listDeliveries(context, endpoint.id, args),
  },
  WebhookSecret: {
    hint: (secret) => secretHint(secret.secret),
  },
  WebhookDelivery: {
    event: async (delivery, _, context) => {
      const event = await eventById(context).load(delivery.eventId);
      if (!event) throw new Error(`The event of delivery ${delivery.id} is missing.`);
      return event;
    },
    endpoint: async (delivery, _, context) => {
      const endpoint = await endpointById(context).load(delivery.endpointId);
      if (!endpoint) throw new Error(`The endpoint of delivery ${delivery.id} is missing.`);
      return endpoint;
    },
    attempts: (delivery, _, context) => attemptsOfDelivery(context).load(delivery.id),
  },
  WebhookEvent: {
    type: (event) => WEBHOOK_EVENT_NAMES[event.type],
    body: (event) => webhookMessage(event.type, event.occurredAt, event.data),
  },
};
