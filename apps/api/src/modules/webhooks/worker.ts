import { deliveryOutcome, webhookMessage, type WebhookEventType } from '@csp/domain';
import type { DataSource } from 'typeorm';
import { TenantDb } from '../../core/tenancy/tenant-db.js';
import type { WebhookSettings } from '../../core/config.js';
import { logger } from '../../core/logger.js';
import { cancelPendingDeliveries } from './endpoints.js';
import { createSender, signedHeaders, type AttemptResult } from './sender.js';

const BATCH = 20;

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
 *
 * A round first asks which consultancies have deliveries due (`webhook_tenants_due`, the one look-up that crosses
 * tenants, see core/tenancy/cross-tenant-statements.ts), then claims in each consultancy's own transaction with
 * its tenant in the WHERE, a share of the batch each, so one busy consultancy does not hold up the others' and, on
 * Citus, each claim runs on the one worker that holds that consultancy.
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

  function inTenant<T>(tenantId: string, work: (db: TenantDb) => Promise<T>): Promise<T> {
    return dataSource.transaction(async (db) => {
      await db.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
      return work(new TenantDb(db, tenantId));
    });
  }

  async function deliver({ tenantId, deliveryId }: ClaimedDelivery): Promise<void> {
    const loaded = await inTenant(tenantId, async (db) => {
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
    await inTenant(tenantId, async (db) => {
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

  /** Leases up to `limit` of one consultancy's due deliveries, oldest first. */
  function claim(tenantId: string, limit: number): Promise<ClaimedDelivery[]> {
    return inTenant(tenantId, async (db) => {
      const rows = (await db.query(
        `UPDATE webhook_deliveries d
            SET locked_until = now() + make_interval(secs => $3)
           FROM (SELECT w.id FROM webhook_deliveries w
                  WHERE w.tenant_id = $1 AND w.status = 'PENDING' AND w.next_attempt_at <= now()
                    AND (w.locked_until IS NULL OR w.locked_until <= now())
                  ORDER BY w.next_attempt_at
                  LIMIT $2
                  FOR UPDATE SKIP LOCKED) due
          WHERE d.tenant_id = $1 AND d.id = due.id
         RETURNING d.id`,
        [tenantId, limit, leaseSeconds],
      )) as [{ id: string }[], number];
      return rows[0].map((row) => ({ tenantId, deliveryId: row.id }));
    });
  }

  let fullRound = false;
  async function runOnce(): Promise<number> {
    const tenants = (await dataSource.query('SELECT tenant_id FROM webhook_tenants_due($1)', [BATCH])) as {
      tenant_id: string;
    }[];
    const share = Math.max(1, Math.floor(BATCH / Math.max(tenants.length, 1)));
    const claimed: ClaimedDelivery[] = [];
    fullRound = false;
    for (const { tenant_id: tenantId } of tenants) {
      const mine = await claim(tenantId, share);
      fullRound ||= mine.length === share;
      claimed.push(...mine);
    }
    await Promise.all(
      claimed.map((delivery) =>
        deliver(delivery).catch((error: unknown) => {
          // The lease stays: the delivery is tried again when it runs out.
          logger.warn(
            { err: error, deliveryId: delivery.deliveryId },
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
      // A consultancy that filled its share may have more due: go again at once.
      void running.then(() => schedule(fullRound ? 0 : settings.pollMs));
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
