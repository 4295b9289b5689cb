import type { SqlRunner, TenantDb } from '../../core/tenancy/tenant-db.js';
import type { FailureRun } from '../../core/auth/failure-runs.js';

/**
 * The consultancy an email signs in to, after waiting for any other attempt on the same email to commit. The
 * advisory lock (released with the request's transaction) is what makes each attempt see the failures of the one
 * before, across API processes: without it, attempts sent side by side would all read the count before any of
 * them wrote it, and a burst would buy as many guesses as it had requests. Taken for unknown emails too, so they
 * take as long as known ones.
 */
export async function lockSignInEmail(db: SqlRunner, email: string): Promise<string | null> {
  const rows: { tenant_id: string | null }[] = await db.query(
    `SELECT pg_advisory_xact_lock(hashtextextended('sign-in:' || $1, 0))::text AS locked,
            sign_in_tenant($1) AS tenant_id`,
    [email],
  );
  return rows[0]?.tenant_id ?? null;
}

interface RunRow {
  user_id: string;
  failures: number;
  last_failed_at: Date;
}

const toRun = (row: RunRow): FailureRun => ({ failures: row.failures, lastFailedAt: row.last_failed_at });

/** The member's current run of wrong passwords, in the request's tenant. */
export async function failureRunOf(db: TenantDb, memberId: string): Promise<FailureRun | null> {
  const rows: RunRow[] = await db.query(
    'SELECT user_id, failures, last_failed_at FROM sign_in_failures WHERE tenant_id = $1 AND user_id = $2',
    [db.tenantId, memberId],
  );
  return rows[0] ? toRun(rows[0]) : null;
}

export async function failureRunsOf(
  db: TenantDb,
  memberIds: readonly string[],
): Promise<Map<string, FailureRun>> {
  const rows: RunRow[] = await db.query(
    'SELECT user_id, failures, last_failed_at FROM sign_in_failures WHERE tenant_id = $1 AND user_id = ANY($2)',
    [db.tenantId, memberIds],
  );
  return new Map(rows.map((row) => [row.user_id, toRun(row)]));
}

export async function saveFailureRun(db: TenantDb, memberId: string, run: FailureRun): Promise<void> {
  await db.query(
    `INSERT INTO sign_in_failures (tenant_id, user_id, failures, last_failed_at)
     VALUES ($4, $1, $2, $3)
     ON CONFLICT (tenant_id, user_id)
     DO UPDATE SET failures = EXCLUDED.failures, last_failed_at = EXCLUDED.last_failed_at`,
    [memberId, run.failures, run.lastFailedAt, db.tenantId],
  );
}

/** A right password, a new password or an admin ends the run (and with it any lock). */
export async function clearFailureRun(db: TenantDb, memberId: string): Promise<void> {
  await db.query('DELETE FROM sign_in_failures WHERE tenant_id = $1 AND user_id = $2', [
    db.tenantId,
    memberId,
  ]);
}
