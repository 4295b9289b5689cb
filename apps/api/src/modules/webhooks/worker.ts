import { deliveryOutcome, webhookMessage, type WebhookEventType } from '@csp/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { logger } from '../../core/logger.js';
import { cancelPendingDeliveries } from './endpoints.js';
import { createSender, signedHeaders, type AttemptResult } from './sender.js';

export interface WebhookSettings {
  /** Operator setting (WEBHOOKS_ALLOW_PRIVATE_ADDRESSES): lets endpoints point at loopback and private networks. */
  allowPrivateAddresses: boolean;
  /** Whether this process delivers (WEBHOOK_WORKER); API processes that should only serve can turn it off. */
  worker: boolean;
  pollMs: number;
  timeoutMs: number;
}

export const DEFAULT_WEBHOOK_SETTINGS: WebhookSettings = {
  allowPrivateAddresses: false,
  worker: true,
  pollMs: 2000,
  timeoutMs: 10_000,
};

const BATCH = 20;

interface ClaimedDelivery {
  tenant_id: string;
  delivery_id: string;
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

export interface WebhookWorker {
  /** Claims and delivers what is due now; returns how many deliveries it attempted. */
  runOnce(): Promise<number>;
  /** Stops polling and waits for the attempts in flight to be recorded. */
  stop(): Promise<void>;
}

/**
 * Delivers the outbox. Every API process may run one: claims are leased with SKIP LOCKED, so processes share the
 * work, and a delivery whose process died mid-attempt is claimed again when its lease runs out. Delivery is
 * therefore at least once, with the same webhook-id each time.
 */
export function startWebhookWorker(
  dataSource: DataSource,
  settings: WebhookSettings,
  random: () => number = Math.random,
): WebhookWorker {
  const send = createSender(settings);
  const leaseSeconds = Math.ceil(settings.timeoutMs / 1000) + 30;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> = Promise.resolve(0);

  function inTenant<T>(tenantId: string, work: (db: EntityManager) => Promise<T>): Promise<T> {
    return dataSource.transaction(async (db) => {
      await db.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
      return work(db);
    });
  }

  async function deliver({ tenant_id: tenantId, delivery_id: deliveryId }: ClaimedDelivery): Promise<void> {
    const loaded = await inTenant(tenantId, async (db) => {
      const [job] = (await db.query(
        `SELECT d.status, d.attempt_count, d.endpoint_id, e.id AS event_id, e.type, e.data, e.occurred_at,
                w.url, w.enabled
           FROM webhook_deliveries d
           JOIN webhook_events e ON e.tenant_id = d.tenant_id AND e.id = d.event_id
           JOIN webhook_endpoints w ON w.tenant_id = d.tenant_id AND w.id = d.endpoint_id
          WHERE d.id = $1`,
        [deliveryId],
      )) as DeliveryJob[];
      if (!job || job.status !== 'PENDING') return null;
      if (!job.enabled) {
        await db.query(
          `UPDATE webhook_deliveries SET status = 'CANCELLED', next_attempt_at = NULL, locked_until = NULL
            WHERE id = $1 AND status = 'PENDING'`,
          [deliveryId],
        );
        return null;
      }
      const secrets = (await db.query(
        `SELECT secret FROM webhook_secrets
          WHERE endpoint_id = $1 AND (expires_at IS NULL OR expires_at > now()) ORDER BY created_at DESC`,
        [job.endpoint_id],
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
    await inTenant(tenantId, async (db) => {
      // Guarded by the attempt count: if this process's lease ran out and another process already recorded the
      // attempt, this late answer is dropped rather than counted twice.
      const [, updated] = (await db.query(
        `UPDATE webhook_deliveries
            SET status = $3, attempt_count = $2, next_attempt_at = $4, locked_until = NULL,
                last_attempt_at = $5, last_response_status = $6,
                delivered_at = CASE WHEN $3 = 'DELIVERED' THEN now() END
          WHERE id = $1 AND status = 'PENDING' AND attempt_count = $2 - 1`,
        [deliveryId, attempt, status, nextAttemptAt, attemptedAt, result.status],
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
            WHERE id = $1`,
          [job.endpoint_id],
        );
        await cancelPendingDeliveries(db, job.endpoint_id);
      }
    });
    logger.info(
      { tenantId, deliveryId, attempt, responseStatus: result.status, outcome: outcome.kind },
      'webhook attempt',
    );
  }

  async function runOnce(): Promise<number> {
    const claimed = (await dataSource.query(
      'SELECT tenant_id, delivery_id FROM claim_webhook_deliveries($1, $2)',
      [BATCH, leaseSeconds],
    )) as ClaimedDelivery[];
    await Promise.all(
      claimed.map((delivery) =>
        deliver(delivery).catch((error: unknown) => {
          // The lease stays: the delivery is tried again when it runs out.
          logger.warn(
            { err: error, deliveryId: delivery.delivery_id },
            'webhook delivery could not be recorded',
          );
        }),
      ),
    );
    return claimed.length;
  }

  function schedule(delayMs: number) {
    if (stopped) return;
    timer = setTimeout(() => {
      running = runOnce().catch((error: unknown) => {
        logger.warn({ err: error }, 'webhook worker could not claim deliveries');
        return 0;
      });
      void running.then((count) => schedule(count === BATCH ? 0 : settings.pollMs));
    }, delayMs);
    timer.unref();
  }

  if (settings.worker) schedule(0);

  return {
    runOnce,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
