import { deliveryOutcome, webhookMessage, type WebhookEventType } from '@csp/domain';
import type { DataSource } from 'typeorm';
import { inTenant, startOutboxWorker, type OutboxWorker } from '../../core/outbox-worker.js';
import type { WebhookSettings } from '../../core/config.js';
import { logger } from '../../core/logger.js';
import { cancelPendingDeliveries } from './endpoints.js';
import { createSender, signedHeaders, type AttemptResult } from './sender.js';

interface ClaimedDelivery {
  tenantId: string;
  deliveryId: string;
}

interface DeliveryJob {
  status: string;
  attempt_count: number;
  endpoint_id: string;
  event_id: string;
  type: WebhookEventType | 'TEST';
  data: Record<string, unknown>;
  occurred_at: Date;
  url: string;
  enabled: boolean;
}

/** Claims and delivers what is due now (`runOnce`), on a timer when the settings say so. */
export type WebhookWorker = OutboxWorker;

/**
 * Delivers the webhook outbox on core's outbox loop (core/outbox-worker.ts: leased claims per consultancy, several
 * processes safe, `webhook_tenants_due` the one look-up across tenants). Delivery is therefore at least once, with
 * the same webhook-id each time; this file is what one attempt does and how it is recorded.
 */
export function startWebhookWorker(
  dataSource: DataSource,
  settings: WebhookSettings,
  random: () => number = Math.random,
): WebhookWorker {
  const send = createSender(settings);
  const leaseSeconds = Math.ceil(settings.timeoutMs / 1000) + 30;

  async function deliver({ tenantId, deliveryId }: ClaimedDelivery): Promise<void> {
    const loaded = await inTenant(dataSource, tenantId, async (db) => {
      const [job] = (await db.query(
        `SELECT d.status, d.attempt_count, d.endpoint_id, e.id AS event_id, e.type, e.data, e.occurred_at,
                w.url, w.enabled
           FROM webhook_deliveries d
           JOIN webhook_events e ON e.tenant_id = d.tenant_id AND e.id = d.event_id
           JOIN webhook_endpoints w ON w.tenant_id = d.tenant_id AND w.id = d.endpoint_id
          WHERE d.tenant_id = $1 AND d.id = $2`,
        [tenantId, deliveryId],
      )) as DeliveryJob[];
      if (!job || job.status !== 'PENDING') return null;
      if (!job.enabled) {
        await db.query(
          `UPDATE webhook_deliveries SET status = 'CANCELLED', next_attempt_at = NULL, locked_until = NULL
            WHERE tenant_id = $1 AND id = $2 AND status = 'PENDING'`,
          [tenantId, deliveryId],
        );
        return null;
      }
      const secrets = (await db.query(
        `SELECT secret FROM webhook_secrets
          WHERE tenant_id = $1 AND endpoint_id = $2 AND (expires_at IS NULL OR expires_at > now())
          ORDER BY created_at DESC`,
        [tenantId, job.endpoint_id],
      )) as { secret: string }[];
      return { job, secrets: secrets.map((row) => row.secret) };
    });
    if (!loaded) return;
    const { job, secrets } = loaded;
    const body = JSON.stringify(webhookMessage(job.type, new Date(job.occurred_at), job.data));
    const attemptedAt = new Date();
    const result = await send(job.url, signedHeaders(job.event_id, attemptedAt, body, secrets), body);
    await record(tenantId, deliveryId, job, attemptedAt, result);
  }

  async function record(
    tenantId: string,
    deliveryId: string,
    job: DeliveryJob,
    attemptedAt: Date,
    result: AttemptResult,
  ): Promise<void> {
    const attempt = job.attempt_count + 1;
    const outcome = deliveryOutcome(result.status, attempt, random());
    const status =
      outcome.kind === 'DELIVERED' ? 'DELIVERED' : outcome.kind === 'RETRY' ? 'PENDING' : 'FAILED';
    const nextAttemptAt = outcome.kind === 'RETRY' ? new Date(Date.now() + outcome.delayMs) : null;
    await inTenant(dataSource, tenantId, async (db) => {
      // Guarded by the attempt count: if this process's lease ran out and another process already recorded the
      // attempt, this late answer is dropped rather than counted twice.
      const [, updated] = (await db.query(
        `UPDATE webhook_deliveries
            SET status = $3, attempt_count = $2, next_attempt_at = $4, locked_until = NULL,
                last_attempt_at = $5, last_response_status = $6,
                delivered_at = CASE WHEN $3 = 'DELIVERED' THEN now() END
          WHERE tenant_id = $7 AND id = $1 AND status = 'PENDING' AND attempt_count = $2 - 1`,
        [deliveryId, attempt, status, nextAttemptAt, attemptedAt, result.status, tenantId],
      )) as [unknown, number];
      if (!updated) return;
      await db.query(
        `INSERT INTO webhook_attempts (tenant_id, delivery_id, number, attempted_at, duration_ms, response_status,
                                       response_body, error)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          tenantId,
          deliveryId,
          attempt,
          attemptedAt,
          result.durationMs,
          result.status,
          result.body,
          result.error,
        ],
      );
      if (outcome.kind === 'GONE') {
        await db.query(
          `UPDATE webhook_endpoints SET enabled = false, updated_at = now(),
                  disabled_reason = 'The endpoint answered 410 Gone on ' || to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') || ' UTC, so deliveries to it stopped.'
            WHERE tenant_id = $1 AND id = $2`,
          [tenantId, job.endpoint_id],
        );
        await cancelPendingDeliveries(db, job.endpoint_id);
      }
    });
    logger.info(
      { tenantId, deliveryId, attempt, responseStatus: result.status, outcome: outcome.kind },
      'webhook attempt',
    );
  }

  return startOutboxWorker(dataSource, {
    name: 'webhook',
    table: 'webhook_deliveries',
    tenantsDue: 'webhook_tenants_due',
    leaseSeconds,
    pollMs: settings.pollMs,
    poll: settings.worker,
    attempt: (tenantId, deliveryId) => deliver({ tenantId, deliveryId }),
  });
}
