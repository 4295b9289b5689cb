import { EntitySchema } from 'typeorm';
import type { WebhookEventType } from '@csp/domain';

export interface WebhookEndpointRow {
  tenantId: string;
  id: string;
  url: string;
  description: string | null;
  events: WebhookEventType[];
  enabled: boolean;
  disabledReason: string | null;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

export const WebhookEndpointEntity = new EntitySchema<WebhookEndpointRow>({
  name: 'WebhookEndpoint',
  tableName: 'webhook_endpoints',
  columns: {
    tenantId: { type: 'uuid', primary: true, name: 'tenant_id' },
    id: { type: 'uuid', primary: true },
    url: { type: 'text' },
    description: { type: 'text', nullable: true },
    events: { type: 'text', array: true },
    enabled: { type: 'boolean' },
    disabledReason: { type: 'text', name: 'disabled_reason', nullable: true },
    createdBy: { type: 'uuid', name: 'created_by' },
    createdAt: { type: 'timestamptz', name: 'created_at' },
    updatedAt: { type: 'timestamptz', name: 'updated_at' },
  },
});

export interface WebhookSecretRow {
  tenantId: string;
  id: string;
  endpointId: string;
  secret: string;
  createdAt: Date;
  expiresAt: Date | null;
}

export const WebhookSecretEntity = new EntitySchema<WebhookSecretRow>({
  name: 'WebhookSecret',
  tableName: 'webhook_secrets',
  columns: {
    tenantId: { type: 'uuid', primary: true, name: 'tenant_id' },
    id: { type: 'uuid', primary: true },
    endpointId: { type: 'uuid', name: 'endpoint_id' },
    secret: { type: 'text' },
    createdAt: { type: 'timestamptz', name: 'created_at' },
    expiresAt: { type: 'timestamptz', name: 'expires_at', nullable: true },
  },
});

export interface WebhookEventRow {
  tenantId: string;
  id: string;
  /** A WebhookEventType, or TEST for a test delivery. */
  type: WebhookEventType | 'TEST';
  data: Record<string, unknown>;
  occurredAt: Date;
  requestId: string | null;
}

export const WebhookEventEntity = new EntitySchema<WebhookEventRow>({
  name: 'WebhookEvent',
  tableName: 'webhook_events',
  columns: {
    tenantId: { type: 'uuid', primary: true, name: 'tenant_id' },
    id: { type: 'uuid', primary: true },
    type: { type: 'text' },
    data: { type: 'jsonb' },
    occurredAt: { type: 'timestamptz', name: 'occurred_at' },
    requestId: { type: 'text', name: 'request_id', nullable: true },
  },
});

export type WebhookDeliveryStatus = 'PENDING' | 'DELIVERED' | 'FAILED' | 'CANCELLED';

export interface WebhookDeliveryRow {
  tenantId: string;
  id: string;
  eventId: string;
  endpointId: string;
  status: WebhookDeliveryStatus;
  attemptCount: number;
  nextAttemptAt: Date | null;
  lockedUntil: Date | null;
  lastAttemptAt: Date | null;
  lastResponseStatus: number | null;
  deliveredAt: Date | null;
  replayOf: string | null;
  createdAt: Date;
}

export const WebhookDeliveryEntity = new EntitySchema<WebhookDeliveryRow>({
  name: 'WebhookDelivery',
  tableName: 'webhook_deliveries',
  columns: {
    tenantId: { type: 'uuid', primary: true, name: 'tenant_id' },
    id: { type: 'uuid', primary: true },
    eventId: { type: 'uuid', name: 'event_id' },
    endpointId: { type: 'uuid', name: 'endpoint_id' },
    status: { type: 'text' },
    attemptCount: { type: 'int', name: 'attempt_count' },
    nextAttemptAt: { type: 'timestamptz', name: 'next_attempt_at', nullable: true },
    lockedUntil: { type: 'timestamptz', name: 'locked_until', nullable: true },
    lastAttemptAt: { type: 'timestamptz', name: 'last_attempt_at', nullable: true },
    lastResponseStatus: { type: 'int', name: 'last_response_status', nullable: true },
    deliveredAt: { type: 'timestamptz', name: 'delivered_at', nullable: true },
    replayOf: { type: 'uuid', name: 'replay_of', nullable: true },
    createdAt: { type: 'timestamptz', name: 'created_at' },
  },
});

export interface WebhookAttemptRow {
  tenantId: string;
  deliveryId: string;
  number: number;
  attemptedAt: Date;
  durationMs: number;
  responseStatus: number | null;
  responseBody: string | null;
  error: string | null;
}

export const WebhookAttemptEntity = new EntitySchema<WebhookAttemptRow>({
  name: 'WebhookAttempt',
  tableName: 'webhook_attempts',
  columns: {
    tenantId: { type: 'uuid', primary: true, name: 'tenant_id' },
    deliveryId: { type: 'uuid', primary: true, name: 'delivery_id' },
    number: { type: 'int', primary: true },
    attemptedAt: { type: 'timestamptz', name: 'attempted_at' },
    durationMs: { type: 'int', name: 'duration_ms' },
    responseStatus: { type: 'int', name: 'response_status', nullable: true },
    responseBody: { type: 'text', name: 'response_body', nullable: true },
    error: { type: 'text', nullable: true },
  },
});
