import { graphql } from '../generated/gql';

export const WebhookEndpointFieldsFragment = graphql(`
  fragment WebhookEndpointFields on WebhookEndpoint {
    id
    url
    description
    events
    enabled
    disabledReason
    createdAt
    secrets {
      id
      hint
      createdAt
      expiresAt
    }
  }
`);

export const WebhookEndpointsQuery = graphql(`
  query WebhookEndpoints {
    webhookEndpoints(first: 50) {
      totalCount
      nodes {
        ...WebhookEndpointFields
      }
    }
  }
`);

/** One endpoint's deliveries, loaded on their own so the endpoint list stays well inside the query cost budget. */
export const WebhookDeliveriesQuery = graphql(`
  query WebhookDeliveries($endpointId: ID!, $status: WebhookDeliveryStatus) {
    webhookEndpoint(id: $endpointId) {
      id
      deliveries(first: 20, status: $status) {
        totalCount
        nodes {
          id
          status
          attemptCount
          nextAttemptAt
          lastAttemptAt
          lastResponseStatus
          deliveredAt
          replayOf
          createdAt
          event {
            id
            type
            occurredAt
          }
          attempts {
            number
            attemptedAt
            durationMs
            responseStatus
            responseBody
            error
          }
        }
      }
    }
  }
`);

export const CreateWebhookEndpointMutation = graphql(`
  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {
    createWebhookEndpoint(input: $input) {
      secret
      endpoint {
        ...WebhookEndpointFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const UpdateWebhookEndpointMutation = graphql(`
  mutation UpdateWebhookEndpoint($input: UpdateWebhookEndpointInput!) {
    updateWebhookEndpoint(input: $input) {
      endpoint {
        ...WebhookEndpointFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const DeleteWebhookEndpointMutation = graphql(`
  mutation DeleteWebhookEndpoint($input: DeleteWebhookEndpointInput!) {
    deleteWebhookEndpoint(input: $input) {
      removedEndpointId
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const RotateWebhookSecretMutation = graphql(`
  mutation RotateWebhookSecret($input: RotateWebhookSecretInput!) {
    rotateWebhookSecret(input: $input) {
      secret
      endpoint {
        ...WebhookEndpointFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const SendTestWebhookMutation = graphql(`
  mutation SendTestWebhook($input: SendTestWebhookInput!) {
    sendTestWebhook(input: $input) {
      delivery {
        id
        status
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const ReplayWebhookDeliveryMutation = graphql(`
  mutation ReplayWebhookDelivery($input: ReplayWebhookDeliveryInput!) {
    replayWebhookDelivery(input: $input) {
      delivery {
        id
        status
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
