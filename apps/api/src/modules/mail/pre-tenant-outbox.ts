import { randomUUID } from 'node:crypto';
import type { SqlRunner } from '../../core/tenancy/tenant-db.js';

/** A mail written before any consultancy exists (the sign-up mails): plain text, to an address nobody vouches for. */
export interface PreTenantMail {
  kind: string;
  to: string;
  subject: string;
  text: string;
}

export interface PreTenantMailJob {
  status: string;
  attempt_count: number;
  message_id: string;
  to_address: string;
  subject: string;
  text: string;
}

/**
 * Puts a mail in the global pre-tenant outbox (migration 1763800027500), in the caller's transaction like
 * `queueMail`, through a SECURITY DEFINER function: the API role cannot read that table. The mail worker sends it
 * (or, without SMTP_URL, keeps it). Answers its id, which only the caller and the worker know.
 *
 * With `null` nothing is queued but the same statement is sent, so a caller that must not be told apart by its
 * work (a sign-up over its mail limit, whose answer counts its statements in x-sql-statements) does the same.
 */
export async function queuePreTenantMail(db: SqlRunner, mail: PreTenantMail | null): Promise<string | null> {
  const id = mail ? randomUUID() : null;
  await db.query('SELECT queue_pre_tenant_mail($1, $2, $3, $4, $5, $6)', [
    id,
    mail ? `<${randomUUID()}@mail.service-programme>` : null,
    mail?.kind ?? null,
    mail?.to.trim() ?? null,
    mail?.subject ?? null,
    mail?.text ?? null,
  ]);
  return id;
}

/** One pre-tenant mail by its id: what the worker sends, and what the demo seed reads its own link from. */
export async function preTenantMailJob(db: SqlRunner, id: string): Promise<PreTenantMailJob | null> {
  const rows = (await db.query(
    'SELECT status, attempt_count, message_id, to_address, subject, text FROM pre_tenant_mail_job($1)',
    [id],
  )) as PreTenantMailJob[];
  return rows[0] ?? null;
}

/** True when this call kept it (no SMTP server), so its line is shown once. */
export async function keepPreTenantMail(db: SqlRunner, id: string): Promise<boolean> {
  const rows = (await db.query('SELECT keep_pre_tenant_mail($1) AS kept', [id])) as {
    kept: boolean | null;
  }[];
  return rows[0]?.kept === true;
}

export async function recordPreTenantMail(
  db: SqlRunner,
  id: string,
  outcome: { attempt: number; status: string; nextAttemptAt: Date | null; lastError: string | null },
): Promise<void> {
  await db.query('SELECT record_pre_tenant_mail($1, $2, $3, $4, $5)', [
    id,
    outcome.attempt,
    outcome.status,
    outcome.nextAttemptAt,
    outcome.lastError,
  ]);
}
