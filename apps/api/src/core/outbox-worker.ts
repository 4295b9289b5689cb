import type { DataSource } from 'typeorm';
import { logger } from './logger.js';
import { serialised } from './tenancy/request-database.js';
import { TenantDb } from './tenancy/tenant-db.js';

const BATCH = 20;

/**
 * An outbox a worker drains: rows with `status = 'PENDING'`, `next_attempt_at` and `locked_until`, claimed per
 * consultancy. The webhook deliveries and the mail outbox are two of these; what an item's attempt does is theirs.
 */
export interface LeasedOutbox {
  /** For log lines: "webhook", "mail". */
  name: string;
  /** The table of items; its rows are claimed by `id` within their tenant. */
  table: string;
  /** The SECURITY DEFINER function naming the consultancies with items due (core/tenancy/cross-tenant-statements.ts). */
  tenantsDue: string;
  leaseSeconds: number;
  pollMs: number;
  /** Poll on a timer; off, only `runOnce` drains (tests, or MAIL_WORKER=off). */
  poll: boolean;
  /** One attempt of one claimed item. A throw leaves its lease, so it is tried again when the lease runs out. */
  attempt(tenantId: string, id: string): Promise<void>;
  /**
   * Items that belong to no consultancy (mail sent before one exists), drained in the same rounds as one more
   * tenant's share, with the same leases: `claim` is a SECURITY DEFINER function (limit, lease seconds) → ids.
   */
  global?: { claim: string; attempt(id: string): Promise<void> };
}

export interface OutboxWorker {
  /** Claims and attempts what is due now; answers how many items it attempted. */
  runOnce(): Promise<number>;
  /** Stops polling and waits for the attempts in flight to be recorded. */
  stop(): Promise<void>;
}

/** A transaction with the tenant set for row-level security, and a TenantDb that names it in every statement. */
export function inTenant<T>(
  dataSource: DataSource,
  tenantId: string,
  work: (db: TenantDb) => Promise<T>,
): Promise<T> {
  return dataSource.transaction(async (db) => {
    // A scheduled job may run resolvers side by side (the monthly report asks the schema), and one connection runs
    // one statement at a time: queue them as a request's are, rather than on pg's deprecated internal queue.
    if (db.queryRunner) serialised(db.queryRunner);
    await db.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
    return work(new TenantDb(db, tenantId));
  });
}

/**
 * Drains an outbox. Every API process may run one per outbox: claims are leased with SKIP LOCKED, so processes
 * share the work, and an item whose process died mid-attempt is claimed again when its lease runs out; attempts
 * are therefore at least once.
 *
 * A round first asks which consultancies have items due (the one look-up that crosses tenants), then claims in
 * each consultancy's own transaction with its tenant in the WHERE, a share of the batch each, so one busy
 * consultancy does not hold up the others' and, on Citus, each claim runs on the one worker holding that tenant.
 */
export function startOutboxWorker(dataSource: DataSource, outbox: LeasedOutbox): OutboxWorker {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> = Promise.resolve(0);
  const claimSql = `UPDATE ${outbox.table} claimed
        SET locked_until = now() + make_interval(secs => $3)
       FROM (SELECT o.id FROM ${outbox.table} o
              WHERE o.tenant_id = $1 AND o.status = 'PENDING' AND o.next_attempt_at <= now()
                AND (o.locked_until IS NULL OR o.locked_until <= now())
              ORDER BY o.next_attempt_at
              LIMIT $2
              FOR UPDATE SKIP LOCKED) due
      WHERE claimed.tenant_id = $1 AND claimed.id = due.id
     RETURNING claimed.id`;

  /** Leases up to `limit` of one consultancy's due items, oldest first. */
  function claim(tenantId: string, limit: number): Promise<string[]> {
    return inTenant(dataSource, tenantId, async (db) => {
      const rows = (await db.query(claimSql, [tenantId, limit, outbox.leaseSeconds])) as [
        { id: string }[],
        number,
      ];
      return rows[0].map((row) => row.id);
    });
  }

  let fullRound = false;
  async function runOnce(): Promise<number> {
    const tenants = (await dataSource.query(`SELECT tenant_id FROM ${outbox.tenantsDue}($1)`, [BATCH])) as {
      tenant_id: string;
    }[];
    const global = outbox.global;
    const share = Math.max(1, Math.floor(BATCH / Math.max(tenants.length + (global ? 1 : 0), 1)));
    const claimed: { tenantId: string | null; id: string }[] = [];
    fullRound = false;
    for (const { tenant_id: tenantId } of tenants) {
      const mine = await claim(tenantId, share);
      fullRound ||= mine.length === share;
      claimed.push(...mine.map((id) => ({ tenantId, id })));
    }
    if (global) {
      const rows = (await dataSource.query(`SELECT id FROM ${global.claim}($1, $2)`, [
        share,
        outbox.leaseSeconds,
      ])) as { id: string }[];
      fullRound ||= rows.length === share;
      claimed.push(...rows.map(({ id }) => ({ tenantId: null, id })));
    }
    await Promise.all(
      claimed.map(({ tenantId, id }) =>
        (tenantId === null ? global!.attempt(id) : outbox.attempt(tenantId, id)).catch((error: unknown) => {
          // The lease stays: the item is tried again when it runs out.
          logger.warn({ err: error, id }, `${outbox.name} attempt could not be recorded`);
        }),
      ),
    );
    return claimed.length;
  }

  function schedule(delayMs: number) {
    if (stopped) return;
    timer = setTimeout(() => {
      running = runOnce().catch((error: unknown) => {
        logger.warn({ err: error }, `${outbox.name} worker could not claim`);
        return 0;
      });
      // A consultancy that filled its share may have more due: go again at once.
      void running.then(() => schedule(fullRound ? 0 : outbox.pollMs));
    }, delayMs);
    timer.unref();
  }

  if (outbox.poll) schedule(0);

  return {
    runOnce,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
