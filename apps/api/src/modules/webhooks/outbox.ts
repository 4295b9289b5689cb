import { randomUUID } from 'node:crypto';
import type { TenantDb } from '../../core/tenancy/tenant-db.js';
import type { WebhookEventType } from '@csp/domain';
import type { WebhookEvent } from './events.js';

/**
 * Puts an event in the outbox, with one pending delivery per enabled endpoint subscribed to it, in the caller's
 * transaction: the event exists exactly when the change that caused it commits, and a receiver that is down or slow
 * can never delay or fail the mutation. Nothing is written when no endpoint listens. One statement either way.
 */
export async function queueWebhookEvent<T extends WebhookEventType>(
  db: TenantDb,
  event: WebhookEvent<T>,
): Promise<void> {
  await db.query(
    `WITH listening AS (
       SELECT id FROM webhook_endpoints WHERE tenant_id = $1 AND enabled AND $3 = ANY (events)
     ), event AS (
       INSERT INTO webhook_events (tenant_id, id, type, data, request_id)
       SELECT $1, $2, $3, $4, $5 WHERE EXISTS (SELECT 1 FROM listening)
       RETURNING tenant_id, id
     )
     INSERT INTO webhook_deliveries (tenant_id, id, event_id, endpoint_id, status, next_attempt_at)
     SELECT event.tenant_id, gen_random_uuid(), event.id, listening.id, 'PENDING', now()
       FROM event CROSS JOIN listening`,
    [event.tenantId, randomUUID(), event.type, JSON.stringify(event.data), event.requestId],
  );
}
