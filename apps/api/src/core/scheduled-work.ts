import { randomUUID } from 'node:crypto';
import type { GraphQLSchema } from 'graphql';
import type { DataSource } from 'typeorm';
import { logger } from './logger.js';
import { inTenant, startOutboxWorker, type OutboxWorker } from './outbox-worker.js';
import type { TenantDb } from './tenancy/tenant-db.js';

/**
 * Work due at a time rather than at once: an action's reminders, a member's digest, a client's monthly report. Each
 * piece is a row of `scheduled_work`, written in the transaction of the change that makes it due, and drained by
 * core's outbox loop like mail and webhooks (leased per consultancy, several processes safe). Modules declare what
 * a job does (`ApiModule.scheduledJobs`); core only runs it.
 *
 * A job runs in its consultancy's transaction, and the row is marked done in that same transaction: the work and
 * its record commit together, so a crash either leaves both undone (the lease runs out, the row is claimed again)
 * or both done, and the work happens once.
 */

/** What a job's run may use besides its transaction: the API's own links and, for a report, its schema. */
export interface ScheduledWorkEnvironment {
  publicUrl: string;
  emailLinkSecret: string;
  /** The API's schema, for work that asks it as someone would (a monthly report made as a client leader sees it). */
  schema: GraphQLSchema;
}

export interface DueWork {
  id: string;
  key: string;
  payload: unknown;
  /** When it was due: a run late after an outage still knows which slot it is. */
  dueAt: Date;
  /** 1 for the first run; more after failures. */
  attempt: number;
}

export interface ScheduledJob {
  /** Stored in each row: `ACTION_REMINDER`, `DIGEST`, `MONTHLY_REPORT`. Capitals and underscores. */
  name: string;
  /**
   * Does the work in the consultancy's transaction (`db` names its tenant). The row is already marked done in it, so
   * the run may schedule the job's next slot under the same key. A throw rolls all of it back and the run is tried
   * again later; work that no longer applies (an action since done) should return, not throw.
   */
  run(db: TenantDb, work: DueWork, environment: ScheduledWorkEnvironment): Promise<void>;
}

export interface WorkToSchedule {
  job: string;
  key: string;
  runAt: Date;
  payload?: unknown;
}

/**
 * Makes a piece of work due at `runAt`, in the caller's transaction. If the same job and key is already pending,
 * `replace` moves it (and its payload) to the new time, `keep` leaves it as it is (a digest already due at 08:00
 * takes the new item along).
 */
export async function scheduleWork(
  db: TenantDb,
  work: WorkToSchedule,
  onPending: 'replace' | 'keep' = 'replace',
): Promise<void> {
  const conflict =
    onPending === 'keep'
      ? 'DO NOTHING'
      : `DO UPDATE SET payload = EXCLUDED.payload, next_attempt_at = EXCLUDED.next_attempt_at,
                       attempt_count = 0, last_error = NULL
          WHERE w.tenant_id = $1`;
  await db.query(
    `INSERT INTO scheduled_work AS w (tenant_id, id, job, key, payload, next_attempt_at)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (tenant_id, job, key) WHERE status = 'PENDING' ${conflict}`,
    [db.tenantId, randomUUID(), work.job, work.key, JSON.stringify(work.payload ?? {}), work.runAt],
  );
}

/** Calls off pending work of a job by key (an action's reminders once it is done), in the caller's transaction. */
export async function cancelWork(db: TenantDb, job: string, keys: readonly string[]): Promise<void> {
  if (!keys.length) return;
  await db.query(
    `UPDATE scheduled_work SET status = 'CANCELLED', next_attempt_at = NULL, locked_until = NULL, done_at = now()
      WHERE tenant_id = $1 AND job = $2 AND key = ANY ($3) AND status = 'PENDING'`,
    [db.tenantId, job, [...keys]],
  );
}

/** Moves pending work to another time, if there is any (a digest when its member picks another hour or zone). */
export async function rescheduleWork(db: TenantDb, job: string, key: string, runAt: Date): Promise<void> {
  await db.query(
    `UPDATE scheduled_work SET next_attempt_at = $4
      WHERE tenant_id = $1 AND job = $2 AND key = $3 AND status = 'PENDING'`,
    [db.tenantId, job, key, runAt],
  );
}

/** After this many failed runs the work is FAILED and left for whoever reads the logs; most faults pass sooner. */
export const MAX_RUNS = 8;

/** A failed run waits 1, 2, 4 … minutes (at most 256): a fault that lasts (a report that cannot be made) does not spin. */
const RETRY_BASE_SECONDS = 60;

export interface ScheduledWorkSettings {
  pollMs: number;
  /** Poll on a timer; off, only `runOnce` runs what is due (tests). */
  poll: boolean;
  leaseSeconds?: number;
}

interface WorkRow {
  job: string;
  key: string;
  payload: unknown;
  status: string;
  attempt_count: number;
  next_attempt_at: Date;
}

/** Runs what is due (`runOnce`), on a timer unless told not to. */
export function startScheduledWork(
  dataSource: DataSource,
  jobs: readonly ScheduledJob[],
  environment: ScheduledWorkEnvironment,
  settings: ScheduledWorkSettings,
): OutboxWorker {
  const byName = new Map(jobs.map((job) => [job.name, job]));

  async function attempt(tenantId: string, id: string): Promise<void> {
    try {
      await inTenant(dataSource, tenantId, async (db) => {
        const [row] = (await db.query(
          `SELECT job, key, payload, status, attempt_count, next_attempt_at FROM scheduled_work
            WHERE tenant_id = $1 AND id = $2 FOR UPDATE`,
          [tenantId, id],
        )) as WorkRow[];
        if (!row || row.status !== 'PENDING') return;
        const job = byName.get(row.job);
        if (!job) throw new Error(`No module declares the scheduled job ${row.job}.`);
        // Done first, in the same transaction: a run that schedules its next slot under the same key finds no
        // pending row in its way, and a run that throws rolls this back too.
        await db.query(
          `UPDATE scheduled_work
              SET status = 'DONE', next_attempt_at = NULL, locked_until = NULL, done_at = now(),
                  attempt_count = attempt_count + 1, last_error = NULL
            WHERE tenant_id = $1 AND id = $2`,
          [tenantId, id],
        );
        await job.run(
          db,
          {
            id,
            key: row.key,
            payload: row.payload,
            dueAt: row.next_attempt_at,
            attempt: row.attempt_count + 1,
          },
          environment,
        );
      });
    } catch (error) {
      await recordFailure(tenantId, id, error);
    }
  }

  async function recordFailure(tenantId: string, id: string, error: unknown): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    logger.warn({ err: error, tenantId, id }, 'scheduled work failed; it is tried again later');
    await inTenant(dataSource, tenantId, (db) =>
      db.query(
        `UPDATE scheduled_work
            SET attempt_count = attempt_count + 1, locked_until = NULL, last_error = left($3, 2000),
                status = CASE WHEN attempt_count + 1 >= $4 THEN 'FAILED' ELSE 'PENDING' END,
                next_attempt_at = CASE WHEN attempt_count + 1 >= $4 THEN NULL
                                       ELSE now() + make_interval(secs => $5 * 2 ^ least(attempt_count, 8)) END
          WHERE tenant_id = $1 AND id = $2 AND status = 'PENDING'`,
        [tenantId, id, message, MAX_RUNS, RETRY_BASE_SECONDS],
      ),
    );
  }

  return startOutboxWorker(dataSource, {
    name: 'scheduled work',
    table: 'scheduled_work',
    tenantsDue: 'scheduled_work_tenants_due',
    leaseSeconds: settings.leaseSeconds ?? 300,
    pollMs: settings.pollMs,
    poll: settings.poll,
    attempt,
  });
}
